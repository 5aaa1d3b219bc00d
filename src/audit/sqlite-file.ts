import { createRequire } from 'node:module';
import { AuditBatchReader, ChainReport, StoredAuditEvent, verifyChain } from './audit-verify.js';

// The few better-sqlite3 calls used on database files outside TypeORM (backup, restore, tamper tests).
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

export function sqliteAuditReader(db: SqliteDatabase): AuditBatchReader {
  const statement = db.prepare(
    'SELECT seq, at, actorId, action, entity, entityId, changes, prevHash, hash FROM audit_events ' +
      'WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  return (afterSeq, limit) => Promise.resolve(statement.all(afterSeq, limit) as StoredAuditEvent[]);
}

export function verifySqliteFile(db: SqliteDatabase): Promise<ChainReport> {
  return verifyChain(sqliteAuditReader(db));
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

export interface FileCheck {
  integrity: string;
  audit: ChainReport;
}

// integrity_check and the audit chain of a database file that is not in use by the app.
export async function checkSqliteFile(
  path: string,
  options: { readonly?: boolean } = {},
): Promise<FileCheck> {
  const db = openSqliteFile(path, { fileMustExist: true, readonly: options.readonly });
  try {
    return { integrity: integrityCheck(db), audit: await verifySqliteFile(db) };
  } finally {
    db.close();
  }
}
