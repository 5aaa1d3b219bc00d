// `npm run bench [-- --devices 1000000] [-- --quick]`: builds a generated register, starts the real server
// (node dist/main.js) on 127.0.0.1 and measures FOI reports, list/read, the pages (signed in), POST throughput against a bare
// limit route, import/export and start-up. Prints a table and writes test/bench/results.json.
// Timings are reported, never asserted: nothing here fails a build on speed.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { RssWatch, startServer } from './lib/server.mjs';
import {
  createToken,
  sampleRows,
  seededRegister,
  snapshotDist,
  workingCopy,
} from './lib/register.mjs';
import { foiSection, foiWindows, postSection, readSection, startupSection } from './lib/sections.mjs';
import { countsSection } from './lib/counts-section.mjs';
import { createPageUser, pagesSection } from './lib/pages-section.mjs';
import { importExportSection } from './lib/import-export.mjs';
import { meets, renderTable } from './lib/stats.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..', '..');
const out = join(benchDir, 'out');

const { values: args } = parseArgs({
  options: {
    devices: { type: 'string' },
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'post-seconds': { type: 'string' },
    startups: { type: 'string' },
    'import-rows': { type: 'string' },
    only: { type: 'string' },
    seeder: { type: 'string' },
    reseed: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    results: { type: 'string' },
  },
});
const quick = args.quick;
const opts = {
  devices: Number(args.devices ?? (quick ? 10_000 : 100_000)),
  runs: Number(args.runs ?? (quick ? 3 : 5)),
  postSeconds: Number(args['post-seconds'] ?? (quick ? 3 : 10)),
  startups: Number(args.startups ?? (quick ? 2 : 5)),
  importRows: Number(args['import-rows'] ?? (quick ? 5_000 : 100_000)),
  only: args.only ? args.only.split(',') : ['startup', 'foi', 'counts', 'read', 'pages', 'post', 'import', 'export'],
  cpuProf: args['cpu-prof'],
};
const resultsPath =
  args.results ?? (quick ? join(out, 'results-quick.json') : join(benchDir, 'results.json'));
mkdirSync(out, { recursive: true });

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const warnings = [];
const rows = [];

const dist = await snapshotDist(root, out);
// The shape by default (its targets are stated for it); --seeder demo for the demo register.
const seeder = args.seeder ?? 'bench';
log(`register of ${opts.devices.toLocaleString('en-GB')} devices (seeder: ${seeder})`);
const seeded = await seededRegister({ dist, out, devices: opts.devices, seeder, reseed: args.reseed });
if (seeded.seededNow) log(`seeded in ${Math.round(seeded.seedMs / 1000)} s`);
// Tokens are made on the seeded file (which also brings it up to the latest migrations once), then copied.
const tokens = {
  foi: await createToken(dist, seeded.file, 'foi'),
  officer: await createToken(dist, seeded.file, 'exhibits_officer'),
  admin: await createToken(dist, seeded.file, 'admin'),
};
const info = workingCopy(seeded.file, out);
log(
  `working copy: ${info.devices} devices, ${info.cases} cases, ${info.examinations} examinations, ${info.sizeMb} MB`,
);
const sample = sampleRows(info.file);
// A page user (username and password) on this run's copy, for the pages section's signed-in session.
if (opts.only.includes('pages')) await createPageUser(dist, info.file);
const ctx = {
  opts,
  dist,
  benchDir,
  out,
  info,
  tokens,
  sample,
  referenceDate: info.seizedRange.last.slice(0, 10),
  record: (row) => {
    const met = meets(row.target, row.median);
    rows.push({ ...row, met });
    log(`${row.name}: median ${row.median} ${row.unit}${met === false ? ' (target missed)' : ''}`);
  },
  warn: (message) => {
    warnings.push(message);
    log(`WARNING ${message}`);
  },
};

const started = Date.now();
if (opts.only.includes('startup')) await startupSection(ctx);

const profDir = join(out, 'profiles', new Date().toISOString().replace(/[:.]/g, '-'));
if (opts.cpuProf) mkdirSync(profDir, { recursive: true });
ctx.server = await startServer({
  script: join(dist, 'main.js'),
  env: { DATABASE_PATH: info.file },
  cpuProfDir: opts.cpuProf ? profDir : undefined,
});
const wholeRun = new RssWatch(ctx.server.pid);
const sections = [
  ['foi', foiSection],
  ['counts', (c) => countsSection(c, foiWindows(c.referenceDate))],
  ['read', readSection],
  ['pages', pagesSection],
  ['post', postSection],
  ['import', (c) => importExportSection(c, 'import')],
  ['export', (c) => importExportSection(c, 'export')],
];
try {
  for (const [name, section] of sections) {
    if (!opts.only.includes(name)) continue;
    try {
      await section(ctx);
    } catch (error) {
      ctx.warn(`section ${name} failed: ${String(error?.message ?? error).split('\n')[0]}`);
    }
  }
} finally {
  const peak = wholeRun.stop();
  rows.push({
    key: 'server.peakRss',
    name: 'server peak RSS over the measured run',
    median: peak,
    unit: 'MB',
    peakRssMb: peak,
    peakAnonMb: wholeRun.anonMb,
    met: null,
  });
  await ctx.server.stop();
}

const table = renderTable(rows);
process.stdout.write(`\n${table}\n`);
if (warnings.length) process.stdout.write(`\nWarnings:\n- ${warnings.join('\n- ')}\n`);
if (opts.cpuProf) process.stdout.write(`\nCPU profile(s) in ${profDir}\n`);

const gitCommit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    return null;
  }
})();
const results = {
  generatedAt: new Date().toISOString(),
  durationSec: Math.round((Date.now() - started) / 1000),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 1073741824),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtEnd: (await import('node:os')).loadavg().map((x) => Math.round(x * 100) / 100),
  },
  gitCommit,
  options: { ...opts, quick, seeder },
  register: { ...info, file: undefined, seedSec: seeded.seedMs ? Math.round(seeded.seedMs / 1000) : null },
  referenceDate: ctx.referenceDate,
  targetsApplyAt: '1,000,000 devices and 300,000 cases on the 2-core reference machine',
  warnings,
  rows,
};
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${resultsPath}`);
if (!existsSync(resultsPath)) process.exitCode = 1;
