import { createRequire } from 'node:module';
import type { PageReader } from '../page-reader.js';

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

// The export's page reader on SQLite (see openPageReader in ../page-reader.ts).
export function sqliteReader(path: string): PageReader {
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
