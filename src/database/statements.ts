import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { dialectOf } from './dialect.js';
import { SqliteStatements } from './sqlite/statements.js';

type Params = readonly unknown[];

/** Statements on the register's database, each SQL text written once with `?` placeholders. */
export interface Statements {
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  run(sql: string, params?: Params): Promise<void>;
}

/** Inside one write transaction. */
export interface WriteStatements extends Statements {
  /** One row of an entity: the columns it sets (a column left undefined keeps its database default). */
  insert<T extends ObjectLiteral>(entity: EntityTarget<T>, row: T): Promise<void>;
  /** Held until commit: a writer taking the same (space, key) waits (see Dialect.lock). */
  lock(space: number, key?: string): Promise<void>;
}

/**
 * The way features run their own SQL on the register, whatever the database: on SQLite as prepared
 * statements on the driver (the hot paths: the token check, POST /api/devices), on PostgreSQL through
 * TypeORM. Injected as a provider of DatabaseModule.
 */
export abstract class RegisterStatements {
  /** Statements outside any transaction (reads). */
  abstract readonly read: Statements;
  /** True when a statement now would wait behind a running transaction (SQLite's one writer). */
  abstract busy(): boolean;
  /** fn in one write transaction: everything it does commits together, or nothing does. */
  abstract transaction<T>(fn: (tx: WriteStatements) => Promise<T>): Promise<T>;
}

/** The statements of a TypeORM EntityManager (inside its transaction, if it has one). */
export function managerStatements(manager: EntityManager): WriteStatements {
  const dialect = dialectOf(manager);
  return {
    get: async <T>(sql: string, params: Params = []) =>
      ((await manager.query(dialect.sql(sql), params as unknown[])) as T[])[0],
    all: async <T>(sql: string, params: Params = []) =>
      (await manager.query(dialect.sql(sql), params as unknown[])) as T[],
    run: async (sql, params = []) => {
      await manager.query(dialect.sql(sql), params as unknown[]);
    },
    // Every column is set by the caller: updateEntity(false) spares TypeORM's re-read of the defaulted
    // columns after the INSERT.
    insert: async (entity, row) => {
      await manager.createQueryBuilder().insert().into(entity).values(row).updateEntity(false).execute();
    },
    lock: (space, key) => dialect.lock(manager, space, key),
  };
}

class TypeormRegisterStatements implements RegisterStatements {
  readonly read: Statements;

  constructor(private readonly dataSource: DataSource) {
    this.read = managerStatements(dataSource.manager);
  }

  busy(): boolean {
    return false;
  }

  transaction<T>(fn: (tx: WriteStatements) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => fn(managerStatements(manager)));
  }
}

export function registerStatementsFor(dataSource: DataSource): RegisterStatements {
  return SqliteStatements.for(dataSource) ?? new TypeormRegisterStatements(dataSource);
}
