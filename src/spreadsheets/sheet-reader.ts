import { createReadStream } from 'node:fs';
import { csvRows } from './csv-rows.js';
import { SheetFormatError, SheetLimitError } from './sheet-limits.js';
import type { SheetFormat, SheetRow } from './sheet-types.js';
import { xlsxRows } from './xlsx-rows.js';

export interface OpenSheet {
  rows: AsyncGenerator<SheetRow>;
  /** Bytes of the file read so far (compressed, for an .xlsx), for progress. */
  bytesRead: () => number;
}

// A file the parser cannot read is the sender's problem (400), never a server error; a bound crossed
// stays a SheetLimitError (413).
async function* readable(rows: AsyncGenerator<SheetRow>, format: SheetFormat): AsyncGenerator<SheetRow> {
  try {
    yield* rows;
  } catch (error) {
    if (error instanceof SheetLimitError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new SheetFormatError(
      format === 'xlsx'
        ? `The file could not be read as an Excel workbook (.xlsx): ${reason.slice(0, 200)}`
        : `The file could not be read as CSV: ${reason.slice(0, 200)}`,
    );
  }
}

/** The first sheet of an .xlsx, or a CSV, row by row. */
export function openSheet(path: string, format: SheetFormat): OpenSheet {
  const sheet = format === 'xlsx' ? xlsxRows(path) : csvRows(path);
  return { rows: readable(sheet.rows, format), bytesRead: sheet.bytesRead };
}

// By content, not by name: an .xlsx is a zip (PK..); anything else is read as UTF-8 CSV.
export async function detectFormat(path: string): Promise<SheetFormat> {
  const input = createReadStream(path, { start: 0, end: 3 });
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(chunk as Buffer);
  const head = Buffer.concat(chunks);
  if (head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) {
    throw new SheetFormatError(
      'This is an old .xls workbook; save it as .xlsx (Excel Workbook) or CSV UTF-8.',
    );
  }
  return 'csv';
}
