import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkSqliteFile } from '../src/cli/file-check.js';
import { integrityCheck, openSqliteFile } from '../src/database/sqlite/sqlite-file.js';

// Kills the real server (SIGKILL) at random moments while clients write, then checks that every
// acknowledged write is in the database, that no change is half-written, and that the chain verifies.
// Also backs the live database up under load and restores it through the real command line.
const ROOT = resolve(import.meta.dirname, '..');
const ITERATIONS = Number(process.env.CRASH_ITERATIONS ?? 5);
const WRITERS = 6;

interface Acked {
  cases: Map<string, string>; // id -> reference
  versions: Map<string, number>; // id -> highest acknowledged version
}

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('no data lost', () => {
  let dir: string;
  let dbPath: string;
  let officerToken: string;
  const acked: Acked = { cases: new Map(), versions: new Map() };

  const env = (database = dbPath) => ({ ...process.env, DATABASE_PATH: database, LOG_LEVEL: 'silent' });
  const cli = (args: string[], database = dbPath) =>
    execFileSync('node', [join(dir, 'build/cli/main.js'), ...args], {
      env: env(database),
      encoding: 'utf8',
      stdio: 'pipe',
    });
  const cliResult = (args: string[], database = dbPath) => {
    try {
      return { status: 0, output: cli(args, database) };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { status: e.status, output: `${e.stdout}${e.stderr}` };
    }
  };

  beforeAll(() => {
    // The app as it is run, compiled on its own (dist/ belongs to `npm run build`).
    dir = mkdtempSync(join(tmpdir(), 'register-crash-'));
    symlinkSync(join(ROOT, 'data'), join(dir, 'data'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    try {
      execFileSync(
        join(ROOT, 'node_modules/.bin/tsc'),
        ['-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(dir, 'build'), '--incremental', 'false'],
        { cwd: ROOT, stdio: 'pipe' },
      );
    } catch {
      // Type errors elsewhere still emit JavaScript; the server start below shows whether it runs.
    }
    expect(existsSync(join(dir, 'build/main.js'))).toBe(true);
    dbPath = join(dir, 'register.sqlite');
    officerToken = cli(['user:create', '--name', 'Crash officer', '--role', 'exhibits_officer'])
      .trim()
      .split('\n')
      .pop()!;
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function startServer(): Promise<{ child: ChildProcess; base: string }> {
    const port = await freePort();
    const child = spawn('node', [join(dir, 'build/main.js')], {
      env: { ...env(), PORT: String(port), HOST: '127.0.0.1' },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    // A deadline, not a count of tries: on a loaded shared machine start-up can take many seconds.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const ok = await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return { child, base };
      await sleep(100);
    }
    child.kill('SIGKILL');
    throw new Error('server did not start');
  }

  // Creates cases and updates them until the server dies; remembers only what was acknowledged.
  async function writer(base: string, stop: { dead: boolean }, n: number): Promise<void> {
    const headers = { authorization: `Bearer ${officerToken}`, 'content-type': 'application/json' };
    let i = 0;
    while (!stop.dead) {
      try {
        const reference = `CRASH/${n}/${Date.now()}/${i++}`;
        const created = await fetch(`${base}/api/cases`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ reference, kind: 'CRIME', offenceSubgroup: 'DRUG_TRAFFICKING' }),
        });
        if (created.status !== 201) throw new Error(`create answered ${created.status}`);
        const body = (await created.json()) as { id: string; version: number };
        acked.cases.set(body.id, reference);
        acked.versions.set(body.id, body.version);
        const updated = await fetch(`${base}/api/cases/${body.id}`, {
          method: 'PATCH',
          headers: { ...headers, 'if-match': `"${body.version}"` },
          body: JSON.stringify({ offenceSubgroup: 'DRUG_POSSESSION' }),
        });
        if (updated.status !== 200) throw new Error(`update answered ${updated.status}`);
        acked.versions.set(body.id, ((await updated.json()) as { version: number }).version);
      } catch (error) {
        if (!stop.dead && !/fetch failed|other side closed|ECONNRESET/.test(String(error))) throw error;
      }
    }
  }

  function checkDatabase(): void {
    const db = openSqliteFile(dbPath, { fileMustExist: true });
    try {
      expect(integrityCheck(db)).toBe('ok');
      const rows = db.prepare('SELECT id, reference, version FROM cases').all() as {
        id: string;
        reference: string;
        version: number;
      }[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const [id, reference] of acked.cases) {
        expect(byId.get(id)?.reference, `acknowledged case ${reference}`).toBe(reference);
        expect(byId.get(id)!.version).toBeGreaterThanOrEqual(acked.versions.get(id)!);
      }
      // Every change committed together with its audit event, or not at all.
      const audit = db
        .prepare(`SELECT action, COUNT(*) AS n FROM audit_events WHERE entity = 'case' GROUP BY action`)
        .all() as { action: string; n: number }[];
      const count = (action: string) => audit.find((a) => a.action === action)?.n ?? 0;
      expect(count('case.create')).toBe(rows.length);
      expect(count('case.update')).toBe(rows.reduce((sum, r) => sum + r.version - 1, 0));
    } finally {
      db.close();
    }
  }

  it(
    'keeps every acknowledged write and a verifiable chain when the server is killed mid-write',
    async () => {
      for (let iteration = 0; iteration < ITERATIONS; iteration++) {
        const { child, base } = await startServer();
        const stop = { dead: false };
        const writers = Array.from({ length: WRITERS }, (_, n) => writer(base, stop, n));
        await sleep(300 + Math.floor(Math.random() * 1200));
        child.kill('SIGKILL');
        stop.dead = true;
        await Promise.all(writers);
        await new Promise((r) =>
          child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r),
        );

        checkDatabase();
        const check = await checkSqliteFile(dbPath);
        expect(check.audit, `after kill ${iteration + 1}`).toMatchObject({ intact: true });
      }
      expect(acked.cases.size).toBeGreaterThan(ITERATIONS);
      expect(cli(['audit:verify'])).toMatch(/^Audit trail intact/);
    },
    ITERATIONS * 60_000,
  );

  it('backs up the live database under load, refuses a tampered backup and restores a good one', async () => {
    const { child, base } = await startServer();
    const stop = { dead: false };
    const writers = Array.from({ length: 3 }, (_, n) => writer(base, stop, n));
    await sleep(300);
    const backup = join(dir, 'backup.sqlite');
    let output: string;
    let whileServing: { status: number; output: string };
    try {
      output = cli(['backup', '--out', backup]);
      stop.dead = true;
      await Promise.all(writers);
      whileServing = cliResult(['restore', '--from', backup, '--force']);
    } finally {
      stop.dead = true;
      await Promise.all(writers);
      child.kill('SIGTERM');
    }
    expect(whileServing.output).toMatch(/is open in another process \(is the server running\?\)/);
    await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r)));
    expect(output).toMatch(/integrity_check: ok\. Audit trail intact: \d+ events/);
    expect(cliResult(['backup', '--out', backup]).output).toMatch(/exists; use --force/);

    const tampered = join(dir, 'tampered.sqlite');
    copyFileSync(backup, tampered);
    const db = openSqliteFile(tampered);
    db.exec('DROP TRIGGER audit_events_no_update');
    db.prepare(`UPDATE audit_events SET "actorId" = NULL WHERE seq = 5`).run();
    db.close();
    const refused = cliResult(['restore', '--from', tampered], join(dir, 'fresh-a.sqlite'));
    expect(refused.status).toBe(2);
    expect(refused.output).toMatch(/Refused: Audit trail BROKEN at event 5 \(hash-mismatch\)/);

    expect(cliResult(['restore', '--from', backup]).output).toMatch(/holds \d+ audit events; use --force/);

    const fresh = join(dir, 'fresh-b.sqlite');
    const restored = cliResult(['restore', '--from', backup], fresh);
    expect(restored).toMatchObject({ status: 0 });
    expect(restored.output).toMatch(/integrity_check: ok\. Audit trail intact/);
    const [a, b] = [await checkSqliteFile(backup), await checkSqliteFile(fresh)];
    expect(b.audit).toEqual(a.audit);

    const replaced = cliResult(['restore', '--from', backup, '--force']);
    expect(replaced.output).toMatch(/The database it replaced was saved as .*pre-restore-/);
    expect((await checkSqliteFile(dbPath)).audit).toEqual(a.audit);
  }, 240_000);
});
