import type { DataSource } from 'typeorm';
import type { BulkLoad, BulkRow, BulkValue } from '../bulk-load.js';

interface SqliteStatement {
  run(...values: unknown[]): unknown;
}

interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  pragma(sql: string): unknown;
  transaction(fn: () => void): () => void;
}

const ROWS_PER_STATEMENT = 40;

/** The bulk load on a SQLite DataSource's own connection; null on any other database. */
export function sqliteBulkLoad(dataSource: DataSource): BulkLoad | null {
  if (dataSource.options.type !== 'better-sqlite3') return null;
  const db = (dataSource.driver as unknown as { databaseConnection?: SqliteDatabase }).databaseConnection;
  if (!db) return null;
  const statements = new Map<string, SqliteStatement>();
  const columnsOf = new Map<string, string[]>();

  const statement = (table: string, columns: string[], rows: number): SqliteStatement => {
    const key = `${table}:${rows}`;
    let prepared = statements.get(key);
    if (!prepared) {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      const sql =
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) ` +
        `VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`;
      prepared = db.prepare(sql);
      statements.set(key, prepared);
    }
    return prepared;
  };

  // Multi-row INSERTs of up to ROWS_PER_STATEMENT rows: far fewer calls into SQLite than one per row.
  const writeTable = (table: string, rows: BulkRow[]): void => {
    let columns = columnsOf.get(table);
    if (!columns) {
      columns = Object.keys(rows[0]);
      columnsOf.set(table, columns);
    }
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      const values: (string | number | null)[] = [];
      for (const row of chunk) {
        const record = row as Record<string, BulkValue>;
        for (const column of columns) values.push(toSqlite(record[column]));
      }
      statement(table, columns, chunk.length).run(...values);
    }
  };

  return {
    fast(on) {
      db.pragma(on ? 'synchronous = OFF' : 'synchronous = NORMAL');
      db.pragma(on ? 'journal_mode = MEMORY' : 'journal_mode = WAL');
    },
    write(batches) {
      db.transaction(() => {
        for (const [table, rows] of batches) writeTable(table, rows);
      })();
      return Promise.resolve();
    },
  };
}

function toSqlite(value: BulkValue | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
