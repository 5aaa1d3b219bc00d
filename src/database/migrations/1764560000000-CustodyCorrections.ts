import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { type FrozenReferenceRow, putReferenceRows, removeReferenceRows } from './reference-rows.js';

// Custody corrections (issue 13, part 1): an event entered in error is voided (voidedAt, voidedBy,
// voidReason), never deleted; `purpose` becomes a code from the new reference list custody-purposes,
// with free-text `notes`. Existing purposes are mapped to codes; text that names no code is kept as
// the notes of an OTHER event. An index on sealNumber serves the device search by seal.
//
// custody_events carries no triggers, but columns are still added with plain ALTER TABLE ADD COLUMN
// (portable, no table rebuild on SQLite).

// The rows of the list as this migration ships them (data/reference/exhibit-statuses.json,
// custodyPurposes); never read from the live file.
const PURPOSES: { code: string; label: string; recordedByLab?: boolean }[] = [
  { code: 'BOOK_IN', label: 'Booked into a property store' },
  { code: 'TRANSFER', label: 'Transferred between stores or officers' },
  { code: 'SUBMIT_TO_LAB', label: 'Submitted to a forensic unit (MG21)' },
  { code: 'RECEIVED_BY_LAB', label: 'Received by the forensic unit', recordedByLab: true },
  { code: 'RETURNED_FROM_LAB', label: 'Returned by the forensic unit', recordedByLab: true },
  { code: 'VIEWING', label: 'Booked out for interview or viewing' },
  { code: 'COURT', label: 'Taken to court' },
  { code: 'RETURN_TO_OWNER', label: 'Returned to the owner or person entitled' },
  { code: 'DISPOSAL', label: 'Disposal (destroyed, sold, recycled, forfeited or transferred)' },
  { code: 'OTHER', label: 'Other (see the notes)' },
];

const PURPOSE_ROWS: FrozenReferenceRow[] = PURPOSES.map((p, sortOrder) => [
  'custody-purposes',
  p.code,
  p.label,
  null,
  sortOrder,
  p.recordedByLab ? JSON.stringify({ recordedByLab: true }) : null,
]);

// Free text as written before the list existed (upper case, spaces and hyphens as underscores),
// including exhibit-statuses.json's continuityMovementFields values and the demo register's wording.
const SYNONYMS: Record<string, string[]> = {
  BOOK_IN: ['BOOK_IN', 'BOOKED_IN', 'BOOKING_IN', 'BOOK_INTO_STORE'],
  TRANSFER: ['TRANSFER', 'TRANSFER_STORE', 'STORE_TRANSFER', 'TRANSFER_TO_MAIN_STORE', 'TRANSFERRED'],
  SUBMIT_TO_LAB: ['SUBMIT_TO_LAB', 'LAB_SUBMISSION', 'SUBMITTED_TO_LAB', 'EXAMINATION_REQUEST'],
  RECEIVED_BY_LAB: ['RECEIVED_BY_LAB', 'LAB_RECEIPT', 'RECEIVED_AT_LAB'],
  RETURNED_FROM_LAB: ['RETURNED_FROM_LAB', 'LAB_RETURN', 'RETURN_FROM_LAB'],
  VIEWING: ['VIEWING', 'INTERVIEW'],
  COURT: ['COURT', 'TO_COURT'],
  RETURN_TO_OWNER: ['RETURN_TO_OWNER', 'RETURNED_TO_OWNER'],
  DISPOSAL: ['DISPOSAL', 'DESTRUCTION', 'DISPOSED'],
  OTHER: ['OTHER'],
};

const SEAL_INDEX = new TableIndex({ name: 'IDX_custody_events_seal', columnNames: ['sealNumber'] });
const COLUMNS = [
  'notes varchar(500)',
  'voidedAt varchar(24)',
  'voidedBy varchar(36)',
  'voidReason varchar(500)',
];

export class CustodyCorrections1764560000000 implements MigrationInterface {
  name = 'CustodyCorrections1764560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of COLUMNS) {
      const [name, type] = column.split(' ');
      await queryRunner.query(`ALTER TABLE "custody_events" ADD COLUMN "${name}" ${type}`);
    }
    const key = `UPPER(REPLACE(REPLACE(TRIM("purpose"), ' ', '_'), '-', '_'))`;
    for (const [code, texts] of Object.entries(SYNONYMS)) {
      await queryRunner.query(
        `UPDATE "custody_events" SET "purpose" = '${code}' WHERE ${key} IN (${texts.map((t) => `'${t}'`).join(', ')})`,
      );
    }
    const codes = PURPOSES.map((p) => `'${p.code}'`).join(', ');
    await queryRunner.query(
      `UPDATE "custody_events" SET "notes" = "purpose", "purpose" = 'OTHER'
       WHERE "purpose" IS NOT NULL AND "purpose" NOT IN (${codes})`,
    );
    await queryRunner.createIndex('custody_events', SEAL_INDEX);
    await putReferenceRows(queryRunner, PURPOSE_ROWS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await removeReferenceRows(queryRunner, PURPOSE_ROWS);
    await queryRunner.dropIndex('custody_events', SEAL_INDEX.name!);
    await queryRunner.query(
      `UPDATE "custody_events" SET "purpose" = "notes" WHERE "purpose" = 'OTHER' AND "notes" IS NOT NULL`,
    );
    for (const column of [...COLUMNS].reverse()) {
      await queryRunner.query(`ALTER TABLE "custody_events" DROP COLUMN "${column.split(' ')[0]}"`);
    }
  }
}
