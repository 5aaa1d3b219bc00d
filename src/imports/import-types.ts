import type { RowError } from './row-check.js';
import type { SheetFormat } from '../spreadsheets/sheet-types.js';

export interface ImportProgress {
  phase: 'checking' | 'writing';
  rowsRead: number;
  rowsValid: number;
  /** Share of this phase done, 0–1; null while unknown (an .xlsx being checked: its rows are not
   * counted until read). */
  fraction: number | null;
}

/** Something the import did not do, said rather than done silently: a column it does not read, a
 * re-imported exhibit or case whose register values differ from the file's (never changed). */
export interface ImportWarning {
  /** The row number the spreadsheet shows (the heading row for a column). */
  row: number;
  column: string;
  message: string;
}

export interface ImportCounts {
  cases: number;
  devices: number;
}

export interface ImportResult {
  dryRun: boolean;
  format: SheetFormat;
  /** true when nothing is wrong: the file was (or, in a dry run, would be) imported whole. */
  accepted: boolean;
  message: string;
  rowsRead: number;
  rowsValid: number;
  /** Written by this import: 0 unless it was accepted and not a dry run. */
  casesCreated: number;
  devicesCreated: number;
  /** What the file creates when imported: in a dry run or a rejected file, what it would have created
   * (the rows without errors); in an accepted import, what it created. */
  wouldCreate: ImportCounts;
  /** Cases the file names that are already in the register: new devices are filed under them. */
  casesAlreadyPresent: number;
  /** Rows whose device is already in the register (same case reference and exhibit): skipped. */
  devicesAlreadyPresent: number;
  unknownColumns: string[];
  ignoredColumns: string[];
  /** Problems with the heading row itself. */
  fileErrors: string[];
  /** Every error of the file, counted. */
  errorCount: number;
  rowsWithErrors: number;
  /** The first 1,000 bad cells (ERRORS_LISTED), in file order: row number, column, value (at most 100
   * characters quoted) and message. */
  errors: RowError[];
  /** The first 1,000 warnings (WARNINGS_LISTED) in file order: unknown columns, and rows of cases or
   * exhibits already in the register whose values differ from the file (the import never changes them). */
  warnings: ImportWarning[];
  /** Every warning, counted. */
  warningCount: number;
}

export class ImportRejected extends Error {
  constructor(readonly result: ImportResult) {
    super(result.message);
  }
}
