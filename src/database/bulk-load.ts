import type { DataSource } from 'typeorm';
import { sqliteBulkLoad } from './sqlite/bulk-load.js';

export type BulkValue = string | number | boolean | null;
export type BulkRow = object;

/** Loads generated rows into a register that nothing else uses yet (the demo and bench seeders). */
export interface BulkLoad {
  /** While a fresh file is filled it needs no crash safety (a failed run is run again): on, then off. */
  fast(on: boolean): void;
  /** One transaction: each table's rows in turn (parents first, for the foreign keys). */
  write(batches: [table: string, rows: BulkRow[]][]): Promise<void>;
}

// On SQLite with better-sqlite3's prepared statements (the fast path), elsewhere with TypeORM
// multi-row inserts. Never one save per row.
export function bulkLoadFor(dataSource: DataSource): BulkLoad {
  return sqliteBulkLoad(dataSource) ?? typeormBulkLoad(dataSource);
}

function typeormBulkLoad(dataSource: DataSource): BulkLoad {
  return {
    fast: () => undefined,
    write: (batches) =>
      dataSource.transaction(async (manager) => {
        for (const [table, rows] of batches) {
          for (let i = 0; i < rows.length; i += 500) {
            await manager
              .createQueryBuilder()
              .insert()
              .into(table)
              .values(rows.slice(i, i + 500) as Record<string, BulkValue>[])
              .execute();
          }
        }
      }),
  };
}
