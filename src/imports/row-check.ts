import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import type { Case } from '../cases/case.entity.js';
import { CaseFields, checkCase, CodeLookup } from '../cases/case-rules.js';
import { CreateCaseDto } from '../cases/dto/create-case.dto.js';
import { FieldError, ValidationFailedError } from '../common/errors.js';
import { toFieldErrors } from '../common/validation.js';
import { checkSeizedAt } from '../devices/custody-rules.js';
import type { Device } from '../devices/device.entity.js';
import { DeviceCodes } from '../devices/device-codes.js';
import { CreateDeviceDto } from '../devices/dto/create-device.dto.js';
import type { ReferenceListName } from '../reference-data/reference-lists.js';
import {
  CellValue,
  isBlank,
  parseBoolean,
  parseCode,
  parseInstant,
  parseLocalDate,
  Parsed,
  parseText,
} from './cell-values.js';
import { DEVICE_SHEET_COLUMNS, SheetColumn } from './device-columns.js';
import type { HeadingMatch } from './heading-match.js';

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
export type DeviceValues = Omit<
  Device,
  | 'id'
  | 'caseId'
  | 'case'
  | 'custodyStatus'
  | 'createdAt'
  | 'createdBy'
  | 'updatedAt'
  | 'version'
  | `void${string}`
>;

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

export function displayValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 16).replace('T', ' ');
  return String(value);
}

function parseCell(column: SheetColumn, value: CellValue, ctx: RowContext): Parsed<unknown> {
  switch (column.type) {
    case 'instant':
      return parseInstant(value, ctx.zone);
    case 'date':
      return parseLocalDate(value);
    case 'boolean':
      return parseBoolean(value);
    case 'code':
      return parseCode(
        value,
        typeof column.codes === 'string' ? ctx.reference.items(column.codes) : (column.codes ?? []),
      );
    default:
      return parseText(value);
  }
}

export class RowChecker {
  private readonly headingOf = new Map<string, string>();
  private readonly positionOf = new Map<string, number>();
  private readonly codes: DeviceCodes;

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
  }

  // Cells to typed values; a cell that cannot be read is an error for its column.
  parse(number: number, cells: CellValue[]): ParsedRow {
    const row: ParsedRow = { number, caseInput: {}, deviceInput: {}, cells: {}, errors: [], blank: true };
    for (const { index, column } of this.match.columns) {
      const cell = cells[index] ?? null;
      if (isBlank(cell)) continue;
      row.blank = false;
      row.cells[column.field] = cell;
      const parsed = parseCell(column, cell, this.ctx);
      if (!parsed.ok) {
        row.errors.push(this.error(number, column.field, cell, `${column.heading} ${parsed.message}`));
      } else if (parsed.value !== null) {
        (column.target === 'case' ? row.caseInput : row.deviceInput)[column.field] = parsed.value;
      }
    }
    return row;
  }

  // The API's checks for POST /api/devices (DTO, reference codes, seizure time), without the case.
  checkDevice(row: ParsedRow): DeviceValues | null {
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
    return {
      exhibitRef: dto.exhibitRef,
      deviceType: dto.deviceType,
      make: dto.make ?? null,
      model: dto.model ?? null,
      serialNumber: dto.serialNumber ?? null,
      macAddress: dto.macAddress ?? null,
      firmwareVersion: dto.firmwareVersion ?? null,
      seizedAt: new Date(dto.seizedAt).toISOString(),
      seizedBy: dto.seizedBy,
      seizureLocation: dto.seizureLocation ?? null,
      powerStateAtSeizure: dto.powerStateAtSeizure ?? 'UNKNOWN',
      photographedInSitu: dto.photographedInSitu ?? null,
      networkIsolated: dto.networkIsolated ?? null,
      companionApp: dto.companionApp ?? null,
      cloudAccountIdentifier: dto.cloudAccountIdentifier ?? null,
      evidentialUse: dto.evidentialUse ?? 'UNKNOWN',
    };
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
    const dto = plainToInstance(CreateCaseDto, input);
    const invalid = toFieldErrors(validateSync(dto, VALIDATE) as ValidationError[]);
    if (this.addErrors(row, invalid) > 0) return null;
    const fields: CaseFields = {
      kind: dto.kind,
      offenceSubgroup: dto.offenceSubgroup ?? null,
      homeOfficeCode: dto.homeOfficeCode ?? null,
      incidentCategory: dto.incidentCategory ?? null,
      policeOutcome: dto.policeOutcome ?? null,
      courtStage: dto.courtStage ?? null,
      courtResult: dto.courtResult ?? null,
      courtResultAt: dto.courtResultAt ?? null,
    };
    const check = checkCase(fields, this.ctx.reference, this.ctx.today);
    if (this.addErrors(row, [...check.invalid, ...check.violations]) > 0) return null;
    return { reference: dto.reference, ...fields, ...check.derived };
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
      value: displayValue(value as CellValue),
      message,
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
