import { DateTime } from 'luxon';
import type { HolidayCalendar } from './uk-holidays.js';

// FOIA s.10(6): a working day is any day other than a Saturday, a Sunday, Christmas Day, Good Friday or a
// bank holiday in any part of the UK. Dates are local calendar dates (YYYY-MM-DD).

export class OutsideCalendarError extends Error {
  constructor(
    readonly date: string,
    calendar: HolidayCalendar,
  ) {
    super(`${date} is outside the bank holiday calendar (${calendar.from} to ${calendar.to})`);
  }
}

function day(date: string): DateTime {
  return DateTime.fromISO(date, { zone: 'UTC' });
}

function iso(value: DateTime): string {
  return value.toFormat('yyyy-MM-dd');
}

export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  const d = day(date);
  if (d.year < calendar.from || d.year > calendar.to) throw new OutsideCalendarError(date, calendar);
  if (d.weekday >= 6) return false;
  // Christmas Day and Good Friday are in the calendar (every nation); the rule stands without it too.
  if (d.month === 12 && d.day === 25) return false;
  return !calendar.dates.has(date);
}

// The n-th working day after `date` (the day after is day one; `date` itself never counts).
export function addWorkingDays(date: string, n: number, calendar: HolidayCalendar): string {
  let d = day(date);
  for (let counted = 0; counted < n;) {
    d = d.plus({ days: 1 });
    if (isWorkingDay(iso(d), calendar)) counted += 1;
  }
  return iso(d);
}

// Working days d with from < d < to (neither end counted).
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar): number {
  let count = 0;
  for (let d = day(from).plus({ days: 1 }); iso(d) < to; d = d.plus({ days: 1 })) {
    if (isWorkingDay(iso(d), calendar)) count += 1;
  }
  return count;
}

// Working days d with from < d <= to: how many working days of the clock have gone by on `to`.
export function workingDaysAfter(from: string, to: string, calendar: HolidayCalendar): number {
  return to <= from ? 0 : workingDaysBetween(from, iso(day(to).plus({ days: 1 })), calendar);
}
