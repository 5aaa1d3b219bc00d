// Times each statement of one FOI report on a register file, to find the slow one:
//   node test/bench/foi-statements.mjs <register.sqlite> "deviceType=SMART_PLUG&period=last-12-months"
// (uses the built app in dist/; statements over 1 ms are listed with their wall and CPU time, and with
// PLANS=1 their plan).
import 'reflect-metadata';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [file, queryString = 'deviceType=SMART_PLUG&period=last-12-months', distArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node test/bench/foi-statements.mjs <register.sqlite> [query] [dist]\n');
  process.exit(2);
}
process.env.DATABASE_PATH = file;
process.env.LOG_LEVEL = 'error';
const dist = distArg ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const load = (p) => import(pathToFileURL(join(dist, p)).href);
const { NestFactory } = await import('@nestjs/core');
const { AppModule } = await load('app.module.js');
const { FoiReportService } = await load('foi-reports/foi-report.service.js');
const { DataSource } = await import('typeorm');

const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
const dataSource = app.get(DataSource);
// Each statement's wall and CPU time (better-sqlite3 runs a statement synchronously, so the process's CPU
// time across the call is the statement's, plus TypeORM's handling of its rows).
const slow = [];
const query = dataSource.query.bind(dataSource);
dataSource.query = async (sql, parameters, queryRunner) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await query(sql, parameters, queryRunner);
  const used = process.cpuUsage(cpu);
  const time = performance.now() - started;
  if (time >= 1) slow.push({ time, cpuMs: (used.user + used.system) / 1000, sql, parameters });
  return result;
};
// A repeated key (deviceType=A&deviceType=B) asks for several types, as the API's query does.
const input = {};
for (const [key, value] of new URLSearchParams(queryString)) {
  input[key] = key in input ? [input[key], value].flat() : value;
}
const service = app.get(FoiReportService);
const runs = Number(process.env.RUNS ?? 2);
for (let run = 0; run < runs; run++) {
  slow.length = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await service.report(input);
  const used = process.cpuUsage(cpu);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  // CPU time is the fairer figure on a busy machine: it does not count waiting for a core.
  process.stdout.write(
    `\nrun ${run + 1}: report ${Math.round(performance.now() - started)} ms (${cpuMs} ms CPU)\n`,
  );
  const listed = [...slow]; // EXPLAIN below goes through the wrapper too
  for (const s of listed) {
    const times = `${String(Math.round(s.time)).padStart(7)} ms ${String(Math.round(s.cpuMs)).padStart(5)} ms CPU`;
    process.stdout.write(`${times}  ${s.sql.replace(/\s+/g, ' ').slice(0, 120)}\n`);
    if (run === runs - 1 && process.env.PLANS) {
      const plan = await query(`EXPLAIN QUERY PLAN ${s.sql}`, s.parameters);
      process.stdout.write(plan.map((p) => `           ${p.detail}`).join('\n') + '\n');
    }
  }
}
await app.close();
