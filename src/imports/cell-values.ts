import { DateTime } from 'luxon';
import { fromWallClock, type WallClock } from './wall-clock.js';
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

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

// ISO 8601 with an offset, without Luxon when the text is plainly a real moment (the usual case, a
// million rows an import): Date.parse reads it, and the calendar fields are checked, since Date.parse
// rolls 30 February over into March. Anything else (null) goes to Luxon, which gives the message.
function isoWithOffset(match: RegExpExecArray, text: string): string | null {
  const [, y, mo, d, h, mi, sec] = match;
  const day = new Date(Date.UTC(+y, +mo - 1, +d));
  if (+y < 1000 || day.getUTCMonth() !== +mo - 1 || day.getUTCDate() !== +d) return null;
  if (+h > 23 || +mi > 59 || (sec !== undefined && +sec > 59)) return null;
  const ms = Date.parse(text.replace(' ', 'T'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
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
  const offset = ISO_WITH_OFFSET.exec(text);
  if (offset) {
    const fast = isoWithOffset(offset, text);
    if (fast !== null) return ok(fast);
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
