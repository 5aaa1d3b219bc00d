import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvField } from './csv-records.js';
import type { DeviceExport, ExportCell } from './device-export.service.js';

// .xlsx written with the streaming writer: each page of rows is committed and the next page is read from
// the database only once the client has taken the bytes (drain), so memory stays flat.
export function xlsxStream(source: DeviceExport): Readable {
  const out = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Devices', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = source.columns.map((c) => ({
      header: c.heading,
      key: c.field,
      width: c.width ?? 14,
      ...(c.type === 'date' ? { style: { numFmt: 'dd/mm/yyyy' } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    for await (const rows of source.pages()) {
      for (const cells of rows) sheet.addRow(cells).commit();
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: Error) => out.destroy(error));
  return out;
}

function csvLine(cells: ExportCell[]): string {
  return `${cells
    .map((cell) =>
      cell === null ? '' : csvField(cell instanceof Date ? cell.toISOString().slice(0, 10) : cell),
    )
    .join(',')}\r\n`;
}

// CSV (UTF-8 with a byte-order mark, so Excel reads accents), pulled page by page by the client.
export function csvStream(source: DeviceExport): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield `\ufeff${csvLine(source.columns.map((c) => c.heading))}`;
    for await (const rows of source.pages()) yield rows.map(csvLine).join('');
  }
  return Readable.from(lines());
}
