import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntitySubscriberInterface, TransactionStartEvent } from 'typeorm';

// Every transaction of the register writes. TypeORM starts SQLite transactions DEFERRED, so one that
// reads first and then writes fails at once (SQLITE_BUSY_SNAPSHOT, a 500) when another process (a CLI
// command beside the server) committed in between. Taking the write lock as the transaction starts
// makes it wait its turn instead (busy_timeout), like BEGIN IMMEDIATE.
export class SqliteWriteLockSubscriber implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    if (event.queryRunner.connection.options.type !== 'better-sqlite3') return;
    // A write statement that changes nothing still takes the write lock.
    await event.queryRunner.query('UPDATE "migrations" SET "id" = "id" WHERE 0');
  }
}

@Injectable()
export class SqliteWriteTransactions implements OnModuleInit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.some((s) => s instanceof SqliteWriteLockSubscriber)) {
      this.dataSource.subscribers.push(new SqliteWriteLockSubscriber());
    }
  }
}
