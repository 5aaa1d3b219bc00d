import type { DataSource } from 'typeorm';

// Portable SQL for the FOI queries: double-quoted identifiers and named parameters (`:name`,
// `:...list`), turned into the driver's own placeholders, so the same text runs on SQLite and
// PostgreSQL. Instants are ISO-8601 UTC text, so they compare as text with ISO parameters.

export type SqlParams = Record<string, string | number | string[]>;

export interface SqlFragment {
  sql: string;
  params: SqlParams;
}

export async function runSql<T = Record<string, unknown>>(
  dataSource: DataSource,
  sql: string,
  params: SqlParams,
): Promise<T[]> {
  const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, params);
  return (await dataSource.query(text, values)) as T[];
}

// Devices that count: not voided, their case not voided (the device's copy of its case's void, kept by
// the triggers of migration CopyFoiFields), of the type(s). `d` is the alias.
export function countedDevices(deviceTypes: string[] | null): SqlFragment {
  return {
    sql: `d."voidedAt" IS NULL AND d."caseVoidedAt" IS NULL${typeFilter('d', deviceTypes)}`,
    params: deviceTypes ? { deviceTypes } : {},
  };
}

// Examinations that count: not voided, their device and its case not voided (the examination's copy
// deviceVoidedAt), of the type(s) (its copy of the device's type). `x` is the alias.
export function countedExaminations(deviceTypes: string[] | null): SqlFragment {
  return {
    sql: `x."voidedAt" IS NULL AND x."deviceVoidedAt" IS NULL${typeFilter('x', deviceTypes)}`,
    params: deviceTypes ? { deviceTypes } : {},
  };
}

function typeFilter(alias: string, deviceTypes: string[] | null): string {
  return deviceTypes ? ` AND ${alias}."deviceType" IN (:...deviceTypes)` : '';
}

// PostgreSQL returns COUNT and SUM as text (bigint); SQLite as numbers; both NULL for no rows.
export function toCount(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`not a count: ${JSON.stringify(value)}`);
  return n;
}

// Aggregates of the records a query counted, for the report's fingerprint.
export interface RecordSetDigest {
  count: number;
  versionSum: number;
  lastUpdatedAt: string | null;
}

export function emptyDigest(): RecordSetDigest {
  return { count: 0, versionSum: 0, lastUpdatedAt: null };
}

export function mergeDigest(into: RecordSetDigest, row: Record<string, unknown>, count: number): void {
  into.count += count;
  into.versionSum += toCount(row.versionSum);
  const last = row.lastUpdatedAt as string | null | undefined;
  if (last && (!into.lastUpdatedAt || last > into.lastUpdatedAt)) into.lastUpdatedAt = last;
}
