import { MigrationInterface, QueryRunner } from 'typeorm';
import { REFERENCE_ROWS_1764400001000 } from './1764400001000-LoadReferenceData.rows.js';

// Loads the reference rows frozen in its .rows.ts file (it once read data/reference/*.json, which would make
// an old migration give a different result after the files change). Later changes come by new migrations;
// test/reference-data.e2e-spec.ts checks that the migrated rows equal what data/reference/*.json describes.
export class LoadReferenceData1764400001000 implements MigrationInterface {
  name = 'LoadReferenceData1764400001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows = REFERENCE_ROWS_1764400001000.map(
      ([list, code, label, parentCode, sortOrder, attributes]) => ({
        list,
        code,
        label,
        parentCode,
        sortOrder,
        attributes,
      }),
    );
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
