// Preparing what the benchmark runs against: a private copy of the built app (so a colleague's
// `nest build` cannot delete it mid-run), a generated register of N devices (cached per size and seeder),
// a fresh working copy of it per run, and bearer tokens made with the real CLI.
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { benchSeed } from './bench-seed.mjs';

const run = promisify(execFile);
export const SEED_NOW = '2026-11-29';

// Every .js file under dir with its size and mtime: equal listings before and after a copy mean no
// build ran meanwhile.
function listing(dir, withTimes = true) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => String(f).endsWith('.js'))
    .map((f) => {
      const st = statSync(join(dir, String(f)));
      return `${String(f)}:${st.size}${withTimes ? `:${st.mtimeMs}` : ''}`;
    })
    .sort()
    .join('\n');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function snapshotDist(root, out) {
  const dist = join(root, 'dist');
  const target = join(out, 'dist');
  // A colleague's `nest build` empties and refills dist/ for a few seconds: copy it only when complete
  // and unchanged during the copy.
  for (let attempt = 0; ; attempt += 1) {
    if (attempt >= 60) throw new Error('dist/ is missing or keeps changing: run `npm run build` first');
    const ready = ['main.js', 'app.module.js', 'cli/main.js', 'cli/cli.module.js'].every((f) =>
      existsSync(join(dist, f)),
    );
    if (!ready) {
      await sleep(2000);
      continue;
    }
    const before = listing(dist);
    await sleep(1500);
    if (listing(dist) !== before) continue;
    rmSync(target, { recursive: true, force: true });
    cpSync(dist, target, { recursive: true });
    const unchanged = listing(dist) === before;
    if (unchanged && listing(target, false) === listing(dist, false)) break;
    await sleep(2000);
  }
  // dist/reference-data reads ../../data/reference: give the copy the same neighbour.
  const data = join(out, 'data');
  if (!existsSync(data)) symlinkSync(join(root, 'data'), data);
  return target;
}

export async function cli(dist, dbPath, args, timeoutMs = 3_600_000) {
  const { stdout } = await run(process.execPath, [join(dist, 'cli', 'main.js'), ...args], {
    env: { ...process.env, DATABASE_PATH: dbPath, LOG_LEVEL: 'warn' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: timeoutMs,
  });
  return stdout;
}

export async function createToken(dist, dbPath, role) {
  const stdout = await cli(dist, dbPath, ['user:create', '--name', `Bench ${role}`, '--role', role]);
  const lines = stdout.trim().split('\n');
  return lines[lines.length - 1].trim();
}

function removeDb(path) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** True when the built CLI has the demo seeder's command (src/demo, `demo:seed`). */
export function demoSeederAvailable(dist) {
  const dir = join(dist, 'cli');
  if (!existsSync(dir)) return false;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .some((f) => readFileSync(join(dir, f), 'utf8').includes("'demo:seed'"));
}

/**
 * The seeded register for `devices` devices, built once per size and seeder and kept in out/
 * (`--reseed` rebuilds it). Returns its path and how long seeding took when it was built now.
 */
export async function seededRegister({ dist, out, devices, seeder, reseed }) {
  const file = join(out, `register-${seeder}-${devices}.sqlite`);
  if (existsSync(file) && !reseed) return { file, seededNow: false, seedMs: null };
  // Built under another name and renamed when complete, so a failed seed is never taken for a register.
  const partial = `${file}.partial`;
  removeDb(partial);
  const started = performance.now();
  if (seeder === 'demo') {
    // A fixed end date and seed: the same size gives the same register on any day. The CLI's own
    // register (DATABASE_PATH) is a scratch file: the seeder opens --database itself.
    const args = ['demo:seed', '--devices', String(devices), '--database', partial, '--seed', '1'];
    await cli(dist, join(out, 'cli-scratch.sqlite'), [...args, '--now', SEED_NOW]);
  } else {
    await cli(dist, partial, ['user:create', '--name', 'Bench seeder', '--role', 'admin']); // runs the migrations
    benchSeed(partial, { devices });
  }
  const db = new Database(partial);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  removeDb(file);
  renameSync(partial, file);
  removeDb(partial);
  return { file, seededNow: true, seedMs: performance.now() - started };
}

/** A fresh working copy (the benchmark writes to it), with counts of what it holds. */
export function workingCopy(seedFile, out) {
  const file = join(out, 'run.sqlite');
  removeDb(file);
  cpSync(seedFile, file);
  const db = new Database(file, { readonly: true });
  const count = (sql) => db.prepare(sql).pluck().get();
  const info = {
    file,
    sizeMb: Math.round(statSync(file).size / 1048576),
    devices: count('SELECT COUNT(*) FROM devices'),
    cases: count('SELECT COUNT(*) FROM cases'),
    examinations: count('SELECT COUNT(*) FROM examinations'),
    smartPlugs: count(`SELECT COUNT(*) FROM devices WHERE "deviceType" = 'SMART_PLUG'`),
    seizedRange: db.prepare('SELECT MIN("seizedAt") AS first, MAX("seizedAt") AS last FROM devices').get(),
  };
  db.close();
  return info;
}

/** A few ids and a case to work with, read straight from the file. */
export function sampleRows(file, count = 20) {
  const db = new Database(file, { readonly: true });
  const total = db.prepare('SELECT COUNT(*) FROM devices').pluck().get();
  const step = Math.max(1, Math.floor(total / count));
  const ids = [];
  for (let i = 0; i < count && i * step < total; i++) {
    ids.push(
      db
        .prepare('SELECT id FROM devices LIMIT 1 OFFSET ?')
        .pluck()
        .get(i * step),
    );
  }
  // New devices go to many open cases, as seizures do (a case holds a handful of exhibits).
  const caseIds = db.prepare('SELECT id FROM cases WHERE "voidedAt" IS NULL LIMIT 2000').pluck().all();
  db.close();
  return { deviceIds: ids, caseIds };
}

export function ensureDir(path) {
  mkdirSync(path, { recursive: true });
  return path;
}
