import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { RegisterStatements, Statements, WriteStatements } from '../statements.js';
import { insertRowSql } from './row-insert.js';
import { sqliteSerial, type SqliteSerial } from './serial-transactions.js';

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
// - one transaction at a time (serial-transactions.ts): transaction() takes its turn in the same
//   queue, and a statement outside a transaction waits while another one runs;
// - every statement goes to the DataSource's logger, as TypeORM's own do (the statement-count tests).
export class SqliteStatements implements RegisterStatements {
  private readonly cache = new Map<string, Statement>();
  private readonly metadata = new Map<EntityTarget<ObjectLiteral>, EntityMetadata>();
  private readonly serial: SqliteSerial;
  readonly read: Statements;
  private readonly inside: WriteStatements;

  constructor(private readonly dataSource: DataSource) {
    const serial = sqliteSerial(dataSource);
    if (!serial) throw new Error('SqliteStatements needs a serialised better-sqlite3 DataSource');
    this.serial = serial;
    this.inside = {
      get: async <T>(sql: string, params: Params = []) => this.get<T>(sql, params),
      all: async <T>(sql: string, params: Params = []) => this.all<T>(sql, params),
      run: async (sql, params = []) => this.run(sql, params),
      insert: async (entity, row) => this.insert(entity, row),
      // One writer at a time: nothing to lock.
      lock: () => Promise.resolve(),
    };
    this.read = {
      get: async <T>(sql: string, params: Params = []) => {
        const wait = this.serial.idle();
        if (wait) await wait;
        return this.get<T>(sql, params);
      },
      all: async <T>(sql: string, params: Params = []) => {
        const wait = this.serial.idle();
        if (wait) await wait;
        return this.all<T>(sql, params);
      },
      run: async (sql, params = []) => {
        const wait = this.serial.idle();
        if (wait) await wait;
        this.run(sql, params);
      },
    };
  }

  /** For a serialised better-sqlite3 DataSource; null otherwise. */
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

  private get<T>(sql: string, params: Params): T | undefined {
    return this.statement(sql, params).get(...params) as T | undefined;
  }

  private all<T>(sql: string, params: Params): T[] {
    return this.statement(sql, params).all(...params) as T[];
  }

  private run(sql: string, params: Params = []): void {
    this.statement(sql, params).run(...params);
  }

  private insert<T extends ObjectLiteral>(entity: EntityTarget<T>, row: T): void {
    let meta = this.metadata.get(entity);
    if (!meta) {
      meta = this.dataSource.getMetadata(entity);
      this.metadata.set(entity, meta);
    }
    const { sql, values } = insertRowSql(meta, row);
    this.run(sql, values);
  }

  busy(): boolean {
    return this.serial.idle() !== null;
  }

  /** fn inside BEGIN IMMEDIATE … COMMIT (the write lock from the start, like write-lock.ts). */
  transaction<T>(fn: (tx: WriteStatements) => Promise<T>): Promise<T> {
    return this.serial.exclusive(async () => {
      this.run('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.inside);
        this.run('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.run('ROLLBACK');
        throw error;
      }
    });
  }
}
