import { createRequire } from 'node:module';
import type { DataSource } from 'typeorm';

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

interface RawStatement {
  raw(toggle: boolean): RawStatement;
  columns(): { name: string }[];
  all(...parameters: unknown[]): unknown[][];
}

interface ReadConnection {
  prepare(sql: string): RawStatement;
  pragma(sql: string, options?: { simple: boolean }): unknown;
  close(): void;
}

type ReadConnectionConstructor = new (
  path: string,
  options: { readonly: boolean; fileMustExist: boolean; timeout: number },
) => ReadConnection;

// On SQLite an export reads through a read-only connection of its own:
// - it sees committed rows only, and never waits for another request's transaction (the app's one
//   connection runs transactions one at a time, and an import's can last minutes);
// - it does not memory-map the file: read through mmap, a million devices would leave most of the
//   database file mapped into the server's RSS (1.2 GB), and measured no faster at random row
//   lookups; its page cache is 16 MB;
// - a page's statement is prepared once and its rows come as arrays, not objects.
// Elsewhere (PostgreSQL) pages are read through TypeORM.
export function openPageReader(dataSource: DataSource): PageReader {
  const { options } = dataSource;
  if (options.type === 'better-sqlite3' && options.database !== ':memory:') {
    return sqliteReader(options.database);
  }
  return {
    read: async (sql, parameters) => {
      const records = await dataSource.query<Record<string, unknown>[]>(sql, parameters);
      const names = Object.keys(records[0] ?? {});
      return { names, rows: records.map((record) => names.map((name) => record[name])) };
    },
    close: () => undefined,
  };
}

function sqliteReader(path: string): PageReader {
  const Database = createRequire(import.meta.url)('better-sqlite3') as ReadConnectionConstructor;
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5000 });
  db.pragma('mmap_size = 0');
  db.pragma('cache_size = -16384');
  const statements = new Map<string, { statement: RawStatement; names: string[] }>();
  return {
    read: (sql, parameters, walk) => {
      let prepared = statements.get(sql);
      if (prepared === undefined) {
        const statement = db.prepare(walk ? walkIndex(db, sql, walk) : sql).raw(true);
        prepared = { statement, names: statement.columns().map((c) => c.name) };
        statements.set(sql, prepared);
      }
      const { statement, names } = prepared;
      const rows = statement.all(...parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p)));
      return Promise.resolve({ names, rows });
    },
    close: () => db.close(),
  };
}

// `FROM "table" "alias"` read through the index (INDEXED BY), if the database has that index.
function walkIndex(db: ReadConnection, sql: string, walk: { table: string; index: string }): string {
  const indexes = db.pragma(`index_list("${walk.table}")`) as { name: string }[];
  if (!indexes.some((i) => i.name === walk.index)) return sql;
  return sql.replace(new RegExp(`FROM "${walk.table}" ("\\w+")`), `$& INDEXED BY "${walk.index}"`);
}
