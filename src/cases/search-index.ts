import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { dialectOf, type FoldedSearch } from '../database/dialect.js';
import { deviceTextSql } from './text-search.js';

// Brings the trigram search indexes (migration DeviceSearch) up to date before a search reads them: on
// SQLite writers only queue the rowids they changed (triggers into *_search_pending), folded in by the
// dialect; PostgreSQL keeps its pg_trgm indexes as it writes.
const TABLES: FoldedSearch[] = [
  {
    search: 'device_search',
    pending: 'device_search_pending',
    source: 'devices',
    column: 'text',
    text: deviceTextSql('s'),
  },
  {
    search: 'case_search',
    pending: 'case_search_pending',
    source: 'cases',
    column: 'reference',
    text: 's."reference"',
  },
];

@Injectable()
export class SearchIndex {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  fold(): Promise<void> {
    return dialectOf(this.dataSource).foldSearch(this.dataSource, TABLES);
  }
}

/** Folds the queued rowids into the search tables inside the caller's transaction (SQLite; nothing on
 * PostgreSQL). The import calls it at its end, so the first search after a large import does not pay
 * for it. */
export function foldSearchQueue(manager: EntityManager): Promise<void> {
  return dialectOf(manager).foldSearchIn(manager, TABLES);
}
