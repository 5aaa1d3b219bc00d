import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

// The lists people page through (issue 10: every page < 50 ms at a million devices, lists paginate):
// - cases newest first (GET /cases, GET /api/cases): read backwards along (createdAt, id) instead of
//   sorting 300,000 cases for each page (60 ms, 100 ms on page 200);
// - how many cases are open: every case less the voided ones, which this partial index holds alone (as
//   IDX_devices_voided does for devices), instead of a count over every open case (30 ms);
// - the lab's queue (GET /examinations): the open examinations only, oldest request first, with their
//   status to count them by; the queue's WHERE is written with the same literals (examination-queue.service.ts)
//   so SQLite and PostgreSQL both use it.
// CREATE INDEX only: no table rebuild, triggers kept.
export const OPEN_EXAMINATION = `"status" IN ('REQUESTED', 'IN_PROGRESS') AND "voidedAt" IS NULL`;

const CASE_INDEXES = [
  new TableIndex({ name: 'IDX_cases_created', columnNames: ['createdAt', 'id'] }),
  new TableIndex({ name: 'IDX_cases_voided', columnNames: ['voidedAt'], where: '"voidedAt" IS NOT NULL' }),
];
const EXAMINATION_INDEXES = [
  new TableIndex({
    name: 'IDX_examinations_open_queue',
    columnNames: ['requestedAt', 'id', 'status'],
    where: OPEN_EXAMINATION,
  }),
];

export class AddPageListIndexes1764640000000 implements MigrationInterface {
  name = 'AddPageListIndexes1764640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of CASE_INDEXES) await queryRunner.createIndex('cases', index);
    for (const index of EXAMINATION_INDEXES) await queryRunner.createIndex('examinations', index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of EXAMINATION_INDEXES) await queryRunner.dropIndex('examinations', index.name!);
    for (const index of CASE_INDEXES) await queryRunner.dropIndex('cases', index.name!);
  }
}
