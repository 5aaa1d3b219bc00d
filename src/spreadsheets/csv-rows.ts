import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse, type CastingContext } from 'csv-parse';
import { SHEET_LIMITS, SheetLimitError, within } from './sheet-limits.js';
import type { SheetRow } from './sheet-types.js';

// RFC 4180 CSV (UTF-8, a leading BOM dropped), streamed through csv-parse: one row per record, every
// field a string as written (no type guessing: "001" stays "001", dates stay text for the importer to
// read day-first). Blank lines are skipped; LF, CRLF and CR all end a record. Bounded as it streams: a
// record by rowChars (csv-parse's max_record_size, so an unclosed quote stops there), a field by
// cellChars, fields by columns, records by rows.
function boundedField(value: string, context: CastingContext): string {
  if (context.index >= SHEET_LIMITS.columns) {
    throw new SheetLimitError('columns', `Line ${context.lines} of the CSV has too many fields`);
  }
  if (value.length > SHEET_LIMITS.cellChars) {
    throw new SheetLimitError('cellChars', `A field on line ${context.lines} of the CSV is too long`);
  }
  return value;
}

export function csvParser() {
  return parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: SHEET_LIMITS.rowChars,
    cast: boundedField,
  });
}

export async function* csvRecords(input: Readable): AsyncGenerator<SheetRow> {
  const parser = input.pipe(csvParser());
  input.once('error', (error) => parser.destroy(error));
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number += 1;
      within('rows', number, 'The CSV has more rows than the register reads');
      yield { number, cells: record };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'CSV_MAX_RECORD_SIZE') {
      throw new SheetLimitError('rowChars', `A record of the CSV is too long (or a quote is never closed)`);
    }
    throw error;
  } finally {
    input.destroy();
  }
}

export function csvRows(path: string): { rows: AsyncGenerator<SheetRow>; bytesRead: () => number } {
  const input = createReadStream(path);
  return { rows: csvRecords(input), bytesRead: () => input.bytesRead };
}
