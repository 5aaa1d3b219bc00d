// A million bad rows (issue 14): POSTs a generated CSV of rows that all fail (device type NOPE) to the
// built server, as `curl -F file=@bad.csv` would, and reports the status, the wall time, the answer's
// size and the server's peak RSS (VmHWM, reset before the upload) and CPU. Nothing is asserted.
//
//   node test/bench/import-bad-rows.mjs [--rows 1000000] [--dist dist] [--cpu-prof]
//
// --dist runs another build (e.g. a copy of an older dist/, for a before-and-after figure).
import { execFile } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createToken } from './lib/register.mjs';
import { RssWatch, startServer } from './lib/server.mjs';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
if (args.includes('--help')) {
  console.log('node test/bench/import-bad-rows.mjs [--rows 1000000] [--dist dist] [--cpu-prof]');
  process.exit(0);
}
const rows = Number(option('rows', '1000000'));
const dist = resolve(root, option('dist', 'dist'));
const out = join(here, 'out', 'bad-rows');
mkdirSync(out, { recursive: true });
// dist/reference-data reads ../data/reference: a copied dist needs the same neighbour.
const data = join(dirname(dist), 'data');
if (!existsSync(data)) symlinkSync(join(root, 'data'), data);

async function badCsv() {
  const file = join(out, `bad-${rows}.csv`);
  if (existsSync(file)) return file;
  const stream = createWriteStream(file);
  stream.write('Case reference,Case kind,Exhibit reference,Device type,Seized at,Seized by\n');
  for (let i = 1; i <= rows; i++) {
    if (!stream.write(`C${i},CRIME,A/${i},NOPE,2025-01-01T10:00Z,P\n`)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  return file;
}

const file = await badCsv();
const db = join(out, 'run.sqlite');
for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
const token = await createToken(dist, db, 'exhibits_officer');
const server = await startServer({
  script: join(dist, 'main.js'),
  env: { DATABASE_PATH: db, LOG_LEVEL: 'warn' },
  cpuProfDir: args.includes('--cpu-prof') ? join(out, 'profiles') : undefined,
});
try {
  const watch = new RssWatch(server.pid);
  const started = performance.now();
  const { stdout } = await run(
    'curl',
    ['-s', '-o', join(out, 'body.json'), '-w', '%{http_code}', '-H', `Authorization: Bearer ${token}`,
      '-F', `file=@${file}`, `${server.baseUrl}/api/imports/devices`],
    { maxBuffer: 1 << 20 },
  );
  const wallMs = performance.now() - started;
  const peakMb = watch.stop();
  console.log(
    JSON.stringify(
      {
        rows,
        fileMB: +(statSync(file).size / 1e6).toFixed(1),
        status: Number(stdout),
        wallS: +(wallMs / 1000).toFixed(1),
        serverCpuS: watch.cpuMs === null ? null : +(watch.cpuMs / 1000).toFixed(1),
        peakRssMB: peakMb,
        bodyKB: +(statSync(join(out, 'body.json')).size / 1024).toFixed(1),
        loadAverage: loadavg().map((l) => +l.toFixed(2)),
        dist,
      },
      null,
      2,
    ),
  );
} finally {
  await server.stop();
}
