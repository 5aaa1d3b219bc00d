import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

type Transaction = EntityManager['transaction'];

// TypeORM's SQLite driver runs every statement on ONE shared connection, so two requests' transactions
// would interleave on it: the second becomes a SAVEPOINT inside the first, and a rollback of the first
// would silently take the second's acknowledged write with it. So on SQLite transactions run one at a
// time, and a statement from outside the running transaction waits until it has ended.
export function serialiseSqliteTransactions(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const inside = new AsyncLocalStorage<true>();
  let queue: Promise<void> = Promise.resolve();
  let running: Promise<void> | null = null;

  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = (async (...args: unknown[]) => {
    if (inside.getStore()) return transaction(...args);
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const previous = queue;
    queue = previous.then(() => done);
    await previous;
    running = done;
    try {
      return await inside.run(true, () => transaction(...args));
    } finally {
      running = null;
      release();
    }
  }) as Transaction;

  const runner = dataSource.createQueryRunner();
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = (async (...args: unknown[]) => {
    while (running && !inside.getStore()) await running;
    return query(...args);
  }) as typeof runner.query;
}
