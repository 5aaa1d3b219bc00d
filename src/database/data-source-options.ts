import type { DataSourceOptions } from 'typeorm';
import { prepareSqliteFile } from '../security/private-files.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseSettings {
  path: string;
  url?: string;
}

// One set of options for the app, the CLI and the tests, so they cannot drift apart. The entities are
// the app's (src/app-entities.ts), passed in by the app module and the command line.
export function buildDataSourceOptions(
  settings: DatabaseSettings,
  entities: DataSourceOptions['entities'],
): DataSourceOptions {
  const common = {
    entities,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  if (settings.url) {
    return { ...common, type: 'postgres', url: settings.url };
  }
  // The file (and a new folder) for the owner only: 0600 (its WAL and shared memory follow), 0700.
  if (settings.path !== ':memory:') prepareSqliteFile(settings.path);
  return {
    ...common,
    type: 'better-sqlite3',
    database: settings.path,
    enableWAL: settings.path !== ':memory:',
    timeout: 5000,
    // SQLite settings, chosen with `npm run bench` at a million devices (test/bench/README.md):
    // - journal_mode=WAL (enableWAL): readers never block the writer nor the writer readers; a crash
    //   mid-write leaves the last committed state.
    // - synchronous=NORMAL: in WAL mode a commit is not fsynced; a committed write survives a crash of
    //   the process, only a power cut or OS crash can lose the last transactions (never corrupts).
    //   FULL would fsync the WAL on every commit.
    // - busy_timeout 5000 ms (`timeout` above): a second writer (the CLI beside the server) waits.
    // - cache_size 64 MiB of page cache per connection; temp_store=MEMORY for sorts and GROUP BY.
    // - mmap_size 2 GiB: pages are read straight from the OS page cache instead of copied into the
    //   SQLite cache (a FOI report over a million devices used 2.4x less CPU). Mapped file pages count
    //   in the process RSS but are the OS cache's, shared and reclaimable. Writes still go through
    //   the WAL, so durability is unchanged; an I/O error on a mapped page would end the process.
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('synchronous = NORMAL');
      db.pragma('cache_size = -65536');
      db.pragma('temp_store = MEMORY');
      db.pragma('mmap_size = 2147418112');
    },
  };
}
