// Server CPU per request of POST /api/devices (and of an authenticated GET), measured in-process with
// Fastify's inject on a fresh register: steadier than a load run on a shared machine, because it counts
// this process's CPU time only. Run after `npx nest build`:
//
//   node [--cpu-prof] test/bench/post-cpu.mjs [--requests 3000] [--dist dist] [--database <copy.sqlite>]
//
// --database: a register to write into (give a copy: it is changed), e.g. of the 1,000,000-device one;
// default a fresh, empty register.
// Request logs go to stdout as in production; send them to /dev/null (`> /dev/null`), the figures are
// printed on stderr.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '3000' },
    dist: { type: 'string', default: 'dist' },
    concurrency: { type: 'string', default: '10' },
    database: { type: 'string' },
  },
});
const dist = resolve(args.dist);
const requests = Number(args.requests);
const concurrency = Number(args.concurrency);
const dir = mkdtempSync(join(tmpdir(), 'post-cpu-'));
process.env.DATABASE_PATH = args.database ? resolve(args.database) : join(dir, 'register.sqlite');
process.env.LOG_LEVEL ??= 'info';

const load = (path) => import(pathToFileURL(join(dist, path)).href);
await import('reflect-metadata');
const { NestFactory } = await import('@nestjs/core');
const { FastifyAdapter } = await import('@nestjs/platform-fastify');
const { AppModule } = await load('app.module.js');
const { configureApp, FASTIFY_OPTIONS } = await load('app-setup.js');
const { UsersService } = await load('auth/users.service.js');
const { PinoNestLogger, REQUEST_LOGGER } = await load('security/request-logging.js');

const app = await NestFactory.create(AppModule, new FastifyAdapter(FASTIFY_OPTIONS), { bufferLogs: true });
app.useLogger(new PinoNestLogger(app.get(REQUEST_LOGGER)));
await configureApp(app);
await app.init();
const fastify = app.getHttpAdapter().getInstance();
await fastify.ready();
const { token } = await app.get(UsersService).create('Bench officer', 'exhibits_officer', null);
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

const tag = Math.random().toString(36).slice(2, 6).toUpperCase();
// A given register: 2,000 of its open cases (as the bench does); else 1,000 new ones.
const { DataSource } = await import('typeorm');
const caseIds = args.database
  ? (await app.get(DataSource).query('SELECT id FROM cases WHERE "voidedAt" IS NULL LIMIT 2000')).map(
      (r) => r.id,
    )
  : [];
for (let i = 0; i < (args.database ? 0 : 1000); i++) {
  const res = await fastify.inject({
    method: 'POST',
    url: '/api/cases',
    headers,
    payload: { reference: `CR/${tag}${100000 + i}/25`, kind: 'CRIME', offenceSubgroup: 'DRUG_TRAFFICKING' },
  });
  if (res.statusCode !== 201) throw new Error(`case: ${res.statusCode} ${res.body}`);
  caseIds.push(res.json().id);
}

let n = 0;
const body = () => {
  n += 1;
  return JSON.stringify({
    caseId: caseIds[n % caseIds.length],
    exhibitRef: `Z${tag.slice(0, 2).replace(/[^A-Z]/g, 'Q')}/${n}`,
    deviceType: 'SMART_PLUG',
    make: 'TP-Link',
    model: 'HS100',
    serialNumber: `SN-${n}`,
    macAddress: '02:00:00:00:00:01',
    firmwareVersion: '1.5.6',
    seizedAt: '2026-01-15T10:30:00Z',
    seizedBy: 'PC 1234',
    seizureLocation: 'Kitchen worktop',
    powerStateAtSeizure: 'ON',
    photographedInSitu: true,
    networkIsolated: true,
    companionApp: 'Kasa',
  });
};

async function run(label, count, makeRequest, expected) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const res = await fastify.inject(makeRequest());
      if (res.statusCode !== expected) throw new Error(`${label}: ${res.statusCode} ${res.body}`);
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  return { label, cpuMsPerRequest: (used.user + used.system) / 1000 / count, wallMs: wall };
}

const post = () => ({ method: 'POST', url: '/api/devices', headers, payload: body() });
const get = () => ({ method: 'GET', url: '/api/reference', headers });
await run('warm-up', 500, post, 201);
await run('warm-up', 500, get, 200);
const results = [];
const labels = process.env.POST_ONLY ? ['POST /api/devices'] : ['POST /api/devices', 'GET /api/reference'];
for (let round = 0; round < 3; round++) {
  results.push(await run('POST /api/devices', requests, post, 201));
  if (labels.length > 1) results.push(await run('GET /api/reference', requests, get, 200));
}
for (const label of labels) {
  const cpu = results
    .filter((r) => r.label === label)
    .map((r) => r.cpuMsPerRequest)
    .sort((a, b) => a - b);
  process.stderr.write(
    `${label}: server CPU ms/request median ${cpu[1].toFixed(3)} (min ${cpu[0].toFixed(3)}, max ${cpu[2].toFixed(3)})\n`,
  );
}
await app.close();
rmSync(dir, { recursive: true, force: true });
