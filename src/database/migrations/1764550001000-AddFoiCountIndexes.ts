import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

// GET /api/foi/counts may place examinations in the window by their request time (dateBasis=requestedAt):
// an index over requestedAt, so that count reads one index range of the window too (the device types are
// checked in the range). Deliberately not covering, and no (deviceType, requestedAt) one: either tempts
// SQLite into planning the report's backlog statement as a read of every examination requested before the
// window's end (seen in the query-plan test). CREATE INDEX only: no table rebuild, triggers kept.
export const REQUESTED_FOI = ['requestedAt', 'voidedAt', 'deviceVoidedAt'];

const INDEXES = [new TableIndex({ name: 'IDX_examinations_requested_foi', columnNames: REQUESTED_FOI })];

export class AddFoiCountIndexes1764550001000 implements MigrationInterface {
  name = 'AddFoiCountIndexes1764550001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of INDEXES) await queryRunner.createIndex('examinations', index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of INDEXES) await queryRunner.dropIndex('examinations', index.name!);
  }
}
