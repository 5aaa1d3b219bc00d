import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { SHEET_LIMITS, SheetLimitError, within } from './sheet-limits.js';
import type { SheetRow } from './sheet-types.js';

// RFC 4180 CSV (UTF-8, a leading BOM dropped), streamed through csv-parse: one row per record, every
// field a string as written (no type guessing: "001" stays "001", dates stay text for the importer to
// read day-first). Blank lines are skipped; LF, CRLF and CR all end a record. Bounded as it streams: a
// record by rowChars (csv-parse's max_record_size, so an unclosed quote stops there), then each record's
// fields by columns and cellChars (checked per record: csv-parse's per-field `cast` hook built a context
// object for every field, a quarter of the CPU of a large file), records by rows.
export function csvParser() {
  return parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: SHEET_LIMITS.rowChars,
  });
}

function checkRecord(record: string[], number: number): void {
  if (record.length > SHEET_LIMITS.columns) {
    throw new SheetLimitError('columns', `Record ${number} of the CSV has too many fields`);
  }
  for (const field of record) {
    if (field.length > SHEET_LIMITS.cellChars) {
      throw new SheetLimitError('cellChars', `A field of record ${number} of the CSV is too long`);
    }
  }
}

export async function* csvRecords(input: Readable): AsyncGenerator<SheetRow> {
  const parser = input.pipe(csvParser());
  input.once('error', (error) => parser.destroy(error));
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number += 1;
      within('rows', number, 'The CSV has more rows than the register reads');
      checkRecord(record, number);
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
