import { createReadStream, ReadStream } from 'node:fs';
import type { CellValue } from './cell-values.js';
import { csvRecords } from './csv-records.js';
import { xlsxRows } from './xlsx-rows.js';

export type SheetFormat = 'xlsx' | 'csv';

export interface SheetRow {
  /** The row number a spreadsheet shows (1 = the heading row). */
  number: number;
  /** 0-based cells. */
  cells: CellValue[];
}

// exceljs cell values: rich text, hyperlinks and formulas become the text or result they show.
export function plainCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.richText)) {
    return (object.richText as { text: string }[]).map((part) => part.text).join('');
  }
  if ('result' in object) return plainCell(object.result);
  if ('text' in object) return plainCell(object.text);
  if ('error' in object) return String(object.error);
  return null;
}

export interface OpenSheet {
  rows: AsyncGenerator<SheetRow>;
  /** Bytes of the file read so far, for progress. */
  bytesRead: () => number;
}

async function* csvRows(input: ReadStream): AsyncGenerator<SheetRow> {
  try {
    let number = 0;
    for await (const record of csvRecords(input as AsyncIterable<string>)) {
      number += 1;
      yield { number, cells: record };
    }
  } finally {
    input.destroy();
  }
}

// A file the parser cannot read is the sender's problem (400), never a server error.
async function* readable(rows: AsyncGenerator<SheetRow>, format: SheetFormat): AsyncGenerator<SheetRow> {
  try {
    yield* rows;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SheetFormatError(
      format === 'xlsx'
        ? `The file could not be read as an Excel workbook (.xlsx): ${reason}`
        : `The file could not be read as CSV: ${reason}`,
    );
  }
}

export function openSheet(path: string, format: SheetFormat): OpenSheet {
  const input = createReadStream(path, format === 'csv' ? { encoding: 'utf8' } : {});
  return {
    rows: readable(format === 'xlsx' ? xlsxRows(input) : csvRows(input), format),
    bytesRead: () => input.bytesRead,
  };
}

export class SheetFormatError extends Error {}

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
