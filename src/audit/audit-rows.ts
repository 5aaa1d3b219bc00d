import type { EntityManager } from 'typeorm';
import { dialectOf, type Dialect } from '../database/dialect.js';
import type { AuditEvent } from './audit-event.entity.js';

// Events per INSERT statement: 9 columns, so 9,000 parameters (under SQLite's 32,766 and PostgreSQL's
// 65,535).
export const AUDIT_ROWS_PER_INSERT = 1000;

const COLUMNS = [
  'seq',
  'at',
  'actorId',
  'action',
  'entity',
  'entityId',
  'changes',
  'prevHash',
  'hash',
] as const;

const texts = new Map<string, string>();

// One multi-row INSERT text per row count and dialect, made once (better-sqlite3 behind TypeORM keeps
// the prepared statement of a repeated text; PostgreSQL takes it as it is). Without a dialect, the text
// with `?` placeholders, for statements that apply the placeholder rule themselves (WriteStatements).
export function auditInsertSql(rows: number, dialect?: Dialect): string {
  const cacheKey = `${dialect?.name ?? '?'}:${rows}`;
  let sql = texts.get(cacheKey);
  if (!sql) {
    const tuples = dialect
      ? dialect.valueTuples(rows, COLUMNS.length)
      : Array.from({ length: rows }, () => `(${COLUMNS.map(() => '?').join(',')})`).join(',');
    const names = COLUMNS.map((c) => `"${c}"`).join(',');
    sql = `INSERT INTO "audit_events" (${names}) VALUES ${tuples}`;
    texts.set(cacheKey, sql);
  }
  return sql;
}

// One event's bound values, in COLUMNS order.
export function auditRowValues(event: AuditEvent): unknown[] {
  return [
    event.seq,
    event.at,
    event.actorId ?? null,
    event.action,
    event.entity,
    event.entityId,
    event.changes,
    event.prevHash,
    event.hash,
  ];
}

// The events as they are (every column bound, nothing converted), through the caller's transaction.
export async function insertAuditEvents(manager: EntityManager, events: AuditEvent[]): Promise<void> {
  const dialect = dialectOf(manager);
  for (let i = 0; i < events.length; i += AUDIT_ROWS_PER_INSERT) {
    const end = Math.min(i + AUDIT_ROWS_PER_INSERT, events.length);
    const values: unknown[] = [];
    for (let e = i; e < end; e += 1) values.push(...auditRowValues(events[e]));
    await manager.query(auditInsertSql(end - i, dialect), values);
  }
}
