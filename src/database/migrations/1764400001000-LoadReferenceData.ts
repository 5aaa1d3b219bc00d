import { MigrationInterface, QueryRunner } from 'typeorm';
import { loadReferenceRows } from '../../reference-data/reference-lists.js';

export class LoadReferenceData1764400001000 implements MigrationInterface {
  name = 'LoadReferenceData1764400001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows = loadReferenceRows();
    for (let i = 0; i < rows.length; i += 100) {
      await queryRunner.manager
        .createQueryBuilder()
        .insert()
        .into('reference_codes')
        .values(rows.slice(i, i + 100))
        .execute();
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.manager.createQueryBuilder().delete().from('reference_codes').execute();
  }
}
