import { existsSync } from 'node:fs';

// `npm run demo`: the register served on the demo database (DEMO_DATABASE_PATH, default
// data/demo.sqlite), never on the main register. Portable: no shell variables in package.json.
const path = process.env.DEMO_DATABASE_PATH || 'data/demo.sqlite';
if (!existsSync(path)) {
  process.stderr.write(`No demo database at ${path}. Create it first: npm run cli -- demo:seed\n`);
  process.exit(2);
}
process.env.DATABASE_PATH = path;
delete process.env.DATABASE_URL;
await import('../main.js');
