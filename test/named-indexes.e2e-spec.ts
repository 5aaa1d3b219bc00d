import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../src/app-entities.js';
import { buildDataSourceOptions } from '../src/database/data-source-options.js';
import { createPgTestDatabase } from './pg-test-database.js';

// Every index the code names (an index hint such as the export's INDEXED BY, an entity's @Index, a
// comment a reader will trust, a bench or plan check) exists once every migration has run. A migration
// that drops or renames an index then fails here instead of leaving a query on a slow plan. Migrations
// themselves are left out: they name the indexes of their time.
const NAME = /\b(?:IDX|UQ)_[A-Za-z0-9_]+\b/g;
const SELF = 'test/named-indexes.e2e-spec.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs)$/.test(e.name))
    .map((e) => relative(process.cwd(), join(e.parentPath, e.name)))
    .filter((path) => !path.startsWith('src/database/migrations/') && path !== SELF);
}

function namedInCode(): Map<string, string[]> {
  const named = new Map<string, string[]>();
  for (const path of [...sources('src'), ...sources('test')]) {
    for (const [name] of readFileSync(path, 'utf8').matchAll(NAME)) {
      named.set(name, [...(named.get(name) ?? []), path]);
    }
  }
  return named;
}

const targets: {
  name: string;
  open: () => Promise<{ dataSource: DataSource; cleanup: () => Promise<void> }>;
}[] = [
  {
    name: 'SQLite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'register-indexes-'));
      const dataSource = await new DataSource(
        buildDataSourceOptions({ path: join(dir, 'register.sqlite') }, ENTITIES),
      ).initialize();
      return {
        dataSource,
        cleanup: async () => {
          await dataSource.destroy();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
];
const adminUrl = process.env.TEST_DATABASE_URL;
if (adminUrl) {
  targets.push({
    name: 'PostgreSQL',
    open: async () => {
      const database = await createPgTestDatabase(adminUrl);
      const dataSource = await new DataSource(
        buildDataSourceOptions({ path: ':memory:', url: database.url }, ENTITIES),
      ).initialize();
      return {
        dataSource,
        cleanup: async () => {
          await dataSource.destroy();
          await database.drop();
        },
      };
    },
  });
}

describe.each(targets)('indexes named in code, on $name', ({ open }) => {
  let dataSource: DataSource;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dataSource, cleanup } = await open());
  });

  afterAll(async () => {
    await cleanup();
  });

  it('every one exists after the migrations', async () => {
    const sqlite = dataSource.options.type === 'better-sqlite3';
    const rows = (await dataSource.query(
      sqlite
        ? `SELECT "name" FROM "sqlite_master" WHERE "type" = 'index'`
        : `SELECT indexname AS "name" FROM pg_indexes WHERE schemaname = current_schema()`,
    )) as { name: string }[];
    const present = new Set(rows.map((r) => r.name));
    const named = namedInCode();

    expect([...named.keys()]).toContain('IDX_devices_seized_foi'); // the export's index hint
    const missing = [...named]
      .filter(([name]) => !present.has(name))
      .map(([name, paths]) => `${name} (${paths.join(', ')})`);
    expect(missing).toEqual([]);
  });
});
