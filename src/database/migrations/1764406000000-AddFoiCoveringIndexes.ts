import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

// Covering indexes for the FOI report (test/performance.e2e-spec.ts proves the plans with EXPLAIN):
// each report statement reads a date range of one index and every column it needs from that index,
// never the table rows, so a report over a million devices touches only the window's entries.
// The covering indexes replace the narrower ones with the same leading columns (same write cost).
const DEVICE_FIGURES = ['voidedAt', 'caseId', 'evidentialUse', 'version', 'updatedAt'];

const REPLACED: { table: string; old: TableIndex; covering: TableIndex }[] = [
  {
    table: 'devices',
    old: new TableIndex({ name: 'IDX_devices_type_seized', columnNames: ['deviceType', 'seizedAt'] }),
    covering: new TableIndex({
      name: 'IDX_devices_type_seized_cover',
      columnNames: ['deviceType', 'seizedAt', ...DEVICE_FIGURES],
    }),
  },
  {
    table: 'devices',
    old: new TableIndex({ name: 'IDX_devices_seized', columnNames: ['seizedAt'] }),
    covering: new TableIndex({
      name: 'IDX_devices_seized_cover',
      columnNames: ['seizedAt', 'deviceType', ...DEVICE_FIGURES],
    }),
  },
  {
    table: 'examinations',
    old: new TableIndex({ name: 'IDX_examinations_started', columnNames: ['startedAt'] }),
    covering: new TableIndex({
      name: 'IDX_examinations_started_cover',
      columnNames: ['startedAt', 'voidedAt', 'deviceId', 'scopeStatus', 'version', 'updatedAt'],
    }),
  },
];

const ADDED: { table: string; index: TableIndex }[] = [
  {
    table: 'examinations',
    index: new TableIndex({
      name: 'IDX_examinations_completed_cover',
      columnNames: ['completedAt', 'voidedAt', 'deviceId', 'version', 'updatedAt'],
    }),
  },
];

export class AddFoiCoveringIndexes1764406000000 implements MigrationInterface {
  name = 'AddFoiCoveringIndexes1764406000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, old, covering } of REPLACED) {
      await queryRunner.createIndex(table, covering);
      await queryRunner.dropIndex(table, old.name!);
    }
    for (const { table, index } of ADDED) await queryRunner.createIndex(table, index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of ADDED) await queryRunner.dropIndex(table, index.name!);
    for (const { table, old, covering } of REPLACED) {
      await queryRunner.createIndex(table, old);
      await queryRunner.dropIndex(table, covering.name!);
    }
  }
}
