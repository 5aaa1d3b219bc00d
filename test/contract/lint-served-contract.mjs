// CI (.ci/run, after `npm run build`): starts the BUILT server (dist/) on a temporary SQLite file on
// 127.0.0.1 and a free port, fetches the contract it serves at /docs-json, writes it to
// test/.generated/openapi.json and lints it with Redocly CLI (redocly.yaml, .redocly.lint-ignore.yaml).
// Exit 1 on any error or warning.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'register-contract-'));
process.env.DATABASE_PATH = join(dir, 'register.sqlite');
delete process.env.DATABASE_URL;
process.env.LOG_LEVEL = 'silent';

const { NestFactory } = await import('@nestjs/core');
const { FastifyAdapter } = await import('@nestjs/platform-fastify');
const { AppModule } = await import('../../dist/app.module.js');
const { configureApp, FASTIFY_OPTIONS } = await import('../../dist/app-setup.js');

const app = await NestFactory.create(AppModule, new FastifyAdapter(FASTIFY_OPTIONS), { logger: false });
let status = 1;
try {
  await configureApp(app);
  await app.listen(0, '127.0.0.1');
  const response = await fetch(`${await app.getUrl()}/docs-json`);
  if (!response.ok) throw new Error(`/docs-json answered ${response.status}`);
  mkdirSync('test/.generated', { recursive: true });
  const file = join('test', '.generated', 'openapi.json');
  const document = await response.json();
  writeFileSync(file, JSON.stringify(document, null, 2));
  const operations = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  // Redocly exits 0 on warnings: read its JSON report and fail on any problem.
  let output;
  try {
    output = execFileSync(
      'node_modules/.bin/redocly',
      ['lint', file, '--config', 'redocly.yaml', '--format', 'json'],
      {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 32 * 1024 * 1024,
      },
    );
  } catch (error) {
    output = error.stdout;
  }
  const report = JSON.parse(String(output));
  for (const problem of report.problems) {
    console.log(
      `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`,
    );
  }
  const { errors, warnings, ignored } = report.totals;
  console.log(
    `Contract served by dist/ (${operations} operations, ${file}): Redocly lint ${errors} errors, ${warnings} warnings, ${ignored} ignored`,
  );
  status = errors + warnings === 0 ? 0 : 1;
} catch (error) {
  console.error(
    `Could not lint the served contract: ${error instanceof Error ? error.message : String(error)}`,
  );
}
// Not app.close(): it leaves Node's top-level await unsettled here (exit 13); the process ends instead.
rmSync(dir, { recursive: true, force: true });
process.exit(status);
