import type { DataSource } from 'typeorm';
import { sqliteSerial, type SqliteSerial } from './serial-sqlite-transactions.js';

type Params = readonly unknown[];

// The part of better-sqlite3's API used here (the package ships no types of its own).
interface Statement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
}
interface Database {
  prepare(sql: string): Statement;
  readonly inTransaction: boolean;
}

// Hot paths on SQLite (the token check, POST /api/devices) run their statements straight on
// better-sqlite3's connection behind TypeORM: each SQL text prepared once and reused, parameters bound
// (TypeORM's query builder costs more than the statement, and its SQLite driver inlines numbers, so a
// text with a new number is prepared anew). They keep the rules of the DataSource they share:
// - one transaction at a time (serial-sqlite-transactions.ts): transaction() takes its turn in the same
//   queue, and a statement outside a transaction waits while another one runs;
// - every statement goes to the DataSource's logger, as TypeORM's own do (the statement-count tests).
export class SqliteStatements {
  private readonly cache = new Map<string, Statement>();
  private readonly serial: SqliteSerial;

  constructor(private readonly dataSource: DataSource) {
    const serial = sqliteSerial(dataSource);
    if (!serial) throw new Error('SqliteStatements needs a serialised better-sqlite3 DataSource');
    this.serial = serial;
  }

  /** For a serialised better-sqlite3 DataSource; null otherwise (PostgreSQL: TypeORM as usual). */
  static for(dataSource: DataSource): SqliteStatements | null {
    return sqliteSerial(dataSource) ? new SqliteStatements(dataSource) : null;
  }

  private get db(): Database {
    return (this.dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
  }

  private statement(sql: string, params: Params): Statement {
    this.dataSource.logger.logQuery(sql, params as unknown[]);
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }

  /** First row or undefined; call inside transaction(), or after ready(). */
  get<T>(sql: string, params: Params = []): T | undefined {
    return this.statement(sql, params).get(...params) as T | undefined;
  }

  all<T>(sql: string, params: Params = []): T[] {
    return this.statement(sql, params).all(...params) as T[];
  }

  run(sql: string, params: Params = []): void {
    this.statement(sql, params).run(...params);
  }

  /** Resolves when a statement outside a transaction may run (null: at once). */
  ready(): Promise<void> | null {
    return this.serial.idle();
  }

  /** fn inside BEGIN IMMEDIATE … COMMIT (the write lock from the start, like SqliteWriteLockSubscriber). */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.serial.exclusive(async () => {
      this.run('BEGIN IMMEDIATE');
      try {
        const result = await fn();
        this.run('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.run('ROLLBACK');
        throw error;
      }
    });
  }
}
