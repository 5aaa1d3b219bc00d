import type { ReferenceListName } from '../reference-data/reference-lists.js';
import { TRIMMED_TEXT } from '../cases/dto/query-values.js';

// The shape of a record table (src/devices/device-record.ts, …): one entry per stored field of a
// record, from which its create values, PATCH-able set, personal-data set, quick import checks and
// spreadsheet columns derive. A table is checked with `satisfies RecordTable<Field>` over the entity's
// own fields, so a field left out is a compile error.

export type FieldKind = 'text' | 'instant' | 'date' | 'boolean' | 'code';

/** How the field appears in the device spreadsheet (import headings, template, export). */
export interface SheetSpec {
  heading: string;
  /** Codes come from a reference list or a fixed set. */
  codes?: ReferenceListName | readonly { code: string; label: string }[];
  /** Other headings people use; matched ignoring case, spaces and punctuation. */
  synonyms?: string[];
  /** Derived or kept by other records (custody events): exported for reading, ignored on import. */
  readOnly?: boolean;
  width?: number;
}

export interface FieldSpec {
  kind: FieldKind;
  /** In a create body: required, optional, or set by the server only (false). */
  create: 'required' | 'optional' | false;
  /** The value stored when an optional field is left out of a create body (default null). */
  absent?: string;
  /** PATCH may change it (a required field cannot be cleared). */
  patch: boolean;
  /** Personal data: shown only to the roles that may read it; never in FOI output. */
  personal?: boolean;
  /** The DTO's transform for text, applied before `quick` (e.g. exhibit reference, MAC address). */
  normalise?: (raw: string) => string | null;
  /** The DTO's checks, precompiled for the import's fast path; quick-checks.spec pins them to class-validator. */
  quick?: (value: unknown) => boolean;
  sheet?: SheetSpec;
}

export type RecordTable<Field extends string> = Record<Field, FieldSpec>;

/** Compile-time: every field of the table is a key of T (a DTO). `true` only when none is missing. */
export type Covers<T, Field extends PropertyKey> = [Exclude<Field, keyof T>] extends [never] ? true : never;

export const fieldsWhere = <Field extends string>(
  table: RecordTable<Field>,
  test: (spec: FieldSpec) => boolean,
) => (Object.keys(table) as Field[]).filter((field) => test(table[field]));

// The quick checks' building blocks. class-validator's Length counts a surrogate pair as one and skips
// U+FE0E/U+FE0F: the length in code units is never below it, so within max in code units is within max;
// at least one character that is no variation selector (the first is enough) is at least 1.
export function length(value: unknown, min: number, max: number): value is string {
  if (typeof value !== 'string' || value.length > max || value.length < min) return false;
  if (min === 0 || value.length === 0) return min === 0;
  const first = value.charCodeAt(0);
  return first !== 0xfe0e && first !== 0xfe0f;
}

export const lengthOf = (max: number) => (value: unknown) => length(value, 1, max);
export const trimmedText = (max: number) => (value: unknown) =>
  length(value, 1, max) && TRIMMED_TEXT.test(value);
export const isBoolean = (value: unknown) => typeof value === 'boolean';
export const oneOf = (values: readonly unknown[]) => (value: unknown) => values.includes(value);

const INSTANT_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// ISO UTC text of a moment that exists (Date would roll 30 February over into March).
export const isUtcInstant = (value: unknown) => {
  if (typeof value !== 'string' || !INSTANT_UTC.test(value)) return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === value;
};
