import {
  type AuditBatchReader,
  type ChainReport,
  type StoredAuditEvent,
  verifyChain,
} from '../audit/audit-verify.js';
import { integrityCheck, openSqliteFile, type SqliteDatabase } from '../database/sqlite/sqlite-file.js';

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
