import type { SheetColumn } from './device-columns.js';
import { LocalTimeFormatter } from './export-local-time.js';

export type ExportColumn = Pick<SheetColumn, 'field' | 'target' | 'heading' | 'type' | 'width'>;

/** One device as spreadsheet text, a value per column; dates as `yyyy-mm-dd` (date cells in xlsx). */
export type ExportRow = (string | null)[];

/** A device row as the database gives it: column alias → value (booleans are 0/1 on SQLite). */
export type RawRow = Record<string, unknown>;

type Convert = (value: unknown) => string | null;

// Instants as local ISO 8601 with the offset (exact, and unambiguous when the clocks go back); dates
// as they are stored; yes/no as words; everything else as text. Made once per export, used per cell.
export function rowBuilder(
  columns: readonly ExportColumn[],
  alias: (column: ExportColumn) => string,
  timeZone: string,
): (raw: RawRow) => ExportRow {
  const local = new LocalTimeFormatter(timeZone);
  const converters = columns.map((column): [string, Convert] => {
    const key = alias(column);
    switch (column.type) {
      case 'instant':
        return [key, (v) => (v === null || v === undefined ? null : local.format(String(v)))];
      case 'boolean':
        return [key, (v) => (v === null || v === undefined ? null : v ? 'Yes' : 'No')];
      default:
        return [key, (v) => (v === null || v === undefined ? null : String(v as string | number))];
    }
  });
  return (raw) => converters.map(([key, convert]) => convert(raw[key]));
}
