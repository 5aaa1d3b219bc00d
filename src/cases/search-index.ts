import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { deviceTextSql } from './text-search.js';

// SQLite only: brings the trigram indexes of the search (FTS5 tables device_search, case_search; migration
// DeviceSearch) up to date before a search reads them. Writers only queue the rowids they changed
// (triggers into *_search_pending); this folds the queue in, one statement per step, in one write
// transaction. PostgreSQL keeps its pg_trgm indexes as it writes: nothing to do.
const TABLES = [
  { search: 'device_search', pending: 'device_search_pending', source: 'devices', text: deviceTextSql('s') },
  { search: 'case_search', pending: 'case_search_pending', source: 'cases', text: 's."reference"' },
];

@Injectable()
export class SearchIndex {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async fold(): Promise<void> {
    if (this.dataSource.options.type !== 'better-sqlite3') return;
    const queued = (await this.dataSource.query(
      `SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM "device_search_pending" LIMIT 1)) +
              (SELECT COUNT(*) FROM (SELECT 1 FROM "case_search_pending" LIMIT 1)) AS "n"`,
    )) as { n: number }[];
    if (Number(queued[0]?.n ?? 0) === 0) return;
    await this.dataSource.transaction((manager) => foldSearchQueue(manager));
  }
}

/** Folds the queued rowids into the search tables inside the caller's transaction (SQLite only). The
 * import calls it at its end, so the first search after a large import does not pay for it. */
export async function foldSearchQueue(manager: EntityManager): Promise<void> {
  if (manager.connection.options.type !== 'better-sqlite3') return;
  for (const { search, pending, source, text } of TABLES) {
    const column = search === 'device_search' ? '"text"' : '"reference"';
    await manager.query(`DELETE FROM "${search}" WHERE rowid IN (SELECT "rowid" FROM "${pending}")`);
    await manager.query(
      `INSERT INTO "${search}" (rowid, ${column}) SELECT s.rowid, ${text} FROM "${source}" s
       WHERE s.rowid IN (SELECT "rowid" FROM "${pending}")`,
    );
    await manager.query(`DELETE FROM "${pending}"`);
  }
}
