import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../src/app-entities.js';
import { buildDataSourceOptions } from '../src/database/data-source-options.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { createPgTestDatabase, type PgTestDatabase } from './pg-test-database.js';

// Every migration up on an empty database leaves exactly the schema the entities describe, and every
// migration comes down again: on SQLite always, and on PostgreSQL when TEST_DATABASE_URL is set.
const targets: {
  name: string;
  open: () => Promise<{ dataSource: DataSource; cleanup: () => Promise<void> }>;
}[] = [
  {
    name: 'SQLite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'register-migrations-'));
      const options = buildDataSourceOptions({ path: join(dir, 'register.sqlite') }, ENTITIES);
      const dataSource = new DataSource({ ...options, migrationsRun: false });
      await dataSource.initialize();
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
      const database: PgTestDatabase = await createPgTestDatabase(adminUrl);
      const options = buildDataSourceOptions({ path: ':memory:', url: database.url }, ENTITIES);
      const dataSource = new DataSource({ ...options, migrationsRun: false });
      await dataSource.initialize();
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

describe.each(targets)('migrations on $name', ({ open }) => {
  let dataSource: DataSource;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dataSource, cleanup } = await open());
  });

  afterAll(async () => {
    await cleanup();
  });

  it('runs every migration up on an empty database', async () => {
    const ran = await dataSource.runMigrations({ transaction: 'each' });

    expect(ran.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
  });

  it('leaves no difference between the migrated schema and the entities', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();

    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('brings every migration down again, leaving no register tables', async () => {
    for (let i = 0; i < MIGRATIONS.length; i += 1)
      await dataSource.undoLastMigration({ transaction: 'each' });

    const runner = dataSource.createQueryRunner();
    try {
      const left: string[] = [];
      for (const { tableName } of dataSource.entityMetadatas) {
        if (await runner.hasTable(tableName)) left.push(tableName);
      }
      expect(left).toEqual([]);
    } finally {
      await runner.release();
    }
  });
});
