import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService } from '../src/audit/audit.service.js';
import { Role } from '../src/auth/role.enum.js';
import { BackupCommand } from '../src/cli/backup.command.js';
import { RestoreCommand } from '../src/cli/restore.command.js';
import { ENTITIES } from '../src/app-entities.js';
import { buildDataSourceOptions } from '../src/database/data-source-options.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto } from './factories/case.factory.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const octal = (mode: number) => mode.toString(8).padStart(4, '0');

// Issue 14 part 4: the database file, its WAL and shared memory, backups and pre-restore copies are the
// owner's only (0600), in folders the register creates for its owner only (0700). SQLite files only:
// on PostgreSQL the server owns its files.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('private database files (SQLite)', () => {
  let dir: string;
  let t: TestApp;
  const previousUmask = process.umask(0o022); // the usual umask: files 0644 and folders 0755 unless told

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'register-modes-'));
    t = await createTestApp();
    await t
      .http()
      .post('/api/cases')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(caseDto())
      .expect(201);
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
    process.umask(previousUmask);
  });

  const sqliteFiles = (database: string) =>
    [database, `${database}-wal`, `${database}-shm`].filter((path) => existsSync(path));

  async function openRegister(path: string): Promise<DataSource> {
    return new DataSource(buildDataSourceOptions({ path }, ENTITIES)).initialize();
  }

  it('creates the database, its WAL and shared-memory files 0600 in a new folder 0700', async () => {
    const database = join(dir, 'new', 'deeper', 'register.sqlite');
    const dataSource = await openRegister(database);
    try {
      await dataSource.query('SELECT COUNT(*) FROM cases');
      const files = sqliteFiles(database);
      expect(files.map((f) => f.slice(database.length))).toEqual(['', '-wal', '-shm']);
      for (const file of files) expect(octal(modeOf(file)), file).toBe('0600');
      expect(octal(modeOf(join(dir, 'new')))).toBe('0700');
      expect(octal(modeOf(join(dir, 'new', 'deeper')))).toBe('0700');
    } finally {
      await dataSource.destroy();
    }
  });

  it('makes the running app’s database files 0600', () => {
    const database = t.dataSource.options.database as string;
    for (const file of sqliteFiles(database)) expect(octal(modeOf(file)), file).toBe('0600');
  });

  it('takes group and other access off an existing database file when it is opened', async () => {
    const database = join(dir, 'old.sqlite');
    writeFileSync(database, '');
    chmodSync(database, 0o644);
    const dataSource = await openRegister(database);
    try {
      for (const file of sqliteFiles(database)) expect(octal(modeOf(file)), file).toBe('0600');
    } finally {
      await dataSource.destroy();
    }
  });

  it('writes backups 0600 (a new backup folder 0700) and keeps the pre-restore copy 0600', async () => {
    const backup = join(dir, 'backups', 'nightly', 'register.sqlite');
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await new BackupCommand(t.dataSource).run([], { out: backup });
      expect(octal(modeOf(backup))).toBe('0600');
      expect(octal(modeOf(join(dir, 'backups')))).toBe('0700');
      expect(octal(modeOf(join(dir, 'backups', 'nightly')))).toBe('0700');

      // Restore over a register that holds data (with --force): the replaced one is kept as a copy.
      const target = join(dir, 'restore-here', 'register.sqlite');
      const seeded = await openRegister(target);
      await seeded.transaction((manager) =>
        new AuditService().record(manager, {
          actorId: null,
          action: 'demo.seed',
          entity: 'register',
          entityId: 'seeded',
          after: { n: 1 },
        }),
      );
      await seeded.destroy();
      await new RestoreCommand(await openRegister(target)).run([], { from: backup, force: true });

      const copies = readdirSync(join(dir, 'restore-here')).filter((f) => f.includes('.pre-restore-'));
      expect(copies).toHaveLength(1);
      expect(octal(modeOf(join(dir, 'restore-here', copies[0])))).toBe('0600');
      for (const file of sqliteFiles(target)) expect(octal(modeOf(file)), file).toBe('0600');

      // Restore into a register path that does not exist yet.
      const fresh = join(dir, 'fresh-folder', 'register.sqlite');
      await new RestoreCommand(await openRegister(fresh)).run([], { from: backup });
      expect(octal(modeOf(fresh))).toBe('0600');
      expect(octal(modeOf(join(dir, 'fresh-folder')))).toBe('0700');
    } finally {
      out.mockRestore();
    }
  });
});
