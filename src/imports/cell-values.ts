import { DateTime, IANAZone } from 'luxon';
import { unguardFormula } from '../spreadsheets/formula-guard.js';
import type { CellValue } from '../spreadsheets/sheet-types.js';

// What a spreadsheet cell holds once read: exceljs gives Date for date-formatted cells (wall-clock time,
// no zone), CSV gives text.
export type { CellValue };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

const DATE_HINT = 'write dd/mm/yyyy (optionally HH:mm), or ISO 8601 such as 2024-03-01T14:30:00Z';

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

export function parseText(value: CellValue): Parsed<string | null> {
  if (isBlank(value)) return ok(null);
  if (value instanceof Date) return bad('is a date; format the cell as text');
  if (typeof value === 'boolean') return ok(value ? 'TRUE' : 'FALSE');
  return ok(unguardFormula(String(value).trim()));
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Luxon's answer, with its messages: used when the fast path below meets anything unusual.
function fromWallClockLuxon(wall: WallClock, zone: string, shown: string): Parsed<string> {
  const dt = DateTime.fromObject(wall, { zone });
  if (!dt.isValid) return bad(`${shown} is not a real date or time`);
  if (dt.hour !== wall.hour || dt.minute !== wall.minute || dt.day !== wall.day) {
    return bad(`${shown} does not exist in ${zone} (the clocks went forward); check the time`);
  }
  if (dt.getPossibleOffsets().length > 1) {
    return bad(
      `${shown} happens twice in ${zone} (the clocks went back); give the offset, e.g. ${dt.toISO({ suppressMilliseconds: true })}`,
    );
  }
  return ok(dt.toUTC().toISO() as string);
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const OFFSETS_KEPT = 200_000; // hours: over 20 years of one zone

// A zone's UTC offset by the hour: Luxon's IANAZone answers through Intl (microseconds a call); an
// hour without a clock change has one offset, so each hour is asked once (an hour that holds a change
// is asked per instant). One clock per zone name, made once.
class ZoneClock {
  private readonly zone: IANAZone;
  private readonly offsets = new Map<number, number>();

  constructor(name: string) {
    this.zone = IANAZone.create(name);
  }

  get valid(): boolean {
    return this.zone.isValid;
  }

  offsetAt(ms: number): number {
    const hour = Math.floor(ms / HOUR_MS);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      const start = this.zone.offset(hour * HOUR_MS);
      offset = start === this.zone.offset(hour * HOUR_MS + HOUR_MS - 1) ? start : Number.NaN;
      if (this.offsets.size < OFFSETS_KEPT) this.offsets.set(hour, offset);
    }
    return Number.isNaN(offset) ? this.zone.offset(ms) : offset;
  }

  // The instant of a local wall-clock time, or null when the clocks skip it or pass it twice.
  instant(local: number): number | null {
    const before = this.offsetAt(local - DAY_MS);
    const after = this.offsetAt(local + DAY_MS);
    const fits = (offset: number) => this.offsetAt(local - offset * 60_000) === offset;
    const early = fits(before);
    if (before === after) return early ? local - before * 60_000 : null;
    const late = fits(after);
    if (early === late) return null;
    return local - (early ? before : after) * 60_000;
  }
}

const clocks = new Map<string, ZoneClock>();
function clockFor(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new ZoneClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}

// A local wall-clock time in the register's zone, refused when the clocks skip it or pass it twice.
// The common case is computed from the zone's cached offsets; anything unusual (a day that does not
// exist, a time the clocks skip or repeat) goes to Luxon, which gives the message.
function fromWallClock(wall: WallClock, zone: string, shown: string): Parsed<string> {
  const { year, month, day, hour, minute, second } = wall;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  const clock = clockFor(zone);
  if (
    clock.valid &&
    year >= 1000 &&
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second
  ) {
    const instant = clock.instant(local);
    if (instant !== null) return ok(new Date(instant).toISOString());
  }
  return fromWallClockLuxon(wall, zone, shown);
}

function wallFromExcel(value: Date): WallClock {
  // exceljs reads a date cell as if the sheet's wall-clock time were UTC.
  return {
    year: value.getUTCFullYear(),
    month: value.getUTCMonth() + 1,
    day: value.getUTCDate(),
    hour: value.getUTCHours(),
    minute: value.getUTCMinutes(),
    second: value.getUTCSeconds(),
  };
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const UK = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;

// Day-first UK text, refusing what cannot be read one way only: two-digit years, month-first values.
function fromUkText(match: RegExpMatchArray, text: string, zone: string): Parsed<string> {
  const [, d, , m, y, hh, mm, ss] = match;
  if (y.length !== 4)
    return bad(`"${text}" has a two-digit year, which is ambiguous; write the year in full`);
  const day = Number(d);
  const month = Number(m);
  if (month > 12 && day <= 12) {
    return bad(`"${text}" looks like month/day (US order); dates are read day first: dd/mm/yyyy`);
  }
  return fromWallClock(
    { year: Number(y), month, day, hour: Number(hh ?? 0), minute: Number(mm ?? 0), second: Number(ss ?? 0) },
    zone,
    `"${text}"`,
  );
}

// An instant (stored as ISO UTC); text without an offset is local time in the register's zone.
export function parseInstant(value: CellValue, zone: string): Parsed<string | null> {
  if (isBlank(value)) return ok(null);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return bad('is not a valid date');
    return fromWallClock(wallFromExcel(value), zone, 'the date in this cell');
  }
  if (typeof value !== 'string') return bad(`is a ${typeof value}, not a date; ${DATE_HINT}`);
  const text = value.trim();
  if (ISO_WITH_OFFSET.test(text)) {
    const dt = DateTime.fromISO(text.replace(' ', 'T'), { setZone: true });
    return dt.isValid ? ok(dt.toUTC().toISO() as string) : bad(`"${text}" is not a real date or time`);
  }
  const iso = ISO_LOCAL.exec(text);
  if (iso) {
    const [, y, m, d, hh, mm, ss] = iso;
    const wall = { year: +y, month: +m, day: +d, hour: +(hh ?? 0), minute: +(mm ?? 0), second: +(ss ?? 0) };
    return fromWallClock(wall, zone, `"${text}"`);
  }
  const uk = UK.exec(text);
  if (uk) return fromUkText(uk, text, zone);
  return bad(`"${text}" is not a date; ${DATE_HINT}`);
}

// A local calendar date (YYYY-MM-DD).
export function parseLocalDate(value: CellValue): Parsed<string | null> {
  if (isBlank(value)) return ok(null);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return bad('is not a valid date');
    return ok(value.toISOString().slice(0, 10));
  }
  if (typeof value !== 'string') return bad(`is a ${typeof value}, not a date; write dd/mm/yyyy`);
  const text = value.trim();
  const match = /^\d{4}-\d{2}-\d{2}$/.test(text) ? null : UK.exec(text);
  if (match && match[5] !== undefined) return bad(`"${text}" has a time; a date alone is expected`);
  if (match) {
    const parsed = fromUkText(match, text, 'UTC');
    return parsed.ok ? ok(parsed.value.slice(0, 10)) : parsed;
  }
  const dt = DateTime.fromISO(text, { zone: 'UTC' });
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && dt.isValid
    ? ok(text)
    : bad(`"${text}" is not a date; write dd/mm/yyyy or yyyy-mm-dd`);
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

export function parseBoolean(value: CellValue): Parsed<boolean | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value === 'boolean') return ok(value);
  const word = String(value).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return bad(`"${String(value)}" is not yes or no`);
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

// A code typed loosely ("smart plug", "Smart-Plug", or its label) becomes the list's code; anything
// else is passed on as typed, for the API's own rules to reject with their usual message. The lookups
// are made once per list: the first item whose code, squashed code or squashed label matches, in order.
export function codeReader(
  items: readonly { code: string; label: string }[],
): (value: CellValue) => Parsed<string | null> {
  const exact = new Set(items.map((item) => item.code));
  const loose = new Map<string, string>();
  for (const item of items) if (!loose.has(squash(item.code))) loose.set(squash(item.code), item.code);
  const byLabel = new Map<string, string>();
  for (const item of items) if (!byLabel.has(squash(item.label))) byLabel.set(squash(item.label), item.code);
  return (value) => {
    const text = parseText(value);
    if (!text.ok || text.value === null || exact.has(text.value)) return text;
    const wanted = squash(text.value);
    return ok(loose.get(wanted) ?? byLabel.get(wanted) ?? text.value);
  };
}

export function parseCode(
  value: CellValue,
  items: readonly { code: string; label: string }[],
): Parsed<string | null> {
  return codeReader(items)(value);
}
