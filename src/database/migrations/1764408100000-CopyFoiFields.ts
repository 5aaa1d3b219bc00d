import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import {
  CASE_COPIES,
  DEVICE_COPIES,
  POSTGRES_FOI_TRIGGERS,
  postgresFoiTriggers,
  SQLITE_FOI_TRIGGERS,
  sqliteFoiTriggers,
} from './1764408100000-CopyFoiFields.triggers.js';

// The FOI report counts devices by their case's classification and examinations by their device's type:
// joining every counted row to its case or device was most of a report's time at 1,000,000 devices
// (test/bench/README.md). Each device now carries copies of its case's FOI fields (case*), and each
// examination copies of its device's type, seizure instant and void (device*), kept right by database
// triggers (1764408100000-CopyFoiFields.triggers.ts), so every writer (API, import, CLI, demo seeder, bench seeder, raw SQL)
// keeps them right in the same statement. The copies are read only by the FOI report (its covering
// indexes below); the entities declare them insert: false, update: false, select: false.
//
// SQLite: columns are added with ALTER TABLE ADD COLUMN, not the schema builder, which rebuilds the whole
// table on SQLite (a copy of 1,000,000 devices) and would drop its triggers. A later migration that
// alters devices, cases or examinations with the schema builder on SQLite must create the triggers again.
const DEVICE_COLUMNS: TableColumn[] = [
  new TableColumn({ name: 'caseKind', type: 'varchar', length: '10', isNullable: true }),
  new TableColumn({ name: 'caseOffenceGroup', type: 'varchar', length: '40', isNullable: true }),
  new TableColumn({ name: 'caseOffenceSubgroup', type: 'varchar', length: '40', isNullable: true }),
  new TableColumn({ name: 'caseIncidentCategory', type: 'varchar', length: '40', isNullable: true }),
  new TableColumn({ name: 'caseCourtResult', type: 'varchar', length: '40', isNullable: true }),
  new TableColumn({ name: 'caseProgressedToCourt', type: 'boolean', isNullable: true }),
  new TableColumn({ name: 'caseVoidedAt', type: 'varchar', length: '24', isNullable: true }),
  new TableColumn({ name: 'caseVersion', type: 'integer', isNullable: true }),
  new TableColumn({ name: 'caseUpdatedAt', type: 'varchar', length: '24', isNullable: true }),
];

const EXAMINATION_COLUMNS: TableColumn[] = [
  new TableColumn({ name: 'deviceType', type: 'varchar', length: '40', isNullable: true }),
  new TableColumn({ name: 'deviceSeizedAt', type: 'varchar', length: '24', isNullable: true }),
  new TableColumn({ name: 'deviceVoidedAt', type: 'varchar', length: '24', isNullable: true }),
];

// What a report reads of a device: the window, whether it counts, and its case's fields.
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
const STARTED_FOI = ['startedAt', 'voidedAt', 'deviceVoidedAt', 'scopeStatus', 'version', 'updatedAt'];
// completedAt then cancelledAt: also the backlog's "neither completed nor cancelled by the end".
const COMPLETED_FOI = [
  'completedAt',
  'cancelledAt',
  'voidedAt',
  'deviceVoidedAt',
  'requestedAt',
  'deviceSeizedAt',
  'deviceId',
  'version',
  'updatedAt',
];

const OLD_DEVICE_FIGURES = ['voidedAt', 'caseId', 'evidentialUse', 'version', 'updatedAt'];

interface Replaced {
  table: string;
  old: TableIndex;
  foi: TableIndex[];
}

const INDEXES: Replaced[] = [
  {
    table: 'devices',
    old: index('IDX_devices_type_seized_cover', ['deviceType', 'seizedAt', ...OLD_DEVICE_FIGURES]),
    foi: [index('IDX_devices_type_seized_foi', ['deviceType', 'seizedAt', ...DEVICE_FOI])],
  },
  {
    table: 'devices',
    old: index('IDX_devices_seized_cover', ['seizedAt', 'deviceType', ...OLD_DEVICE_FIGURES]),
    foi: [index('IDX_devices_seized_foi', ['seizedAt', 'deviceType', ...DEVICE_FOI])],
  },
  {
    table: 'examinations',
    old: index('IDX_examinations_started_cover', [
      'startedAt',
      'voidedAt',
      'deviceId',
      'scopeStatus',
      'version',
      'updatedAt',
    ]),
    foi: [
      index('IDX_examinations_started_foi', STARTED_FOI),
      index('IDX_examinations_type_started_foi', ['deviceType', ...STARTED_FOI]),
    ],
  },
  {
    table: 'examinations',
    old: index('IDX_examinations_completed_cover', [
      'completedAt',
      'voidedAt',
      'deviceId',
      'version',
      'updatedAt',
    ]),
    foi: [
      index('IDX_examinations_completed_foi', COMPLETED_FOI),
      index('IDX_examinations_type_completed_foi', ['deviceType', ...COMPLETED_FOI]),
    ],
  },
];

function index(name: string, columnNames: string[]): TableIndex {
  return new TableIndex({ name, columnNames });
}

export class CopyFoiFields1764408100000 implements MigrationInterface {
  name = 'CopyFoiFields1764408100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sqlite = queryRunner.connection.options.type === 'better-sqlite3';
    // Old indexes first, new ones after the backfill: the backfill then maintains no index.
    for (const { table, old } of INDEXES) await queryRunner.dropIndex(table, old.name!);
    await addColumns(queryRunner, 'devices', DEVICE_COLUMNS, sqlite);
    await addColumns(queryRunner, 'examinations', EXAMINATION_COLUMNS, sqlite);

    await queryRunner.query(
      `UPDATE "devices" SET ${CASE_COPIES.map(([copy, field]) => `"${copy}" = c."${field}"`).join(', ')} ` +
        `FROM "cases" c WHERE c."id" = "devices"."caseId"`,
    );
    await queryRunner.query(
      `UPDATE "examinations" SET ${DEVICE_COPIES.map(([copy, expr]) => `"${copy}" = ${expr('d')}`).join(', ')} ` +
        `FROM "devices" d WHERE d."id" = "examinations"."deviceId"`,
    );

    for (const { table, foi } of INDEXES) for (const i of foi) await queryRunner.createIndex(table, i);
    for (const statement of sqlite ? sqliteFoiTriggers() : postgresFoiTriggers()) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sqlite = queryRunner.connection.options.type === 'better-sqlite3';
    if (sqlite) {
      for (const name of SQLITE_FOI_TRIGGERS) await queryRunner.query(`DROP TRIGGER IF EXISTS "${name}"`);
    } else {
      for (const name of POSTGRES_FOI_TRIGGERS) {
        await queryRunner.query(`DROP TRIGGER IF EXISTS ${name} ON "${name.split('_foi_')[0]}"`);
        await queryRunner.query(`DROP FUNCTION IF EXISTS ${name}()`);
      }
    }
    for (const { table, foi } of [...INDEXES].reverse()) {
      for (const i of foi) await queryRunner.dropIndex(table, i.name!);
    }
    for (const column of EXAMINATION_COLUMNS) await dropColumn(queryRunner, 'examinations', column, sqlite);
    for (const column of DEVICE_COLUMNS) await dropColumn(queryRunner, 'devices', column, sqlite);
    for (const { table, old } of INDEXES) await queryRunner.createIndex(table, old);
  }
}

async function addColumns(
  queryRunner: QueryRunner,
  table: string,
  columns: TableColumn[],
  sqlite: boolean,
): Promise<void> {
  if (!sqlite) return queryRunner.addColumns(table, columns);
  for (const c of columns) {
    const type = c.length ? `${c.type}(${c.length})` : c.type;
    await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "${c.name}" ${type}`);
  }
}

async function dropColumn(
  queryRunner: QueryRunner,
  table: string,
  column: TableColumn,
  sqlite: boolean,
): Promise<void> {
  if (!sqlite) return queryRunner.dropColumn(table, column.name);
  await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column.name}"`);
}
