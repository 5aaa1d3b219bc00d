import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { deviceTextSql, exhibitKeySql } from '../../devices/device-search-sql.js';

// Finding things (issue 13, part 3): indexes behind GET /api/devices?exhibitRef=&macAddress=
// &serialNumber=&q= and GET /api/cases?q= (sealNumber's index came with CustodyCorrections). See
// src/devices/device-search-sql.ts for the expressions. Expression and FTS indexes are created by
// plain SQL (no table rebuild, so the FOI copy triggers stay); the entities name them with
// synchronize: false.

const SQLITE_TRIGGERS = [
  'devices_search_insert',
  'devices_search_update',
  'devices_search_delete',
  'cases_search_insert',
  'cases_search_update',
  'cases_search_delete',
];

export class DeviceSearch1764560200000 implements MigrationInterface {
  name = 'DeviceSearch1764560200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sqlite = queryRunner.connection.options.type === 'better-sqlite3';
    await queryRunner.query(
      `CREATE INDEX "IDX_devices_exhibit_key" ON "devices" ((${exhibitKeySql('"exhibitRef"')}))`,
    );
    await queryRunner.createIndex(
      'devices',
      new TableIndex({ name: 'IDX_devices_mac', columnNames: ['macAddress'] }),
    );
    await queryRunner.query(`CREATE INDEX "IDX_devices_serial" ON "devices" ((UPPER("serialNumber")))`);
    if (sqlite) {
      await sqliteSearch(queryRunner);
    } else {
      await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await queryRunner.query(
        `CREATE INDEX "TRGM_devices_search" ON "devices" USING gin ((lower(${deviceTextSql()})) gin_trgm_ops)`,
      );
      await queryRunner.query(
        `CREATE INDEX "TRGM_cases_reference" ON "cases" USING gin ((lower("reference")) gin_trgm_ops)`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sqlite = queryRunner.connection.options.type === 'better-sqlite3';
    if (sqlite) {
      for (const name of SQLITE_TRIGGERS) await queryRunner.query(`DROP TRIGGER IF EXISTS "${name}"`);
      await queryRunner.query('DROP TABLE IF EXISTS "device_search"');
      await queryRunner.query('DROP TABLE IF EXISTS "case_search"');
      await queryRunner.query('DROP TABLE IF EXISTS "device_search_pending"');
      await queryRunner.query('DROP TABLE IF EXISTS "case_search_pending"');
    } else {
      await queryRunner.query('DROP INDEX IF EXISTS "TRGM_devices_search"');
      await queryRunner.query('DROP INDEX IF EXISTS "TRGM_cases_reference"');
    }
    for (const name of ['IDX_devices_serial', 'IDX_devices_mac', 'IDX_devices_exhibit_key']) {
      await queryRunner.query(`DROP INDEX IF EXISTS "${name}"`);
    }
  }
}

// FTS5 tables keyed by the rowid of devices and cases (stable: the register never runs VACUUM, and
// backups copy pages), filled now. Writes do not touch them: an FTS5 insert made by a trigger flushes
// the index on every statement (measured: ~10x the cost of a device insert), so a trigger only queues
// the changed rowid in a plain table, and the next search folds the queue into the index in one
// statement per table (src/devices/search-index.ts).
async function sqliteSearch(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`CREATE VIRTUAL TABLE "device_search" USING fts5("text", tokenize = 'trigram')`);
  await queryRunner.query(`CREATE VIRTUAL TABLE "case_search" USING fts5("reference", tokenize = 'trigram')`);
  await queryRunner.query(`CREATE TABLE "device_search_pending" ("rowid" integer PRIMARY KEY)`);
  await queryRunner.query(`CREATE TABLE "case_search_pending" ("rowid" integer PRIMARY KEY)`);
  await queryRunner.query(
    `INSERT INTO "device_search" (rowid, "text") SELECT d.rowid, ${deviceTextSql('d')} FROM "devices" d`,
  );
  await queryRunner.query(
    `INSERT INTO "case_search" (rowid, "reference") SELECT c.rowid, c."reference" FROM "cases" c`,
  );
  const queue = (table: string, row: string) =>
    `INSERT OR IGNORE INTO "${table}_search_pending" ("rowid") VALUES (${row}.rowid);`;
  for (const statement of [
    `CREATE TRIGGER "devices_search_insert" AFTER INSERT ON "devices" BEGIN ${queue('device', 'NEW')} END`,
    `CREATE TRIGGER "devices_search_update" AFTER UPDATE OF "exhibitRef", "make", "model", "serialNumber"
       ON "devices" BEGIN ${queue('device', 'NEW')} END`,
    `CREATE TRIGGER "devices_search_delete" AFTER DELETE ON "devices" BEGIN ${queue('device', 'OLD')} END`,
    `CREATE TRIGGER "cases_search_insert" AFTER INSERT ON "cases" BEGIN ${queue('case', 'NEW')} END`,
    `CREATE TRIGGER "cases_search_update" AFTER UPDATE OF "reference" ON "cases" BEGIN ${queue('case', 'NEW')} END`,
    `CREATE TRIGGER "cases_search_delete" AFTER DELETE ON "cases" BEGIN ${queue('case', 'OLD')} END`,
  ]) {
    await queryRunner.query(statement);
  }
}
