import type { CaseKind } from '../cases/case.entity.js';
import { CASE_KINDS } from '../cases/case-rules.js';
import { TRIMMED_TEXT } from '../cases/dto/query-values.js';
import { type FieldSpec, length } from '../common/record-fields.js';
import { DEVICE_CREATABLE, DEVICE_RECORD } from '../devices/device-record.js';
import type { CreateDeviceDto } from '../devices/dto/create-device.dto.js';
import type { FieldRule } from './field-verdicts.js';

// Precompiled checks that accept a row only when the API's DTO (class-validator) would accept it too,
// and give the values the DTO's transforms would. They never make a message: a row they do not accept
// goes through class-validator itself (row-check.ts), so the import and the API refuse the same values
// with the same words. quick-checks.spec.ts holds them to that against class-validator.

export type DeviceBody = Omit<CreateDeviceDto, 'caseId'>;

export interface CaseBody {
  reference: string;
  kind: CaseKind;
  offenceSubgroup?: string | null;
  homeOfficeCode?: string | null;
  incidentCategory?: string | null;
  policeOutcome?: string | null;
  courtStage?: string | null;
  courtResult?: string | null;
  courtResultAt?: string | null;
  policingArea?: string | null;
}

const text = (value: unknown, max: number) => length(value, 1, max) && TRIMMED_TEXT.test(value);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const DEVICE_CHECKS = DEVICE_CREATABLE.map((field) => ({ field, ...(DEVICE_RECORD[field] as FieldSpec) }));
const DEVICE_FIELDS = new Set<string>(DEVICE_CREATABLE);

// The body of POST /api/devices as the DTO would leave it after its transforms; null when unsure.
// Field by field from the device record table (its `normalise` and `quick`).
export function quickDevice(input: Record<string, unknown>): DeviceBody | null {
  for (const key in input) if (!DEVICE_FIELDS.has(key)) return null;
  const body: Record<string, unknown> = { ...input };
  for (const { field, create, normalise, quick } of DEVICE_CHECKS) {
    let value = input[field];
    if (value === undefined) {
      if (create === 'required') return null;
      continue;
    }
    if (normalise) {
      value = typeof value === 'string' ? normalise(value) : null;
      if (value === null) return null;
      body[field] = value;
    }
    if (!quick?.(value)) return null;
  }
  return body as unknown as DeviceBody;
}

const CASE_CODES = [
  'offenceSubgroup',
  'homeOfficeCode',
  'incidentCategory',
  'policeOutcome',
  'courtStage',
  'courtResult',
  'policingArea',
] as const;
const CASE_FIELDS = new Set<string>(['reference', 'kind', 'courtResultAt', ...CASE_CODES]);

// A real calendar date YYYY-MM-DD (what the DTO's strict ISO 8601 check also asks).
function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

// The body of POST /api/cases as the DTO would accept it; null when unsure.
export function quickCase(input: Record<string, unknown>): CaseBody | null {
  for (const key in input) if (!CASE_FIELDS.has(key)) return null;
  if (!text(input.reference, 50) || !(CASE_KINDS as readonly unknown[]).includes(input.kind)) return null;
  for (const field of CASE_CODES) {
    const value = input[field];
    if (value !== undefined && value !== null && !length(value, 0, 40)) return null;
  }
  if (
    input.courtResultAt !== undefined &&
    input.courtResultAt !== null &&
    !isCalendarDate(input.courtResultAt)
  )
    return null;
  return input as unknown as CaseBody;
}

// Per field, for counting the cells of a bad row past the listed errors (field-verdicts.ts): the same
// predicates, and whether their "no" is class-validator's "no".
export const DEVICE_FIELD_RULES: Readonly<Record<string, FieldRule>> = Object.fromEntries(
  DEVICE_CHECKS.map(({ field, normalise, quick }) => [
    field,
    // seizedAt: the DTO takes any ISO instant with an offset; the quick check only the import's own form.
    { normalise, quick, exact: field !== 'seizedAt' },
  ]),
);

export const CASE_FIELD_RULES: Readonly<Record<string, FieldRule>> = {
  reference: { quick: (v) => text(v, 50), exact: true },
  kind: { quick: (v) => (CASE_KINDS as readonly unknown[]).includes(v), exact: true },
  ...Object.fromEntries(CASE_CODES.map((f) => [f, { quick: (v: unknown) => length(v, 0, 40), exact: true }])),
  courtResultAt: { quick: isCalendarDate, exact: false },
};

/** Bodies class-validator accepts whole, for asking about one field at a time. */
export const DEVICE_TEMPLATE = {
  caseId: '00000000-0000-4000-8000-000000000000',
  exhibitRef: 'AB/1',
  deviceType: 'SMART_PLUG',
  seizedAt: '2024-03-01T14:30:00.000Z',
  seizedBy: 'PC1',
};
export const CASE_TEMPLATE = { reference: 'CR/1', kind: 'CRIME' };
