import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue, SheetRow } from './sheet-types.js';
import { xlsxRows } from './xlsx-rows.js';
import { xmlText } from './xml-scanner.js';

// exceljs cell values: rich text, hyperlinks and formulas become the text or result they show.
function plainCell(value: unknown): CellValue {
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

const CELLS: ExcelJS.CellValue[][] = [
  ['Case reference', 'Seized at', 'Count', 'Flag', 'Formula', 'Rich', 'Empty then value'],
  ['CR/1 & <x> "q" \'a\'', new Date(Date.UTC(2024, 2, 31, 0, 30)), 42, true, { formula: 'C2*2', result: 84 }],
  [
    'ünïcödé 😀 line\nbreak',
    new Date(Date.UTC(1999, 11, 31, 23, 59, 59)),
    -1.5,
    false,
    { formula: '"a"&"b"', result: 'ab' },
    { richText: [{ text: 'ri' }, { text: 'ch', font: { bold: true } }] },
    null,
  ],
  [null, null, null, null, null, null, 'last'],
  [],
  ['after a blank row', 45352],
];

async function workbook(streaming: boolean): Promise<Buffer> {
  if (streaming) {
    const chunks: Buffer[] = [];
    const out = new (await import('node:stream')).PassThrough();
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = book.addWorksheet('Devices');
    for (const cells of CELLS) {
      const row = sheet.addRow(cells);
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy hh:mm:ss';
      });
      row.commit();
    }
    sheet.commit();
    await book.commit();
    return Buffer.concat(chunks);
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Devices');
  for (const cells of CELLS) {
    const row = sheet.addRow(cells);
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd hh:mm';
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

// What exceljs' own streaming reader gives, through the importer's plainCell.
async function viaExcelJs(file: Buffer): Promise<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  const rows: SheetRow[] = [];
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      const cells: CellValue[] = [];
      for (let i = 1; i < values.length; i += 1) cells.push(plainCell(values[i]));
      rows.push({ number: row.number, cells });
    }
    break;
  }
  return rows;
}

async function viaScanner(file: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of xlsxRows(file).rows) rows.push(row);
  return rows;
}

// exceljs leaves holes for empty cells and decodes XML twice; compare what a row shows.
const shown = (rows: SheetRow[]) =>
  rows
    .map((r) => ({ number: r.number, cells: r.cells.map((c: CellValue | undefined) => c ?? null) }))
    .map((r) => ({ ...r, cells: r.cells.slice(0, 1 + r.cells.findLastIndex((c: CellValue) => c !== null)) }))
    .filter((r) => r.cells.length > 0);

describe('xlsxRows', () => {
  it.each([
    ['shared strings (Workbook writer)', false],
    ['inline strings (streaming writer)', true],
  ])(
    'reads what exceljs reads: %s',
    async (_, streaming) => {
      const file = await workbook(streaming);

      const expected = shown(await viaExcelJs(file));
      // exceljs' streaming reader keeps only the last run of inline rich text ("ch"); the cell shows "rich".
      if (streaming) expected[2].cells[5] = 'rich';

      expect(shown(await viaScanner(file))).toEqual(expected);
      expect(expected[1].cells[0]).toBe('CR/1 & <x> "q" \'a\'');
      expect(expected[1].cells[1]).toEqual(new Date(Date.UTC(2024, 2, 31, 0, 30)));
      expect(expected[2].cells[5]).toBe('rich');
    },
    30_000,
  );

  it('decodes XML entities once', () => {
    expect(xmlText('a &amp;lt; b &lt; c &#233;&#x1F600; &quot;')).toBe('a &lt; b < c é😀 "');
  });
});
