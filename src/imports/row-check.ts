import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import type { Case } from '../cases/case.entity.js';
import { CaseFields, checkCase, CodeLookup } from '../cases/case-rules.js';
import { CreateCaseDto } from '../cases/dto/create-case.dto.js';
import { FieldError, ValidationFailedError } from '../common/errors.js';
import { isMultiLineField, unsafeTextReason } from '../common/safe-text.js';
import { toFieldErrors } from '../common/validation.js';
import { checkSeizedAt } from '../devices/custody-rules.js';
import { DeviceCodes } from '../devices/device-codes.js';
import { deviceCreateValues, type DeviceCreateValues } from '../devices/device-values.js';
import { CreateDeviceDto } from '../devices/dto/create-device.dto.js';
import { referenceKeyOf } from '../cases/reference-key.js';
import type { ReferenceListName } from '../reference-data/reference-lists.js';
import {
  CellValue,
  codeReader,
  isBlank,
  parseBoolean,
  parseInstant,
  parseLocalDate,
  Parsed,
  parseText,
} from './cell-values.js';
import { DEVICE_SHEET_COLUMNS, SheetColumn } from './device-columns.js';
import type { HeadingMatch, MatchedColumn } from './heading-match.js';
import { type CaseBody, quickCase, quickDevice } from './quick-checks.js';

export interface RowError {
  /** The row number the spreadsheet shows. */
  row: number;
  /** The heading as written in the file (or the register's heading when the column is missing). */
  column: string;
  field: string;
  value: string;
  message: string;
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

export interface ParsedRow {
  number: number;
  /** Case fields written on the row (blank cells left out). */
  caseInput: Record<string, unknown>;
  deviceInput: Record<string, unknown>;
  /** The cells as read, by field, to show in error reports. */
  cells: Record<string, CellValue>;
  errors: RowError[];
  blank: boolean;
}

// The same options as the API's ValidationPipe: unknown fields are errors, every error at once.
const VALIDATE = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;
// Stands in for the case id while a row is checked: the case may not exist yet.
const PLACEHOLDER_CASE_ID = '00000000-0000-4000-8000-000000000000';

// V8 keeps a substring's parent alive: a value sliced out of a parser chunk would hold that whole chunk
// in memory. Text kept beyond its row (errors, cases) is copied out.
export const detach = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/** A value quoted in an error report is cut to this many characters ("…" and the full length added). */
export const ERROR_VALUE_CHARS = 100;
const ERROR_MESSAGE_CHARS = 500;

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
  read: CellReader;
}

export class RowChecker {
  private readonly headingOf = new Map<string, string>();
  private readonly positionOf = new Map<string, number>();
  private readonly codes: DeviceCodes;
  private readonly plan: ColumnPlan[];

  constructor(
    private readonly match: HeadingMatch,
    private readonly ctx: RowContext,
  ) {
    for (const column of DEVICE_SHEET_COLUMNS) this.headingOf.set(column.field, column.heading);
    for (const matched of match.columns) {
      this.headingOf.set(matched.column.field, matched.heading);
      this.positionOf.set(matched.column.field, matched.index);
    }
    this.codes = new DeviceCodes(ctx.reference as never);
    this.plan = match.columns.map(({ index, column }: MatchedColumn) => ({
      index,
      field: column.field,
      heading: column.heading,
      toCase: column.target === 'case',
      read: readerFor(column, ctx),
    }));
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
          ? unsafeTextReason(parsed.value, isMultiLineField(column.field))
          : null;
      if (!parsed.ok) {
        row.errors.push(this.error(number, column.field, cell, `${column.heading} ${parsed.message}`));
      } else if (unsafe) {
        row.errors.push(this.error(number, column.field, cell, unsafe));
      } else if (parsed.value !== null) {
        (column.toCase ? row.caseInput : row.deviceInput)[column.field] = parsed.value;
      }
    }
    return row;
  }

  // The API's checks for POST /api/devices (DTO, reference codes, seizure time), without the case.
  // A row the quick checks accept is one class-validator would accept; any other row is checked by
  // class-validator itself, for the API's own messages.
  checkDevice(row: ParsedRow): DeviceValues | null {
    if (row.errors.length === 0) {
      const body = quickDevice(row.deviceInput);
      if (
        body &&
        this.ctx.reference.has('device-types', body.deviceType) &&
        (body.evidentialUse === undefined || this.ctx.reference.has('evidential-uses', body.evidentialUse)) &&
        checkSeizedAt(body.seizedAt, this.ctx.now, null) === null
      ) {
        return deviceCreateValues(body);
      }
    }
    return this.checkDeviceFully(row);
  }

  private checkDeviceFully(row: ParsedRow): DeviceValues | null {
    const dto = plainToInstance(CreateDeviceDto, { ...row.deviceInput, caseId: PLACEHOLDER_CASE_ID });
    const problems = toFieldErrors(validateSync(dto, VALIDATE) as ValidationError[]);
    const bad = new Set(problems.map((p) => p.field));
    // Codes and the seizure time are checked too, so every error of the row is reported at once.
    try {
      this.codes.check({
        deviceType: bad.has('deviceType') ? undefined : dto.deviceType,
        evidentialUse: bad.has('evidentialUse') ? undefined : dto.evidentialUse,
      });
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      problems.push(...error.errors);
    }
    if (!bad.has('seizedAt') && typeof dto.seizedAt === 'string') {
      const seizure = checkSeizedAt(new Date(dto.seizedAt).toISOString(), this.ctx.now, null);
      if (seizure) problems.push(seizure);
    }
    if (this.addErrors(row, problems) > 0) return null;
    return deviceCreateValues(dto);
  }

  // The API's checks for POST /api/cases (DTO and the offence, incident and court rules).
  checkCase(row: ParsedRow): CaseValues | null {
    const input = { ...row.caseInput };
    if (input.kind === undefined) {
      // No kind given: an offence makes it a crime, an incident category alone an incident.
      if (input.offenceSubgroup !== undefined || input.homeOfficeCode !== undefined) input.kind = 'CRIME';
      else if (input.incidentCategory !== undefined) input.kind = 'INCIDENT';
    }
    delete input.offenceGroup;
    let dto: CaseBody | null = quickCase(input);
    if (!dto) {
      const full = plainToInstance(CreateCaseDto, input);
      const invalid = toFieldErrors(validateSync(full, VALIDATE) as ValidationError[]);
      if (this.addErrors(row, invalid) > 0) return null;
      dto = full;
    }
    const fields: CaseFields = {
      kind: dto.kind,
      offenceSubgroup: dto.offenceSubgroup ?? null,
      homeOfficeCode: dto.homeOfficeCode ?? null,
      incidentCategory: dto.incidentCategory ?? null,
      policeOutcome: dto.policeOutcome ?? null,
      courtStage: dto.courtStage ?? null,
      courtResult: dto.courtResult ?? null,
      courtResultAt: dto.courtResultAt ?? null,
      policingArea: dto.policingArea ?? null,
    };
    const check = checkCase(fields, this.ctx.reference, this.ctx.today);
    if (this.addErrors(row, [...check.invalid, ...check.violations]) > 0) return null;
    return {
      reference: dto.reference,
      referenceKey: referenceKeyOf(dto.reference),
      ...fields,
      ...check.derived,
    };
  }

  // A row's errors in the order of the file's columns.
  inColumnOrder(errors: RowError[]): RowError[] {
    const at = (e: RowError) => this.positionOf.get(e.field) ?? Number.MAX_SAFE_INTEGER;
    return [...errors].sort((a, b) => at(a) - at(b));
  }

  error(row: number, field: string, value: unknown, message: string): RowError {
    return {
      row,
      column: this.headingOf.get(field) ?? field,
      field,
      value: quoted(displayValue(value as CellValue), ERROR_VALUE_CHARS),
      message: quoted(message, ERROR_MESSAGE_CHARS),
    };
  }

  // One error per cell: a field's messages are joined, and a cell that could not be read is not
  // reported twice.
  addErrors(row: ParsedRow, errors: FieldError[]): number {
    const already = new Set(row.errors.map((e) => e.field));
    const merged = new Map<string, RowError>();
    for (const { field, message } of errors) {
      if (already.has(field)) continue;
      const existing = merged.get(field);
      if (existing) existing.message += `; ${message}`;
      else merged.set(field, this.error(row.number, field, row.cells[field] ?? null, message));
    }
    row.errors.push(...merged.values());
    return errors.length;
  }
}
