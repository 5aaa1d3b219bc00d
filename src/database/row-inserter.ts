import { EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { dialectOf, type Dialect } from './dialect.js';

// Rows per INSERT statement: a batch of 500 devices is one statement (26 columns: 13,000 parameters,
// under SQLite's 32,766 and PostgreSQL's 65,535). Keep a table's columns × 500 under 32,766.
const ROWS_PER_INSERT = 500;

// Many rows in one INSERT, the SQL text made once per row count and table (better-sqlite3 keeps the
// prepared statement for a repeated text), values bound in column order: no query builder per batch.
export class RowInserter<T extends ObjectLiteral> {
  private readonly columns: { name: string; property: string }[];
  private readonly table: string;
  private readonly statements = new Map<number, string>();
  private readonly dialect: Dialect;

  constructor(manager: EntityManager, entity: EntityTarget<T>) {
    const meta = manager.connection.getMetadata(entity);
    const seen = new Set<string>();
    this.columns = [];
    for (const column of meta.columns) {
      if (column.relationMetadata && !column.propertyName.endsWith('Id')) continue;
      if (seen.has(column.databaseName)) continue;
      seen.add(column.databaseName);
      this.columns.push({ name: column.databaseName, property: column.propertyName });
    }
    this.table = meta.tableName;
    this.dialect = dialectOf(manager);
  }

  private sql(rows: number): string {
    let sql = this.statements.get(rows);
    if (!sql) {
      const names = this.columns.map((c) => `"${c.name}"`).join(',');
      sql = `INSERT INTO "${this.table}" (${names}) VALUES ${this.dialect.valueTuples(rows, this.columns.length)}`;
      this.statements.set(rows, sql);
    }
    return sql;
  }

  async insert(manager: EntityManager, records: T[]): Promise<void> {
    for (let i = 0; i < records.length; i += ROWS_PER_INSERT) {
      const chunk = records.slice(i, i + ROWS_PER_INSERT);
      const values: unknown[] = [];
      for (const record of chunk) {
        for (const { property } of this.columns) values.push(record[property] ?? null);
      }
      await manager.query(this.sql(chunk.length), values);
    }
  }
}
