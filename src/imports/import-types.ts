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

export interface RowNote {
  row: number;
  column: string;
  message: string;
}

export interface ImportResult {
  dryRun: boolean;
  format: SheetFormat;
  /** true when nothing is wrong: the file was (or, in a dry run, would be) imported whole. */
  accepted: boolean;
  message: string;
  rowsRead: number;
  rowsValid: number;
  /** Created (or, in a dry run, to be created). */
  casesCreated: number;
  devicesCreated: number;
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
  /** Things the import does not do, e.g. change an existing case. */
  notes: RowNote[];
}

export class ImportRejected extends Error {
  constructor(readonly result: ImportResult) {
    super(result.message);
  }
}
