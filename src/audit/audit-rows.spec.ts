import { POSTGRES_DIALECT } from '../database/postgres/postgres-dialect.js';
import { SQLITE_DIALECT } from '../database/sqlite/sqlite-dialect.js';
import { AUDIT_ROWS_PER_INSERT, auditInsertSql } from './audit-rows.js';

describe('auditInsertSql', () => {
  it('numbers PostgreSQL placeholders across rows and uses ? on SQLite', () => {
    const cols = '"seq","at","actorId","action","entity","entityId","changes","prevHash","hash"';
    expect(auditInsertSql(2, POSTGRES_DIALECT)).toBe(
      `INSERT INTO "audit_events" (${cols}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9),($10,$11,$12,$13,$14,$15,$16,$17,$18)`,
    );
    expect(auditInsertSql(1, SQLITE_DIALECT)).toBe(
      `INSERT INTO "audit_events" (${cols}) VALUES (?,?,?,?,?,?,?,?,?)`,
    );
    expect(auditInsertSql(1)).toBe(auditInsertSql(1, SQLITE_DIALECT));
  });

  it('stays under SQLite’s 32,766 bound parameters per statement', () => {
    expect(AUDIT_ROWS_PER_INSERT * 9).toBeLessThanOrEqual(32_766);
    expect(auditInsertSql(AUDIT_ROWS_PER_INSERT, SQLITE_DIALECT).split('?')).toHaveLength(
      AUDIT_ROWS_PER_INSERT * 9 + 1,
    );
  });
});
