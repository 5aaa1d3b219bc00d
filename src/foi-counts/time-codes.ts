import { DateTime } from 'luxon';
import type { DimensionCode } from './dimensions.js';

// The time dimensions' codes, from the calendar months of the window (local dates): each month maps to
// its month, calendar quarter, financial year (1 April to 31 March) and calendar year.

export const TIME_DIMENSIONS = ['month', 'quarter', 'financialYear', 'calendarYear'] as const;
export type TimeDimension = (typeof TIME_DIMENSIONS)[number];

export function isTimeDimension(name: string): name is TimeDimension {
  return (TIME_DIMENSIONS as readonly string[]).includes(name);
}

const QUARTER_MONTHS = ['January to March', 'April to June', 'July to September', 'October to December'];

// month: YYYY-MM
export function timeCodeOf(dimension: TimeDimension, month: string): DimensionCode {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  switch (dimension) {
    case 'month':
      return { code: month, label: DateTime.fromObject({ year, month: m }).toFormat('LLLL yyyy') };
    case 'quarter': {
      const q = Math.ceil(m / 3);
      return { code: `${year}-Q${q}`, label: `${year} Q${q} (${QUARTER_MONTHS[q - 1]})` };
    }
    case 'financialYear': {
      const first = m >= 4 ? year : year - 1;
      const code = `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
      return {
        code,
        label: `${first}/${String((first + 1) % 100).padStart(2, '0')} (April ${first} to March ${first + 1})`,
      };
    }
    case 'calendarYear':
      return { code: String(year), label: String(year) };
  }
}

// The codes of a time dimension over the window's months, in time order, each once.
export function timeCodes(dimension: TimeDimension, months: readonly string[]): DimensionCode[] {
  const seen = new Map<string, DimensionCode>();
  for (const month of months) {
    const code = timeCodeOf(dimension, month);
    if (!seen.has(code.code)) seen.set(code.code, code);
  }
  return [...seen.values()];
}
