import type { DataSource } from 'typeorm';

type Value = string | number | boolean | null;
type Row = object;

interface SqliteStatement {
  run(...values: unknown[]): unknown;
}

interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  pragma(sql: string): unknown;
  transaction(fn: () => void): () => void;
}

export const BATCH_ROWS = 20_000;
const ROWS_PER_STATEMENT = 40;

// Buffers generated rows per table and writes them in batches, each batch one transaction: on
// SQLite with better-sqlite3's prepared statements (the fast path), elsewhere with TypeORM
// multi-row inserts. Never one save per row.
export class DemoWriter {
  private readonly buffers = new Map<string, Row[]>();
  private readonly statements = new Map<string, SqliteStatement>();
  private readonly columns = new Map<string, string[]>();
  private readonly sqlite: SqliteDatabase | null;
  readonly written = new Map<string, number>();
  private pending = 0;

  constructor(private readonly dataSource: DataSource) {
    const driver = dataSource.driver as unknown as { databaseConnection?: SqliteDatabase };
    this.sqlite = dataSource.options.type === 'better-sqlite3' ? (driver.databaseConnection ?? null) : null;
  }

  // A fresh demo file needs no crash safety while it is filled (a failed run is simply run again
  // with --reset): no journal fsyncs during the load, WAL again afterwards.
  bulkLoad(on: boolean): void {
    if (!this.sqlite) return;
    this.sqlite.pragma(on ? 'synchronous = OFF' : 'synchronous = NORMAL');
    this.sqlite.pragma(on ? 'journal_mode = MEMORY' : 'journal_mode = WAL');
  }

  async add(table: string, rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    const buffer = this.buffers.get(table) ?? [];
    for (const row of rows) buffer.push(row);
    this.buffers.set(table, buffer);
    this.pending += rows.length;
    if (this.pending >= BATCH_ROWS) await this.flush();
  }

  // Tables are written in the order first seen (parents before children, for the foreign keys).
  async flush(): Promise<void> {
    if (this.pending === 0) return;
    const batches = [...this.buffers.entries()].filter(([, rows]) => rows.length > 0);
    if (this.sqlite) {
      this.sqlite.transaction(() => {
        for (const [table, rows] of batches) this.writeSqlite(table, rows);
      })();
    } else {
      await this.dataSource.transaction(async (manager) => {
        for (const [table, rows] of batches) {
          for (let i = 0; i < rows.length; i += 500) {
            await manager
              .createQueryBuilder()
              .insert()
              .into(table)
              .values(rows.slice(i, i + 500) as Record<string, Value>[])
              .execute();
          }
        }
      });
    }
    for (const [table, rows] of batches) {
      this.written.set(table, (this.written.get(table) ?? 0) + rows.length);
      this.buffers.set(table, []);
    }
    this.pending = 0;
  }

  // Multi-row INSERTs of up to ROWS_PER_STATEMENT rows: far fewer calls into SQLite than one per row.
  private writeSqlite(table: string, rows: Row[]): void {
    let columns = this.columns.get(table);
    if (!columns) {
      columns = Object.keys(rows[0]);
      this.columns.set(table, columns);
    }
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      const values: (string | number | null)[] = [];
      for (const row of chunk) {
        const record = row as Record<string, Value>;
        for (const column of columns) values.push(toSqlite(record[column]));
      }
      this.statement(table, columns, chunk.length).run(...values);
    }
  }

  private statement(table: string, columns: string[], rows: number): SqliteStatement {
    const key = `${table}:${rows}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      const sql =
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) ` +
        `VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`;
      statement = (this.sqlite as SqliteDatabase).prepare(sql);
      this.statements.set(key, statement);
    }
    return statement;
  }
}

function toSqlite(value: Value | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
