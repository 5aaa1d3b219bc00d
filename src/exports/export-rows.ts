import type { SheetColumn } from '../imports/device-columns.js';
import { LocalTimeFormatter } from './export-local-time.js';

export type ExportColumn = Pick<SheetColumn, 'field' | 'target' | 'heading' | 'type' | 'width'>;

/** One device as spreadsheet text, a value per column; dates as `yyyy-mm-dd` (date cells in xlsx). */
export type ExportRow = (string | null)[];

type Convert = (value: unknown) => string | null;

const text: Convert = (v) => (v === null || v === undefined ? null : String(v as string | number));
// Booleans are 0/1 on SQLite, true/false on PostgreSQL.
const yesNo: Convert = (v) => (v === null || v === undefined ? null : v ? 'Yes' : 'No');

/** The result column that holds an exported column's value. */
export const valueName = (index: number) => `v${index}`;

// Database rows as spreadsheet text: instants as local ISO 8601 with the offset (exact, and unambiguous
// when the clocks go back); dates as stored; yes/no as words; everything else as text. The converters
// are made once per export and the value positions once per statement (from the result's column names).
export function rowBuilder(
  columns: readonly ExportColumn[],
  timeZone: string,
): (names: readonly string[]) => (values: readonly unknown[]) => ExportRow {
  const local = new LocalTimeFormatter(timeZone);
  const instant: Convert = (v) => (v === null || v === undefined ? null : local.format(String(v as string)));
  const converters = columns.map((c) =>
    c.type === 'instant' ? instant : c.type === 'boolean' ? yesNo : text,
  );
  return (names) => {
    const positions = columns.map((_, i) => names.indexOf(valueName(i)));
    if (positions.includes(-1)) throw new Error('an exported column is missing from the page query');
    return (values) => converters.map((convert, i) => convert(values[positions[i]]));
  };
}
