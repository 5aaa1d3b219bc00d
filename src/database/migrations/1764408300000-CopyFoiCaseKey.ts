import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import {
  caseFoiKey,
  postgresCaseFunctions,
  postgresCaseFunctionsBefore,
  SQLITE_CASE_TRIGGERS,
  sqliteCaseTriggers,
  sqliteCaseTriggersBefore,
} from './1764408300000-CopyFoiCaseKey.triggers.js';

// The FOI report groups a window's devices by their case's classification, court result and progression
// (six copied columns): SQLite sorts to group, and sorting by six columns was most of the CPU of a
// ten-year or all-types report (test/bench/README.md). Each device now also carries one text that encodes
// the six (caseFoiKey, see the triggers file), copied like the others by the case triggers of
// CopyFoiFields, replaced here; the report groups by it alone.
//
// SQLite: the column is added with ALTER TABLE ADD COLUMN (the schema builder would rebuild the devices
// table and drop its triggers), as CopyFoiFields does.
const KEY = new TableColumn({ name: 'caseFoiKey', type: 'varchar', length: '255', isNullable: true });

const DEVICE_FOI = [
  'voidedAt',
  'caseVoidedAt',
  'caseId',
  'evidentialUse',
  'version',
  'updatedAt',
  'caseKind',
  'caseOffenceGroup',
  'caseOffenceSubgroup',
  'caseIncidentCategory',
  'caseCourtResult',
  'caseProgressedToCourt',
  'caseVersion',
  'caseUpdatedAt',
];

// The covering indexes of CopyFoiFields, with the key last: same names, one more column.
const INDEXES: [string, string[]][] = [
  ['IDX_devices_type_seized_foi', ['deviceType', 'seizedAt', ...DEVICE_FOI]],
  ['IDX_devices_seized_foi', ['seizedAt', 'deviceType', ...DEVICE_FOI]],
];

export class CopyFoiCaseKey1764408300000 implements MigrationInterface {
  name = 'CopyFoiCaseKey1764408300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sqlite = queryRunner.connection.options.type === 'better-sqlite3';
    for (const [name] of INDEXES) await queryRunner.dropIndex('devices', name);
    if (sqlite) await queryRunner.query(`ALTER TABLE "devices" ADD COLUMN "caseFoiKey" varchar(255)`);
    else await queryRunner.addColumn('devices', KEY);
    await queryRunner.query(
      `UPDATE "devices" SET "caseFoiKey" = ${caseFoiKey('c')} FROM "cases" c WHERE c."id" = "devices"."caseId"`,
    );
    for (const [name, columns] of INDEXES) {
      await queryRunner.createIndex(
        'devices',
        new TableIndex({ name, columnNames: [...columns, 'caseFoiKey'] }),
      );
    }
    await replaceCaseTriggers(queryRunner, sqlite, sqlite ? sqliteCaseTriggers() : postgresCaseFunctions());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sqlite = queryRunner.connection.options.type === 'better-sqlite3';
    await replaceCaseTriggers(
      queryRunner,
      sqlite,
      sqlite ? sqliteCaseTriggersBefore() : postgresCaseFunctionsBefore(),
    );
    for (const [name] of INDEXES) await queryRunner.dropIndex('devices', name);
    if (sqlite) await queryRunner.query(`ALTER TABLE "devices" DROP COLUMN "caseFoiKey"`);
    else await queryRunner.dropColumn('devices', KEY.name);
    for (const [name, columnNames] of INDEXES) {
      await queryRunner.createIndex('devices', new TableIndex({ name, columnNames }));
    }
  }
}

// SQLite triggers are dropped and created again; PostgreSQL's trigger functions are replaced in place.
async function replaceCaseTriggers(queryRunner: QueryRunner, sqlite: boolean, statements: string[]) {
  if (sqlite) {
    for (const name of SQLITE_CASE_TRIGGERS) await queryRunner.query(`DROP TRIGGER IF EXISTS "${name}"`);
  }
  for (const statement of statements) await queryRunner.query(statement);
}
