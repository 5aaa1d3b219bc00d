import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

type Transaction = EntityManager['transaction'];

/** The one-at-a-time discipline of a SQLite DataSource, for code that runs statements on the driver. */
export interface SqliteSerial {
  /** Runs fn as the only transaction: queued behind the running one; statements from outside wait. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** null when a statement may run now (no transaction, or inside it); else resolves when it may. */
  idle(): Promise<void> | null;
}

const serials = new WeakMap<DataSource, SqliteSerial>();

/** The discipline set up by serialiseSqliteTransactions(), or undefined (PostgreSQL). */
export function sqliteSerial(dataSource: DataSource): SqliteSerial | undefined {
  return serials.get(dataSource);
}

// TypeORM's SQLite driver runs every statement on ONE shared connection, so two requests' transactions
// would interleave on it: the second becomes a SAVEPOINT inside the first, and a rollback of the first
// would silently take the second's acknowledged write with it. So on SQLite transactions run one at a
// time, and a statement from outside the running transaction waits until it has ended. The same queue
// serves transactions run straight on the driver (sqlite-statements.ts).
export function serialiseSqliteTransactions(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const inside = new AsyncLocalStorage<true>();
  let queue: Promise<void> = Promise.resolve();
  let running: Promise<void> | null = null;
  const current = (): Promise<void> | null => running;

  const serial: SqliteSerial = {
    async exclusive<T>(fn: () => Promise<T>): Promise<T> {
      if (inside.getStore()) return fn();
      let release!: () => void;
      const done = new Promise<void>((resolve) => (release = resolve));
      const previous = queue;
      queue = previous.then(() => done);
      await previous;
      running = done;
      try {
        return await inside.run(true, fn);
      } finally {
        running = null;
        release();
      }
    },
    idle(): Promise<void> | null {
      if (!running || inside.getStore()) return null;
      return (async () => {
        for (let wait = current(); wait && !inside.getStore(); wait = current()) await wait;
      })();
    },
  };
  serials.set(dataSource, serial);

  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) => serial.exclusive(() => transaction(...args))) as Transaction;

  const runner = dataSource.createQueryRunner();
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = (async (...args: unknown[]) => {
    const wait = serial.idle();
    if (wait) await wait;
    return query(...args);
  }) as typeof runner.query;
}
