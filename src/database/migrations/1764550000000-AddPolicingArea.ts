import { MigrationInterface, QueryRunner } from 'typeorm';

// Cases get an optional policing area (a code from the force-curated list `policing-areas`, e.g. a BCU
// or a borough), counted by GET /api/foi/counts (UNRECORDED where missing). The column is added with a
// plain ALTER TABLE ADD COLUMN: portable, and on SQLite no table rebuild, so the FOI copy triggers stay.
// The list's rows are written here (the illustrative demo list of data/reference/policing-areas.json as
// it was shipped), never read from the live file; a row already present is left as it is.
const POLICING_AREAS: readonly [code: string, label: string][] = [
  ['CE', 'Central East (Hackney, Tower Hamlets)'],
  ['CN', 'Central North (Camden, Islington)'],
  ['CS', 'Central South (Lambeth, Southwark)'],
  ['CW', 'Central West (Kensington and Chelsea, Westminster, Hammersmith and Fulham)'],
  ['AW', 'West Area (Ealing, Hillingdon, Hounslow)'],
  ['EA', 'East Area (Barking and Dagenham, Havering, Redbridge)'],
  ['NA', 'North Area (Enfield, Haringey)'],
  ['NE', 'North East (Newham, Waltham Forest)'],
  ['NW', 'North West (Barnet, Brent, Harrow)'],
  ['SE', 'South East (Bexley, Greenwich, Lewisham)'],
  ['SN', 'South Area (Bromley, Croydon, Sutton)'],
  ['SW', 'South West (Kingston upon Thames, Merton, Richmond upon Thames, Wandsworth)'],
];
const LIST = 'policing-areas';

export class AddPolicingArea1764550000000 implements MigrationInterface {
  name = 'AddPolicingArea1764550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "cases" ADD COLUMN "policingArea" varchar(40)');
    const present = new Set(
      (
        (await queryRunner.query(`SELECT "code" FROM "reference_codes" WHERE "list" = '${LIST}'`)) as {
          code: string;
        }[]
      ).map((r) => r.code),
    );
    const rows = POLICING_AREAS.map(([code, label], sortOrder) => ({
      list: LIST,
      code,
      label,
      parentCode: null,
      sortOrder,
      attributes: null,
    })).filter((row) => !present.has(row.code));
    if (rows.length > 0) {
      await queryRunner.manager.createQueryBuilder().insert().into('reference_codes').values(rows).execute();
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "reference_codes" WHERE "list" = '${LIST}'`);
    await queryRunner.query('ALTER TABLE "cases" DROP COLUMN "policingArea"');
  }
}
