import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

const PAGE = 5000;
// As src/cases/reference-key.ts defines it today (a migration keeps its own copy: it must not change later).
const KEY_LENGTH = '100';
const referenceKeyOf = (reference: string) => reference.trim().toLowerCase();

// Case references are unique ignoring letter case. The service checked that with LOWER(reference),
// which no index serves (a scan of every case per check, and per import batch); the normalised key
// gets its own column and a unique index, so the database enforces it too.
export class AddCaseReferenceKey1764408000000 implements MigrationInterface {
  name = 'AddCaseReferenceKey1764408000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'cases',
      new TableColumn({ name: 'referenceKey', type: 'varchar', length: KEY_LENGTH, isNullable: true }),
    );
    // SQL LOWER does the bulk; SQLite's LOWER folds ASCII only, so rows that JavaScript folds
    // differently (non-ASCII letters) are then set one by one.
    await queryRunner.manager
      .createQueryBuilder()
      .update('cases')
      .set({ referenceKey: () => 'LOWER(TRIM("reference"))' })
      .execute();
    for (let after = ''; ;) {
      const rows = await queryRunner.manager
        .createQueryBuilder()
        .select(['c.id AS id', 'c.reference AS reference', 'c."referenceKey" AS "referenceKey"'])
        .from('cases', 'c')
        .where('c.id > :after', { after })
        .orderBy('c.id')
        .limit(PAGE)
        .getRawMany<{ id: string; reference: string; referenceKey: string }>();
      if (rows.length > 0) after = rows[rows.length - 1].id;
      for (const row of rows) {
        const key = referenceKeyOf(row.reference);
        if (key === row.referenceKey) continue;
        await queryRunner.manager
          .createQueryBuilder()
          .update('cases')
          .set({ referenceKey: key })
          .where('id = :id', { id: row.id })
          .execute();
      }
      if (rows.length < PAGE) break;
    }
    const clashes = await queryRunner.manager
      .createQueryBuilder()
      .select('c."referenceKey"', 'key')
      .from('cases', 'c')
      .groupBy('c."referenceKey"')
      .having('COUNT(*) > 1')
      .getRawMany<{ key: string }>();
    if (clashes.length > 0) {
      throw new Error(
        `${clashes.length} case reference(s) are used by more than one case when letter case is ignored; ` +
          'rename one of each pair (GET /api/cases?reference=…) and run the migration again.',
      );
    }
    await queryRunner.changeColumn(
      'cases',
      'referenceKey',
      new TableColumn({ name: 'referenceKey', type: 'varchar', length: KEY_LENGTH }),
    );
    await queryRunner.createIndex(
      'cases',
      new TableIndex({ name: 'UQ_cases_reference_key', columnNames: ['referenceKey'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('cases', 'UQ_cases_reference_key');
    await queryRunner.dropColumn('cases', 'referenceKey');
  }
}
