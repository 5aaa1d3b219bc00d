import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const ref = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
const date = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '10',
  isNullable: nullable,
});
const instant = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '24',
  isNullable: nullable,
});
const text = (name: string, length: string, nullable = false) => ({
  name,
  type: 'varchar',
  length,
  isNullable: nullable,
});

// The FOI request log (issue 11): requests, their questions, clock events and released answers.
export class CreateFoiRequestTables1764541000000 implements MigrationInterface {
  name = 'CreateFoiRequestTables1764541000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'foi_requests',
        columns: [
          id,
          text('reference', '60'),
          text('referenceKey', '60'),
          date('receivedOn'),
          text('channel', '20'),
          text('requesterType', '30', true),
          text('title', '200'),
          text('status', '30'),
          date('dueOn', true),
          instant('createdAt'),
          ref('createdBy', true),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_foi_requests_referenceKey',
            columnNames: ['referenceKey'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_foi_requests_status_dueOn', columnNames: ['status', 'dueOn'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'foi_request_questions',
        columns: [id, ref('requestId'), { name: 'number', type: 'integer' }, text('text', '2000')],
        indices: [
          new TableIndex({
            name: 'UQ_foi_request_questions_number',
            columnNames: ['requestId', 'number'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'foi_request_events',
        columns: [
          id,
          ref('requestId'),
          { name: 'seq', type: 'integer' },
          text('kind', '30'),
          date('on'),
          date('until', true),
          text('exemption', '60', true),
          instant('recordedAt'),
          ref('recordedBy', true),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_foi_request_events_seq',
            columnNames: ['requestId', 'seq'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'foi_answers',
        columns: [
          id,
          ref('requestId'),
          date('respondedOn'),
          instant('issuedAt'),
          ref('issuedBy', true),
          { name: 'parameters', type: 'text' },
          { name: 'decisions', type: 'text' },
          { name: 'report', type: 'text' },
          text('fingerprint', '100'),
          text('fileName', '200'),
          { name: 'workbook', type: 'text' },
          text('workbookSha256', '64'),
          instant('voidedAt', true),
          ref('voidedBy', true),
          text('voidReason', '500', true),
        ],
        indices: [new TableIndex({ name: 'IDX_foi_answers_requestId', columnNames: ['requestId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['foi_answers', 'foi_request_events', 'foi_request_questions', 'foi_requests']) {
      await queryRunner.dropTable(table);
    }
  }
}
