import type { DataSource, EntityManager } from 'typeorm';
import { POSTGRES_DIALECT } from './postgres/postgres-dialect.js';
import { SQLITE_DIALECT } from './sqlite/sqlite-dialect.js';

/** A table with a trigram search index: its rows' text, and (SQLite) the FTS5 table over it. */
export interface SearchTarget {
  table: string;
  alias: string;
  /** The searched text as an SQL expression over `alias` (PostgreSQL's pg_trgm index is on it). */
  text: string;
  /** SQLite: the FTS5 table (trigram tokenizer) keyed by the table's rowid. */
  searchTable: string;
}

/** A search table that SQLite's writers only queue changes for (triggers into `pending`). */
export interface FoldedSearch {
  search: string;
  pending: string;
  source: string;
  /** The FTS5 table's column, and the text put in it (an expression over `s`, the source table). */
  column: string;
  text: string;
}

// Where SQLite and PostgreSQL differ in how they read and write, never in what is allowed. Feature code
// asks the dialect of its DataSource or EntityManager (dialectOf) and never names a database itself.
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** The one placeholder rule: SQL written with `?` (SQLite's own), as this database takes it. */
  sql(text: string): string;
  /** `(…),(…)` of `rows` tuples of `width` placeholders, numbered from the first. */
  valueTuples(rows: number, width: number): string;
  /** A value as the driver binds it (better-sqlite3 binds no booleans). */
  bind(value: unknown): unknown;
  /**
   * Until commit, a writer taking the same (space, key) waits (PostgreSQL advisory transaction locks,
   * for a uniqueness or an order no index sees). SQLite has one writer at a time: nothing to take.
   */
  lock(manager: EntityManager, space: number, key?: string, mode?: 'exclusive' | 'shared'): Promise<void>;
  /** A subquery of the ids of `target`'s rows whose text contains q, any letter case, and its parameters. */
  containsText(target: SearchTarget, q: string): { sql: string; params: Record<string, string> };
  /**
   * The SQL told to read `FROM "table" "alias"` through a named index (SQLite keeps no statistics and
   * may pick a worse one: INDEXED BY); PostgreSQL's planner chooses by itself: the SQL as it is.
   */
  readThrough(sql: string, table: string, index: string): string;
  /** Brings search tables whose writers only queue their changes up to date (SQLite); else nothing. */
  foldSearch(dataSource: DataSource, tables: readonly FoldedSearch[]): Promise<void>;
  /** The same inside the caller's transaction, whether or not anything is queued. */
  foldSearchIn(manager: EntityManager, tables: readonly FoldedSearch[]): Promise<void>;
}

type HasConnection = DataSource | EntityManager | { connection: DataSource };

export function dialectOf(source: HasConnection): Dialect {
  const dataSource = 'options' in source ? source : source.connection;
  return dataSource.options.type === 'postgres' ? POSTGRES_DIALECT : SQLITE_DIALECT;
}
