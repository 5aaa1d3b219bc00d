import { QueryRunner } from 'typeorm';

// [list, code, label, parentCode, sortOrder, attributes (JSON text or null)]
export type FrozenReferenceRow = readonly [string, string, string, string | null, number, string | null];

// For migrations that add or change reference codes: the rows are written inside the migration (frozen),
// never read from data/reference/*.json, so the migration gives the same result forever. Each row replaces
// the row of the same list and code, if any. Portable (SQLite and PostgreSQL).
export async function putReferenceRows(queryRunner: QueryRunner, rows: readonly FrozenReferenceRow[]) {
  for (const [list, code, label, parentCode, sortOrder, attributes] of rows) {
    await queryRunner.manager
      .createQueryBuilder()
      .delete()
      .from('reference_codes')
      .where('list = :list AND code = :code', { list, code })
      .execute();
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into('reference_codes')
      .values({ list, code, label, parentCode, sortOrder, attributes })
      .execute();
  }
}

// The undo of putReferenceRows for codes a migration introduced.
export async function removeReferenceRows(queryRunner: QueryRunner, rows: readonly FrozenReferenceRow[]) {
  for (const [list, code] of rows) {
    await queryRunner.manager
      .createQueryBuilder()
      .delete()
      .from('reference_codes')
      .where('list = :list AND code = :code', { list, code })
      .execute();
  }
}
