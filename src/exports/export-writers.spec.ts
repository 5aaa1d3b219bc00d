import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import type { DeviceExport } from './device-export.service.js';
import type { ExportColumn, ExportRow } from './export-rows.js';
import { csvStream, xlsxStream } from './export-writers.js';

const COLUMNS: ExportColumn[] = [
  { field: 'reference', target: 'case', heading: 'Case reference', type: 'text', width: 18 },
  { field: 'courtResultAt', target: 'case', heading: 'Court result date', type: 'date', width: 14 },
  { field: 'seizedAt', target: 'device', heading: 'Seized at', type: 'instant' },
  { field: 'networkIsolated', target: 'device', heading: 'Network isolated', type: 'boolean' },
];

function source(pages: ExportRow[][]): DeviceExport {
  return {
    columns: COLUMNS,
    pages: async function* () {
      yield* pages;
    },
  };
}

// Endless pages of wide rows that deflate cannot shrink much (so the bytes buffered anywhere between
// the writer and the client are about the bytes of rows read), counting the pages asked for.
function endless(): { export: DeviceExport; pulled: () => number; finished: () => boolean } {
  let pulled = 0;
  let finished = false;
  const row = (i: number): ExportRow => [`CR/${i}/${randomBytes(150).toString('base64')}`, null, null, 'Yes'];
  return {
    export: {
      columns: COLUMNS,
      pages: async function* () {
        try {
          for (;;) {
            pulled += 1;
            yield Array.from({ length: 1000 }, (_, i) => row(pulled * 1000 + i));
          }
        } finally {
          finished = true;
        }
      },
    },
    pulled: () => pulled,
    finished: () => finished,
  };
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 20));

// Lets the writer run until it stops asking for pages (or has asked for `limit`).
async function settle(pulled: () => number, limit: number): Promise<number> {
  let last = -1;
  let still = 0;
  while (still < 10 && pulled() < limit) {
    await turn();
    still = pulled() === last ? still + 1 : 0;
    last = pulled();
  }
  return pulled();
}

describe('xlsxStream', () => {
  it('writes every row, text as text, dates as date cells, under a bold frozen heading', async () => {
    const awkward = ` Flat 2, "The Maltings" & <Co> 'x' \u0001é😀 `;

    const file = await buffer(
      xlsxStream(
        source([
          [['CR/1', '2025-06-30', '2024-10-27T01:30:00+01:00', 'Yes']],
          [
            [awkward, null, '2025-03-01T10:15:00.123+00:00', null],
            ['=HYPERLINK("x")', '2024-02-29', '2025-03-01T10:15:00+00:00', 'No'],
          ],
        ]),
      ),
    );

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as never);
    const sheet = workbook.worksheets[0];
    const values = sheet
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(values).toEqual([
      ['Case reference', 'Court result date', 'Seized at', 'Network isolated'],
      ['CR/1', new Date('2025-06-30T00:00:00Z'), '2024-10-27T01:30:00+01:00', 'Yes'],
      [awkward.replace('\u0001', ''), undefined, '2025-03-01T10:15:00.123+00:00'],
      ['=HYPERLINK("x")', new Date('2024-02-29T00:00:00Z'), '2025-03-01T10:15:00+00:00', 'No'],
    ]);
    expect(sheet.getCell('A4').formula).toBeUndefined();
    expect(sheet.getCell('B2').numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getColumn(2).numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getColumn(1).width).toBe(18);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('reads no further pages while the client takes no bytes, and goes on when it does', async () => {
    const rows = endless();
    const out = xlsxStream(rows.export);

    const whileStalled = await settle(rows.pulled, 100);
    let received = 0;
    out.on('data', (chunk: Buffer) => (received += chunk.length));
    while (rows.pulled() < whileStalled + 5) await turn();
    out.destroy();
    while (!rows.finished()) await turn();

    expect(whileStalled).toBeLessThan(10);
    expect(received).toBeGreaterThan(5 * 1000 * 200);
  }, 60_000);
});

describe('csvStream', () => {
  it('writes a heading, every row, and neutralises formulas', async () => {
    const text = (
      await buffer(
        csvStream(
          source([
            [['CR/1', '2025-06-30', '2024-10-27T01:30:00+01:00', 'Yes']],
            [['=HYPERLINK("x")', null, '2025-03-01T10:15:00+00:00', null]],
          ]),
        ),
      )
    ).toString('utf8');

    expect(text).toBe(
      '\ufeffCase reference,Court result date,Seized at,Network isolated\r\n' +
        'CR/1,2025-06-30,2024-10-27T01:30:00+01:00,Yes\r\n' +
        `"'=HYPERLINK(""x"")",,2025-03-01T10:15:00+00:00,\r\n`,
    );
  });

  it('reads no further pages while the client takes no bytes', async () => {
    const rows = endless();
    const out = csvStream(rows.export);
    out.pipe(new PassThrough()); // a client that never reads

    const whileStalled = await settle(rows.pulled, 100);
    out.destroy();

    expect(whileStalled).toBeLessThan(10);
  }, 60_000);
});
