import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseSettings {
  path: string;
  url?: string;
}

// One set of options for the app, the CLI and the tests, so they cannot drift apart.
export function buildDataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  if (settings.url) {
    return { ...common, type: 'postgres', url: settings.url };
  }
  if (settings.path !== ':memory:') mkdirSync(dirname(settings.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: settings.path,
    enableWAL: settings.path !== ':memory:',
    timeout: 5000,
    // WAL + synchronous=NORMAL: a committed write survives a process crash; only a power cut
    // can lose the last transactions. busy_timeout (above) waits for a concurrent writer.
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('synchronous = NORMAL');
      db.pragma('cache_size = -65536');
      db.pragma('temp_store = MEMORY');
    },
  };
}
