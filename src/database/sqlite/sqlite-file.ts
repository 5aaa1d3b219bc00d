import { createRequire } from 'node:module';
import type { DataSource } from 'typeorm';

// The few better-sqlite3 calls used on database files outside TypeORM (backup, restore, tamper tests):
// the file as SQLite sees it; what the register checks in it (the audit chain) is the caller's.
export interface SqliteStatement {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): { changes: number };
}

export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
  pragma(sql: string, options?: { simple?: boolean }): unknown;
  backup(destination: string): Promise<{ totalPages: number; remainingPages: number }>;
  close(): void;
}

type SqliteConstructor = new (
  path: string,
  options?: { readonly?: boolean; fileMustExist?: boolean; timeout?: number },
) => SqliteDatabase;

const Database = createRequire(import.meta.url)('better-sqlite3') as SqliteConstructor;

export function openSqliteFile(
  path: string,
  options: { readonly?: boolean; fileMustExist?: boolean } = {},
): SqliteDatabase {
  return new Database(path, {
    timeout: 5000,
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
  });
}

// "ok" when SQLite finds nothing wrong, otherwise its first problems.
export function integrityCheck(db: SqliteDatabase): string {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}

// True when another connection has the file open: an exclusive lock cannot be had (in WAL mode every
// open connection blocks it). Used to refuse replacing a database the server is using.
export function inUseByAnother(path: string): boolean {
  const db = new Database(path, { timeout: 200, readonly: false, fileMustExist: true });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    db.close();
  }
}

/** The register's SQLite file, or null when the DataSource is not a SQLite file (PostgreSQL, :memory:). */
export function sqliteFileOf(dataSource: DataSource): string | null {
  const { options } = dataSource;
  if (options.type !== 'better-sqlite3' || options.database === ':memory:') return null;
  return options.database;
}

// SQLite's online backup API on the live connection: a consistent copy while the server keeps serving.
export async function backupLive(dataSource: DataSource, destination: string): Promise<void> {
  const connection = (dataSource.driver as unknown as { databaseConnection: SqliteDatabase })
    .databaseConnection;
  await connection.backup(destination);
}
