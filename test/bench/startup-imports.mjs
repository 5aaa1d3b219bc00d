// Where start-up time goes: imports the server's dependencies one after another in a fresh process and
// prints the time each adds (a module already loaded costs nothing the second time), then the app.
//   node test/bench/startup-imports.mjs [dist]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = process.argv[2] ?? join(process.cwd(), 'dist');
const steps = [
  'reflect-metadata',
  '@nestjs/core',
  '@nestjs/common',
  '@nestjs/platform-fastify',
  'typeorm',
  '@nestjs/typeorm',
  'better-sqlite3',
  'class-validator',
  'class-transformer',
  '@nestjs/swagger',
  'pino',
  'luxon',
  'exceljs',
  'helmet',
  '@fastify/multipart',
  pathToFileURL(join(dist, 'app.module.js')).href,
];
const t0 = performance.now();
for (const step of steps) {
  const started = performance.now();
  await import(step);
  process.stdout.write(`${(performance.now() - started).toFixed(0).padStart(6)} ms  ${step.replace(/^file:.*\/dist\//, 'dist/')}\n`);
}
process.stdout.write(`${(performance.now() - t0).toFixed(0).padStart(6)} ms  all imports\n`);
