import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SCRIPT = resolve(import.meta.dirname, '..', 'scripts', 'build-if-changed.mjs');

// Issue 13 part 9: `npm run cli` builds only when the sources changed since the last build. Run on a
// scratch project whose `nest` only counts its calls (and writes dist/cli/main.js like a build).
describe('npm run cli: build only when sources changed', () => {
  let root: string;
  const builds = () => readFileSync(join(root, 'builds.log'), 'utf8').split('\n').filter(Boolean).length;
  const run = () =>
    execFileSync('node', [SCRIPT], { env: { ...process.env, BUILD_ROOT: root }, stdio: 'pipe' });
  const touch = (path: string, secondsFromNow: number) => {
    const when = new Date(Date.now() + secondsFromNow * 1000);
    utimesSync(path, when, when);
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'register-build-'));
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    mkdirSync(join(root, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(root, 'src', 'cli', 'main.ts'), 'export {};\n');
    writeFileSync(join(root, 'builds.log'), '');
    const nest = join(root, 'node_modules', '.bin', 'nest');
    writeFileSync(
      nest,
      `#!/usr/bin/env node
const fs = require('node:fs');
fs.appendFileSync(${JSON.stringify(join(root, 'builds.log'))}, 'build\\n');
fs.mkdirSync(${JSON.stringify(join(root, 'dist', 'cli'))}, { recursive: true });
fs.writeFileSync(${JSON.stringify(join(root, 'dist', 'cli', 'main.js'))}, '');
`,
    );
    chmodSync(nest, 0o755);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds when there is no build, then not again until a source changes', () => {
    run();
    expect(builds()).toBe(1);
    run();
    run();
    expect(builds()).toBe(1);

    touch(join(root, 'src', 'cli', 'main.ts'), 5);
    run();
    expect(builds()).toBe(2);
    run();
    expect(builds()).toBe(2);

    writeFileSync(join(root, 'src', 'cli', 'new-command.ts'), 'export {};\n');
    touch(join(root, 'src', 'cli', 'new-command.ts'), 10);
    touch(join(root, 'src', 'cli'), 10);
    run();
    expect(builds()).toBe(3);
  });
});
