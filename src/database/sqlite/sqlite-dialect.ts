import type { EntityManager } from 'typeorm';
import type { Dialect, FoldedSearch } from '../dialect.js';

// FTS5 phrase: the text as one string (a double quote doubled), matched as a substring by the trigram
// tokenizer, case-insensitively.
function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

async function foldSearchIn(manager: EntityManager, tables: readonly FoldedSearch[]): Promise<void> {
  for (const { search, pending, source, column, text } of tables) {
    await manager.query(`DELETE FROM "${search}" WHERE rowid IN (SELECT "rowid" FROM "${pending}")`);
    await manager.query(
      `INSERT INTO "${search}" (rowid, "${column}") SELECT s.rowid, ${text} FROM "${source}" s
       WHERE s.rowid IN (SELECT "rowid" FROM "${pending}")`,
    );
    await manager.query(`DELETE FROM "${pending}"`);
  }
}

export const SQLITE_DIALECT: Dialect = {
  name: 'sqlite',
  sql: (text) => text,
  valueTuples(rows, width) {
    const tuple = `(${Array.from({ length: width }, () => '?').join(',')})`;
    return Array.from({ length: rows }, () => tuple).join(',');
  },
  bind: (value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value),
  // One writer at a time (serial-transactions.ts, write-lock.ts): every check-then-write is alone.
  lock: () => Promise.resolve(),
  containsText({ table, alias, searchTable }, q) {
    return {
      sql: `SELECT ${alias}."id" FROM "${table}" ${alias} WHERE ${alias}.rowid IN
              (SELECT rowid FROM "${searchTable}" WHERE "${searchTable}" MATCH :phrase)`,
      params: { phrase: ftsPhrase(q) },
    };
  },
  readThrough: (sql, table, index) =>
    sql.replace(new RegExp(`FROM "${table}" ("\\w+")`), `$& INDEXED BY "${index}"`),
  // Writers only queue the rowids they changed (triggers into the pending tables); folded in here, one
  // statement per step, in one write transaction, before a search reads the index.
  async foldSearch(dataSource, tables) {
    const probe = tables
      .map((t) => `(SELECT COUNT(*) FROM (SELECT 1 FROM "${t.pending}" LIMIT 1))`)
      .join(' + ');
    const queued = (await dataSource.query(`SELECT ${probe} AS "n"`)) as { n: number }[];
    if (Number(queued[0]?.n ?? 0) === 0) return;
    await dataSource.transaction((manager) => foldSearchIn(manager, tables));
  },
  foldSearchIn,
};
