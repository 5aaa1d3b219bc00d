import type { DataSource, EntitySubscriberInterface, TransactionStartEvent } from 'typeorm';

// Every transaction of the register writes. TypeORM starts SQLite transactions DEFERRED, so one that
// reads first and then writes fails at once (SQLITE_BUSY_SNAPSHOT, a 500) when another process (a CLI
// command beside the server) committed in between. Taking the write lock as the transaction starts
// makes it wait its turn instead (busy_timeout), like BEGIN IMMEDIATE.
export class SqliteWriteLockSubscriber implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    // A write statement that changes nothing still takes the write lock.
    await event.queryRunner.query('UPDATE "migrations" SET "id" = "id" WHERE 0');
  }
}

/** On a SQLite DataSource, every transaction takes the write lock as it starts; elsewhere nothing. */
export function useWriteLock(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  if (!dataSource.subscribers.some((s) => s instanceof SqliteWriteLockSubscriber)) {
    dataSource.subscribers.push(new SqliteWriteLockSubscriber());
  }
}
