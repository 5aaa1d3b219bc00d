import { readFileSync } from 'node:fs';

// The UK bank holidays of every nation (data/reference/uk-bank-holidays.json, with its source), read
// once. Only the dates matter for FOI working days; names and nations are for people.
export interface UkHoliday {
  date: string;
  name: string;
  nations: string[];
}

export interface HolidayCalendar {
  from: number;
  to: number;
  dates: ReadonlySet<string>;
}

const FILE = new URL('../../data/reference/uk-bank-holidays.json', import.meta.url);

let calendar: HolidayCalendar | undefined;

export function ukHolidays(): UkHoliday[] {
  return (JSON.parse(readFileSync(FILE, 'utf8')) as { holidays: UkHoliday[] }).holidays;
}

export function ukHolidayCalendar(): HolidayCalendar {
  if (!calendar) {
    const file = JSON.parse(readFileSync(FILE, 'utf8')) as {
      years: { from: number; to: number };
      holidays: UkHoliday[];
    };
    calendar = { from: file.years.from, to: file.years.to, dates: new Set(file.holidays.map((h) => h.date)) };
  }
  return calendar;
}
