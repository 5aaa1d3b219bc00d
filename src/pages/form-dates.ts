import { DateTime } from 'luxon';
import { ValidationFailedError } from '../common/errors.js';
import { parseInstant } from '../imports/cell-values.js';
import { field, type FormBody } from './page-request.js';

// GOV.UK date inputs (name-day, name-month, name-year, and name-time as HH:MM) read in the register's
// time zone. Blank → null; anything else that is not a real date or time → a 400 naming the field, as the
// API would answer for a bad value. A local time that the clocks skip or repeat is refused, not guessed.
export function readDateTime(body: FormBody, name: string, zone: string, label: string): string | null {
  const date = readDate(body, name, label);
  const time = field(body, `${name}-time`);
  if (date === null) {
    if (time) throw new ValidationFailedError([{ field: name, message: `${label} must include a date` }]);
    return null;
  }
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(time);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
    throw new ValidationFailedError([{ field: name, message: `${label} must include a time, like 14:30` }]);
  }
  // The importer's reading of a local time (one definition): refused when the clocks skip or repeat it.
  const parsed = parseInstant(`${date}T${match[1].padStart(2, '0')}:${match[2]}`, zone);
  if (!parsed.ok) throw new ValidationFailedError([{ field: name, message: `${label}: ${parsed.message}` }]);
  return parsed.value;
}

// A local date from three boxes, as YYYY-MM-DD; null when all three are blank.
export function readDate(body: FormBody, name: string, label: string): string | null {
  const day = field(body, `${name}-day`);
  const month = field(body, `${name}-month`);
  const year = field(body, `${name}-year`);
  if (!day && !month && !year) return null;
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    throw new ValidationFailedError([
      { field: name, message: `${label} must be a real date, with a 4-digit year, like 27 3 2025` },
    ]);
  }
  const date = DateTime.fromObject({ year: Number(year), month: Number(month), day: Number(day) });
  if (!date.isValid) {
    throw new ValidationFailedError([{ field: name, message: `${label} must be a real date` }]);
  }
  return date.toISODate()!;
}

// The boxes' values for an instant or a local date (to fill a form in again).
export function dateParts(value: string | null | undefined, zone: string): Record<string, string> {
  if (!value) return { day: '', month: '', year: '', time: '' };
  const local = value.length === 10 ? DateTime.fromISO(value, { zone }) : DateTime.fromISO(value).setZone(zone);
  return {
    day: String(local.day),
    month: String(local.month),
    year: String(local.year),
    time: value.length === 10 ? '' : local.toFormat('HH:mm'),
  };
}

export function formatInstant(value: string | null | undefined, zone: string): string {
  if (!value) return '';
  return DateTime.fromISO(value).setZone(zone).toFormat("d LLLL yyyy 'at' HH:mm");
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  return DateTime.fromISO(value.slice(0, 10)).toFormat('d LLLL yyyy');
}
