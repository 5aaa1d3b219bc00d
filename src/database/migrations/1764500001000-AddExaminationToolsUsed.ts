import { MigrationInterface, QueryRunner } from 'typeorm';

// Examinations get the tools and versions used (restricted like `methods`: lab and admin only, never in
// FOI output or an export). Nullable with no default: added in place with ALTER TABLE ADD COLUMN
// (portable; on SQLite no table rebuild, the FOI copy triggers untouched).
export class AddExaminationToolsUsed1764500001000 implements MigrationInterface {
  name = 'AddExaminationToolsUsed1764500001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "examinations" ADD COLUMN "toolsUsed" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "examinations" DROP COLUMN "toolsUsed"');
  }
}
