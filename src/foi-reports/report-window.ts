import { DateTime, IANAZone } from 'luxon';
import { type FieldError, ValidationFailedError } from '../common/errors.js';

// Report windows are local dates in the register's time zone: `from` inclusive, `to` exclusive,
// each meaning local midnight. Luxon resolves them, so clock changes are handled by the zone data.

export type ReportPeriod = 'last-12-months' | 'financial-year' | 'calendar-year';

export interface WindowQuery {
  from?: string;
  to?: string;
  period?: string;
  year?: string;
  referenceDate?: string;
  scopeOn?: string;
}

export interface ReportWindow {
  period: ReportPeriod | 'custom';
  from: string;
  to: string;
  start: string;
  end: string;
  scopeOn: string;
  timeZone: string;
}

export interface MonthBoundary {
  month: string;
  start: string;
  end: string;
}

// A bad window is a client's bad input: ValidationFailedError makes it a 400 naming every field.
export class WindowError extends ValidationFailedError {
  readonly field: string;

  constructor(errors: FieldError[]) {
    super(errors, errors.map((e) => e.message).join('; '));
    this.name = 'WindowError';
    this.field = errors[0].field;
  }
}

const PERIODS: readonly string[] = ['last-12-months', 'financial-year', 'calendar-year'];
const MAX_YEARS = 10;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function resolveReportWindow(query: WindowQuery, timeZone: string, now: Date): ReportWindow {
  assertZone(timeZone);
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => {
    errors.push({ field, message });
    return undefined;
  };
  const date = (field: keyof WindowQuery) => {
    const value = query[field];
    return value === undefined ? undefined : parseLocalDate(value, field, timeZone, fail);
  };

  let period: ReportWindow['period'] = 'custom';
  let from: DateTime | undefined;
  let to: DateTime | undefined;
  if (query.period !== undefined) {
    if (query.from !== undefined || query.to !== undefined) {
      fail('period', 'give either period or from and to, not both');
    }
    if (!PERIODS.includes(query.period)) {
      fail('period', `unknown period; use one of ${PERIODS.join(', ')}`);
    } else {
      period = query.period as ReportPeriod;
      [from, to] = periodBounds(period, query, timeZone, now, fail, date);
    }
  } else {
    if (query.year !== undefined) fail('year', 'year needs a period');
    if (query.referenceDate !== undefined) {
      fail('referenceDate', 'referenceDate needs period=last-12-months');
    }
    if (query.from === undefined) fail('from', 'from is required (or give a period)');
    if (query.to === undefined) fail('to', 'to is required (or give a period)');
    from = date('from');
    to = date('to');
  }
  if (from && to) {
    if (to <= from) fail('to', 'to must be after from (to is exclusive)');
    else if (to > from.plus({ years: MAX_YEARS })) {
      fail('to', `the window may be at most ${MAX_YEARS} years long`);
    }
  }
  const scopeOn = date('scopeOn');
  if (errors.length > 0 || !from || !to) throw new WindowError(errors);

  return {
    period,
    from: isoDate(from),
    to: isoDate(to),
    start: from.toJSDate().toISOString(),
    end: to.toJSDate().toISOString(),
    scopeOn: isoDate(scopeOn ?? to.minus({ days: 1 })),
    timeZone,
  };
}

// The calendar months of the window, clipped to it, as UTC instants (for a CASE over seizedAt).
export function monthBoundaries(window: { from: string; to: string }, timeZone: string): MonthBoundary[] {
  assertZone(timeZone);
  const from = localMidnight(window.from, timeZone);
  const to = localMidnight(window.to, timeZone);
  const months: MonthBoundary[] = [];
  // Each month's start is the previous one's next (Luxon's zoned arithmetic is the cost of a long window).
  for (let month = from.startOf('month'), next: DateTime; month < to; month = next) {
    const start = month < from ? from : month;
    next = month.plus({ months: 1 });
    const end = next > to ? to : next;
    months.push({
      month: `${month.year}-${String(month.month).padStart(2, '0')}`,
      start: start.toJSDate().toISOString(),
      end: end.toJSDate().toISOString(),
    });
  }
  return months;
}

// The local calendar date (YYYY-MM-DD) of an instant in the given zone.
export function localDateOf(instant: Date | string, timeZone: string): string {
  assertZone(timeZone);
  const at =
    typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant);
  if (!at.isValid) throw new Error(`not a valid instant: ${String(instant)}`);
  return isoDate(at.setZone(timeZone));
}

function periodBounds(
  period: ReportPeriod,
  query: WindowQuery,
  timeZone: string,
  now: Date,
  fail: (field: string, message: string) => undefined,
  date: (field: keyof WindowQuery) => DateTime | undefined,
): [DateTime | undefined, DateTime | undefined] {
  if (period === 'last-12-months') {
    if (query.year !== undefined) fail('year', 'year does not apply to last-12-months');
    const reference =
      query.referenceDate === undefined
        ? DateTime.fromJSDate(now, { zone: timeZone }).startOf('day')
        : date('referenceDate');
    if (!reference) return [undefined, undefined];
    // The 12 whole calendar months before the reference date's month.
    const to = reference.startOf('month');
    return [to.minus({ months: 12 }), to];
  }
  if (query.referenceDate !== undefined) {
    fail('referenceDate', 'referenceDate applies only to last-12-months');
  }
  const year = parseYear(query.year, fail);
  if (year === undefined) return [undefined, undefined];
  const month = period === 'financial-year' ? 4 : 1;
  const from = DateTime.fromObject({ year, month, day: 1 }, { zone: timeZone });
  return [from, from.plus({ years: 1 })];
}

function parseYear(
  value: string | undefined,
  fail: (field: string, message: string) => undefined,
): number | undefined {
  if (value === undefined) return fail('year', 'year is required for this period');
  if (!/^\d{4}$/.test(value)) return fail('year', 'year must be four digits, e.g. 2023');
  const year = Number(value);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail('year', `year must be between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
  return year;
}

function parseLocalDate(
  value: string,
  field: string,
  timeZone: string,
  fail: (field: string, message: string) => undefined,
): DateTime | undefined {
  const match = DATE_PATTERN.exec(value);
  if (!match) return fail(field, `${field} must be a date YYYY-MM-DD`);
  const [year, month, day] = match.slice(1).map(Number);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail(field, `${field} must be between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
  const parsed = DateTime.fromObject({ year, month, day }, { zone: timeZone });
  if (!parsed.isValid) return fail(field, `${field} is not a real date: ${value}`);
  return parsed;
}

// A resolved window's own dates (already checked), which may lie just outside the years a client may
// name: financial year 2200 ends on 2201-04-01.
function localMidnight(value: string, timeZone: string): DateTime {
  const parsed = DateTime.fromISO(value, { zone: timeZone });
  if (!DATE_PATTERN.test(value) || !parsed.isValid) throw new Error(`not a local date: ${value}`);
  return parsed;
}

function isoDate(value: DateTime): string {
  return value.toFormat('yyyy-MM-dd');
}

// The zone comes from settings, not from the client: a bad one is a configuration error.
function assertZone(timeZone: string): void {
  if (!IANAZone.isValidZone(timeZone)) {
    throw new Error(`unknown IANA time zone: ${timeZone}`);
  }
}

// The window's last day (the day before the exclusive `to`), as people read a period.
export function lastDayOf(window: { to: string }): string {
  return DateTime.fromISO(window.to, { zone: 'UTC' }).minus({ days: 1 }).toFormat('yyyy-MM-dd');
}
