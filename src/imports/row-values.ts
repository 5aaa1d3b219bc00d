import type { Case } from '../cases/case.entity.js';
import type { CodeLookup } from '../cases/case-rules.js';
import type { DeviceCreateValues } from '../devices/device-values.js';
import type { ReferenceListName } from '../reference-data/reference-lists.js';
import type { CellValue } from './cell-values.js';

// What a row of the file becomes on its way through the import: the values read from its cells, the
// problems found, and the error rows the answer lists.

export interface RowError {
  /** The row number the spreadsheet shows. */
  row: number;
  /** The heading as written in the file (or the register's heading when the column is missing). */
  column: string;
  field: string;
  value: string;
  message: string;
}

/** A problem found in a row, before it is listed: the cell is quoted and the message cut only when the
 * error is one of the ERRORS_LISTED the answer shows (a row past them is only counted). */
export interface RowProblem {
  field: string;
  cell: CellValue | undefined;
  message: string;
}

export interface ParsedRow {
  number: number;
  /** Case fields written on the row (blank cells left out). */
  caseInput: Record<string, unknown>;
  deviceInput: Record<string, unknown>;
  /** The cells as read, by field, to show in error reports. */
  cells: Record<string, CellValue>;
  errors: RowProblem[];
  blank: boolean;
}

export type CaseValues = Omit<
  Case,
  'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'version' | `void${string}`
>;
export type DeviceValues = DeviceCreateValues;

// What the row checker needs from the register: reference lists, the clock, the time zone.
export interface RowContext {
  zone: string;
  /** The register's local date today (YYYY-MM-DD) and the current instant. */
  today: string;
  now: Date;
  reference: CodeLookup & {
    items(list: string): { code: string; label: string }[];
    has(list: ReferenceListName, code: string): boolean;
    codes(list: ReferenceListName): string[];
  };
}

// V8 keeps a substring's parent alive: a value sliced out of a parser chunk would hold that whole chunk
// in memory. Text kept beyond its row (errors, cases) is copied out.
export const detach = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/** A value quoted in an error report is cut to this many characters ("…" and the full length added). */
export const ERROR_VALUE_CHARS = 100;
export const ERROR_MESSAGE_CHARS = 500;

// A copy (see detach) of at most `max` characters of the text.
export function quoted(text: string, max: number): string {
  if (text.length <= max) return detach(text);
  return `${detach(text.slice(0, max))}… (${text.length.toLocaleString('en-GB')} characters)`;
}

export function displayValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 16).replace('T', ' ');
  return String(value);
}
