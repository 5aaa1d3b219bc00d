import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

// The register's files hold personal data and restricted examination notes: the database, its WAL and
// shared-memory files, backups and pre-restore copies are readable by their owner only (0600), in
// folders the register creates for its owner only (0700). SQLite gives -wal, -shm and -journal files the
// mode of their database file, so creating the database 0600 covers them. A folder that already exists is
// left as it is (it may be shared, e.g. /backups); SECURITY.md says to keep it private.
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'];

/** Creates the folder (and any missing parents) 0700; an existing folder is left alone. */
export function ensurePrivateDir(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Takes group and other permissions off a file of ours; no file, or not ours to change: nothing. */
export function tightenFile(path: string): void {
  try {
    const { mode } = statSync(path);
    if (mode & 0o077) chmodSync(path, mode & 0o700);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ENOENT' && code !== 'EPERM') throw error;
  }
}

/** The file exists, empty if it is new, readable by its owner only, in a private folder if new. */
export function createPrivateFile(path: string): void {
  ensurePrivateDir(dirname(path));
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  tightenFile(path);
}

/** Before SQLite opens (or creates) a database file: the file 0600, and any companions of it. */
export function prepareSqliteFile(path: string): void {
  createPrivateFile(path);
  for (const suffix of SQLITE_COMPANIONS) tightenFile(`${path}${suffix}`);
}
