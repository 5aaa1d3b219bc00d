import type { CaseKind } from '../cases/case.entity.js';
import { CASE_KINDS } from '../cases/case-rules.js';
import { TRIMMED_TEXT } from '../cases/dto/query-values.js';
import type { CreateDeviceDto } from '../devices/dto/create-device.dto.js';
import { POWER_STATES } from '../devices/dto/create-device.dto.js';
import { EXHIBIT_REF_PATTERN, normaliseExhibitRef } from '../devices/exhibit-reference.js';
import { normaliseMacAddress } from '../devices/mac-address.js';

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

// class-validator's Length counts a surrogate pair as one and skips U+FE0E/U+FE0F: the length in code
// units is never below it, so within max in code units is within max; at least one character that is
// no variation selector (the first is enough) is at least 1.
function length(value: unknown, min: number, max: number): value is string {
  if (typeof value !== 'string' || value.length > max || value.length < min) return false;
  if (min === 0 || value.length === 0) return min === 0;
  const first = value.charCodeAt(0);
  return first !== 0xfe0e && first !== 0xfe0f;
}

const text = (value: unknown, max: number) => length(value, 1, max) && TRIMMED_TEXT.test(value);
const optional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);
const INSTANT_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isBoolean = (value: unknown) => typeof value === 'boolean';
// ISO UTC text of a moment that exists (Date would roll 30 February over into March).
const isRealInstant = (value: string) => {
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === value;
};

const DEVICE_FIELDS = new Set([
  'exhibitRef',
  'deviceType',
  'make',
  'model',
  'serialNumber',
  'macAddress',
  'firmwareVersion',
  'seizedAt',
  'seizedBy',
  'seizureLocation',
  'powerStateAtSeizure',
  'photographedInSitu',
  'networkIsolated',
  'companionApp',
  'cloudAccountIdentifier',
  'evidentialUse',
]);

// The body of POST /api/devices as the DTO would leave it after its transforms; null when unsure.
export function quickDevice(input: Record<string, unknown>): DeviceBody | null {
  for (const key in input) if (!DEVICE_FIELDS.has(key)) return null;
  const exhibitRef = typeof input.exhibitRef === 'string' ? normaliseExhibitRef(input.exhibitRef) : null;
  if (exhibitRef === null || !length(exhibitRef, 1, 30) || !EXHIBIT_REF_PATTERN.test(exhibitRef)) return null;
  let macAddress = input.macAddress;
  if (macAddress !== undefined) {
    macAddress = typeof macAddress === 'string' ? normaliseMacAddress(macAddress) : null;
    if (macAddress === null) return null;
  }
  const seizedAt = input.seizedAt;
  const ok =
    length(input.deviceType, 1, 40) &&
    typeof seizedAt === 'string' &&
    INSTANT_UTC.test(seizedAt) &&
    isRealInstant(seizedAt) &&
    text(input.seizedBy, 50) &&
    optional(input.make, (v) => text(v, 100)) &&
    optional(input.model, (v) => text(v, 100)) &&
    optional(input.serialNumber, (v) => text(v, 100)) &&
    optional(input.firmwareVersion, (v) => text(v, 50)) &&
    optional(input.seizureLocation, (v) => length(v, 1, 500)) &&
    optional(input.powerStateAtSeizure, (v) => (POWER_STATES as readonly unknown[]).includes(v)) &&
    optional(input.photographedInSitu, isBoolean) &&
    optional(input.networkIsolated, isBoolean) &&
    optional(input.companionApp, (v) => length(v, 1, 100)) &&
    optional(input.cloudAccountIdentifier, (v) => length(v, 1, 200)) &&
    optional(input.evidentialUse, (v) => length(v, 1, 40));
  if (!ok) return null;
  return { ...(input as unknown as DeviceBody), exhibitRef, macAddress: macAddress as string | undefined };
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
