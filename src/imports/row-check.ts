import type { FieldError } from '../common/errors.js';
import { isMultiLineField, unsafeTextReason } from '../common/safe-text.js';
import { DeviceCodes } from '../devices/device-codes.js';
import { CellValue, codeReader, isBlank, parseBoolean, parseInstant, parseLocalDate, Parsed, parseText } from './cell-values.js';
import { CaseCheck } from './case-check.js';
import { DEVICE_SHEET_COLUMNS, SheetColumn } from './device-columns.js';
import { DeviceCheck } from './device-check.js';
import { ImportWording } from './import-wording.js';
import type { HeadingMatch, MatchedColumn } from './heading-match.js';
import {
  type CaseValues,
  type DeviceValues,
  displayValue,
  ERROR_MESSAGE_CHARS,
  ERROR_VALUE_CHARS,
  type ParsedRow,
  quoted,
  type RowContext,
  type RowError,
  type RowProblem,
} from './row-values.js';

export type { CaseValues, DeviceValues, ParsedRow, RowContext, RowError } from './row-values.js';
export { detach, displayValue, ERROR_VALUE_CHARS, quoted } from './row-values.js';

type CellReader = (value: CellValue) => Parsed<unknown>;

// One reader per column, made once per file (code lists looked up once, not per cell).
function readerFor(column: SheetColumn, ctx: RowContext): CellReader {
  switch (column.type) {
    case 'instant':
      return (value) => parseInstant(value, ctx.zone);
    case 'date':
      return parseLocalDate;
    case 'boolean':
      return parseBoolean;
    case 'code':
      return codeReader(
        typeof column.codes === 'string' ? ctx.reference.items(column.codes) : (column.codes ?? []),
      );
    default:
      return parseText;
  }
}

interface ColumnPlan {
  index: number;
  field: string;
  heading: string;
  toCase: boolean;
  multiLine: boolean;
  read: CellReader;
}

// A row of the file, read and checked as the API checks a body: cells to typed values, then the
// device's and the case's checks (device-check.ts, case-check.ts). A row whose errors the answer lists
// gets the API's own messages; a row past them is checked as strictly but only counted (`listing`).
export class RowChecker {
  private readonly headingOf = new Map<string, string>();
  private readonly positionOf = new Map<string, number>();
  private readonly plan: ColumnPlan[];
  private readonly device: DeviceCheck;
  private readonly case: CaseCheck;
  private readonly wording: ImportWording;

  constructor(
    private readonly match: HeadingMatch,
    private readonly ctx: RowContext,
  ) {
    for (const column of DEVICE_SHEET_COLUMNS) this.headingOf.set(column.field, column.heading);
    for (const matched of match.columns) {
      this.headingOf.set(matched.column.field, matched.heading);
      this.positionOf.set(matched.column.field, matched.index);
    }
    this.plan = match.columns.map(({ index, column }: MatchedColumn) => ({
      index,
      field: column.field,
      heading: column.heading,
      toCase: column.target === 'case',
      multiLine: isMultiLineField(column.field),
      read: readerFor(column, ctx),
    }));
    this.device = new DeviceCheck(ctx, new DeviceCodes(ctx.reference as never), addProblems);
    this.case = new CaseCheck(ctx, addProblems);
    this.wording = new ImportWording((field) => this.heading(field), ctx);
  }

  // Cells to typed values; a cell that cannot be read is an error for its column.
  parse(number: number, cells: CellValue[]): ParsedRow {
    const row: ParsedRow = { number, caseInput: {}, deviceInput: {}, cells: {}, errors: [], blank: true };
    for (const column of this.plan) {
      const cell = cells[column.index] ?? null;
      if (isBlank(cell)) continue;
      row.blank = false;
      row.cells[column.field] = cell;
      const parsed = column.read(cell);
      // The register's one rule for text (control, invisible and bidirectional characters), with the
      // API's own message.
      const unsafe =
        parsed.ok && typeof parsed.value === 'string'
          ? unsafeTextReason(parsed.value, column.multiLine)
          : null;
      if (!parsed.ok) {
        row.errors.push({ field: column.field, cell, message: `${column.heading} ${parsed.message}` });
      } else if (unsafe) {
        row.errors.push({ field: column.field, cell, message: unsafe });
      } else if (parsed.value !== null) {
        (column.toCase ? row.caseInput : row.deviceInput)[column.field] = parsed.value;
      }
    }
    return row;
  }

  /** The API's checks for POST /api/devices (DTO, reference codes, seizure time), without the case. */
  checkDevice(row: ParsedRow, listing = true): DeviceValues | null {
    return this.device.check(row, listing);
  }

  /** The API's checks for POST /api/cases (DTO and the offence, incident and court rules). */
  checkCase(row: ParsedRow, listing = true): CaseValues | null {
    return this.case.check(row, listing);
  }

  /** The heading of a field's column as the file writes it. */
  heading(field: string): string {
    return this.headingOf.get(field) ?? field;
  }

  // A row's problems as listed errors, in the order of the file's columns.
  listed(row: ParsedRow): RowError[] {
    const at = (e: RowProblem) => this.positionOf.get(e.field) ?? Number.MAX_SAFE_INTEGER;
    return [...row.errors].sort((a, b) => at(a) - at(b)).map((e) => this.error(row.number, e));
  }

  error(row: number, { field, cell, message }: RowProblem): RowError {
    return {
      row,
      column: this.heading(field),
      field,
      value: quoted(displayValue(cell), ERROR_VALUE_CHARS),
      message: quoted(this.wording.word(field, message), ERROR_MESSAGE_CHARS),
    };
  }
}

// One problem per cell: a field's messages are joined, and a cell already refused is not reported
// twice. Returns how many problems were given.
export function addProblems(row: ParsedRow, errors: FieldError[]): number {
  const already = new Set(row.errors.map((e) => e.field));
  const merged = new Map<string, RowProblem>();
  for (const { field, message } of errors) {
    if (already.has(field)) continue;
    const existing = merged.get(field);
    if (existing) existing.message += `; ${message}`;
    else merged.set(field, { field, cell: row.cells[field], message });
  }
  for (const problem of merged.values()) row.errors.push(problem);
  return errors.length;
}
