import { MigrationInterface, QueryRunner } from 'typeorm';
import { type FrozenReferenceRow, putReferenceRows, removeReferenceRows } from './reference-rows.js';

// Cases get an optional policing area (a code from the force-curated list `policing-areas`, e.g. a BCU
// or a borough), counted by GET /api/foi/counts (UNRECORDED where missing). The column is added with a
// plain ALTER TABLE ADD COLUMN: portable, and on SQLite no table rebuild, so the FOI copy triggers stay.
// The list's rows are written here (the illustrative demo list of data/reference/policing-areas.json as
// shipped), never read from the live file.
const L = 'policing-areas';
const POLICING_AREAS: readonly FrozenReferenceRow[] = [
  [L, 'CE', 'Central East (Hackney, Tower Hamlets)', null, 0, null],
  [L, 'CN', 'Central North (Camden, Islington)', null, 1, null],
  [L, 'CS', 'Central South (Lambeth, Southwark)', null, 2, null],
  [L, 'CW', 'Central West (Kensington and Chelsea, Westminster, Hammersmith and Fulham)', null, 3, null],
  [L, 'AW', 'West Area (Ealing, Hillingdon, Hounslow)', null, 4, null],
  [L, 'EA', 'East Area (Barking and Dagenham, Havering, Redbridge)', null, 5, null],
  [L, 'NA', 'North Area (Enfield, Haringey)', null, 6, null],
  [L, 'NE', 'North East (Newham, Waltham Forest)', null, 7, null],
  [L, 'NW', 'North West (Barnet, Brent, Harrow)', null, 8, null],
  [L, 'SE', 'South East (Bexley, Greenwich, Lewisham)', null, 9, null],
  [L, 'SN', 'South Area (Bromley, Croydon, Sutton)', null, 10, null],
  [L, 'SW', 'South West (Kingston upon Thames, Merton, Richmond upon Thames, Wandsworth)', null, 11, null],
];

export class AddPolicingArea1764550000000 implements MigrationInterface {
  name = 'AddPolicingArea1764550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "cases" ADD COLUMN "policingArea" varchar(40)');
    await putReferenceRows(queryRunner, POLICING_AREAS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await removeReferenceRows(queryRunner, POLICING_AREAS);
    await queryRunner.query('ALTER TABLE "cases" DROP COLUMN "policingArea"');
  }
}
