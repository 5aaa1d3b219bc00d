import type { DataSource } from 'typeorm';
import { sqliteReader } from './sqlite/page-reader.js';
import { sqliteFileOf } from './sqlite/sqlite-file.js';

/** One page: the names of the result's columns, and each row as its values in that order. */
export interface Page {
  names: string[];
  rows: unknown[][];
}

export interface PageReader {
  /** `walk`: on SQLite, the index to read the table through (when the database has it). */
  read(sql: string, parameters: unknown[], walk?: { table: string; index: string }): Promise<Page>;
  close(): void;
}

// On SQLite an export reads through a read-only connection of its own:
// - it sees committed rows only, and never waits for another request's transaction (the app's one
//   connection runs transactions one at a time, and an import's can last minutes);
// - it does not memory-map the file: read through mmap, a million devices would leave most of the
//   database file mapped into the server's RSS (1.2 GB), and measured no faster at random row
//   lookups; its page cache is 16 MB;
// - a page's statement is prepared once and its rows come as arrays, not objects.
// Elsewhere (PostgreSQL) pages are read through TypeORM.
export function openPageReader(dataSource: DataSource): PageReader {
  const file = sqliteFileOf(dataSource);
  if (file !== null) return sqliteReader(file);
  return {
    read: async (sql, parameters) => {
      const records = await dataSource.query<Record<string, unknown>[]>(sql, parameters);
      const names = Object.keys(records[0] ?? {});
      return { names, rows: records.map((record) => names.map((name) => record[name])) };
    },
    close: () => undefined,
  };
}
