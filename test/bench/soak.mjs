// `npm run bench:soak [-- --seconds 60 --connections 10]`: starts the built server (dist/main.js) on a
// temporary database at 127.0.0.1, creates tokens with the real CLI, holds a mixed read/write load with
// autocannon, then reports requests served, errors (must be 0), latency and the audit chain check.
// Exit code 1 when any request failed or the chain does not verify.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
    // Also write from a second process (the CLI) during the load, as an admin creating users would.
    'cli-writers': { type: 'boolean', default: false },
  },
});
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const log = (message) => process.stderr.write(`[soak] ${message}\n`);

const dir = mkdtempSync(join(tmpdir(), 'register-soak-'));
const env = { ...process.env, DATABASE_PATH: join(dir, 'soak.sqlite'), LOG_LEVEL: 'info' };
const cli = (...cliArgs) =>
  execFileSync('node', [join(root, 'dist/cli/main.js'), ...cliArgs], {
    env,
    encoding: 'utf8',
    stdio: 'pipe',
  });
const token = (role) => cli('user:create', '--name', `Soak ${role}`, '--role', role).trim().split('\n').pop();

const port = await new Promise((done) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port: p } = s.address();
    s.close(() => done(p));
  });
});
const base = `http://127.0.0.1:${port}`;

log(`database ${env.DATABASE_PATH}; creating tokens with the CLI`);
const officer = token('exhibits_officer');
const admin = token('admin');
// Request logs go to /dev/null: written as in production, not kept.
const server = spawn('node', [join(root, 'dist/main.js')], {
  env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stopServer = () => server.exitCode === null && server.kill('SIGTERM');
process.on('exit', stopServer);

for (let i = 0; ; i++) {
  if (
    await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 300 || server.exitCode !== null) throw new Error('the server did not start');
  await new Promise((r) => setTimeout(r, 100));
}

const json = { 'content-type': 'application/json', authorization: `Bearer ${officer}` };
const seedCase = await (
  await fetch(`${base}/api/cases`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ reference: 'SOAK/SEED', kind: 'CRIME', offenceSubgroup: 'DRUG_TRAFFICKING' }),
  })
).json();

let sequence = 0;
const next = () => `${process.pid}-${(sequence += 1)}`;
// Per connection: create a case, update it (If-Match), read it, list cases, list devices, add a device.
const requests = [
  {
    method: 'POST',
    path: '/api/cases',
    headers: json,
    setupRequest: (req) => ({
      ...req,
      body: JSON.stringify({
        reference: `SOAK/${next()}`,
        kind: 'CRIME',
        offenceSubgroup: 'DRUG_TRAFFICKING',
      }),
    }),
    onResponse: (status, body, context) => {
      // After a failed create the next requests of this round use the seed case (and count as errors).
      context.kase = status === 201 ? JSON.parse(body) : seedCase;
    },
  },
  {
    method: 'PATCH',
    headers: json,
    setupRequest: (req, context) => ({
      ...req,
      path: `/api/cases/${context.kase.id}`,
      headers: { ...json, 'if-match': `"${context.kase.version}"` },
      body: JSON.stringify({ offenceSubgroup: 'DRUG_POSSESSION', policeOutcome: '2' }),
    }),
  },
  {
    method: 'GET',
    headers: json,
    setupRequest: (req, context) => ({ ...req, path: `/api/cases/${context.kase.id}` }),
  },
  { method: 'GET', path: '/api/cases?limit=20', headers: json },
  { method: 'GET', path: '/api/devices?limit=20&deviceType=SMART_PLUG', headers: json },
  {
    method: 'POST',
    path: '/api/devices',
    headers: json,
    setupRequest: (req) => ({
      ...req,
      body: JSON.stringify({
        caseId: seedCase.id,
        exhibitRef: `SK/${(sequence += 1)}`,
        deviceType: 'SMART_PLUG',
        seizedAt: '2025-03-01T10:15:00Z',
        seizedBy: 'PC 1',
      }),
    }),
  },
];

// Any answer other than 2xx, by request and status, with the first body seen: there should be none.
const failures = {};
for (const [index, request] of requests.entries()) {
  const own = request.onResponse;
  request.onResponse = (status, body, context) => {
    if (status >= 300) {
      const key = `${index}:${request.method} ${request.path ?? '(per case)'} ${status}`;
      failures[key] ??= { count: 0, first: String(body).slice(0, 300) };
      failures[key].count += 1;
    }
    own?.(status, body, context);
  };
}

log(`holding ${connections} connections for ${seconds} s against ${base}`);
let cliWrites = 0;
let loadDone = false;
const cliLoop = (async () => {
  while (args['cli-writers'] && !loadDone) {
    await new Promise((done, fail) =>
      execFile(
        'node',
        [join(root, 'dist/cli/main.js'), 'user:create', '--name', 'Soak CLI', '--role', 'foi'],
        { env },
        (error) => (error ? fail(error) : done()),
      ),
    );
    cliWrites += 1;
  }
})();
const result = await autocannon({ url: base, connections, duration: seconds, requests });
loadDone = true;
await cliLoop;

const verify = await (
  await fetch(`${base}/api/audit/verify`, { headers: { authorization: `Bearer ${admin}` } })
).json();
stopServer();

const errors = result.errors + result.timeouts + result.non2xx;
const summary = {
  seconds,
  connections,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  errors,
  errorsDetail: { socket: result.errors, timeouts: result.timeouts, non2xx: result.non2xx },
  latencyMs: {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
  },
  ...(args['cli-writers'] ? { cliWrites } : {}),
  audit: verify.message,
  ...(Object.keys(failures).length ? { failures } : {}),
};
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
if (!args.keep) rmSync(dir, { recursive: true, force: true });
process.exitCode = errors === 0 && verify.intact ? 0 : 1;
