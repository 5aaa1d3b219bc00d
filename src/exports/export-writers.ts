import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { csvField } from '../spreadsheets/formula-guard.js';
import type { DeviceExport } from './device-export.service.js';
import type { ExportRow } from './export-rows.js';
import { SheetRowsXml } from './export-sheet-xml.js';

const DATE_FORMAT = 'dd/mm/yyyy';
// archiver's options: deflate at its fastest level (archiver's default, said here), and 256 KB
// buffers instead of 1 MB (highWaterMark, which exceljs' typings do not list).
const ZIP_OPTIONS = { zlib: { level: 1 }, highWaterMark: 256 * 1024 };

// What exceljs 4.4's streaming writer has beyond its typings, used to write rows as XML (its own
// readers and the importer read them back in export-writers.spec.ts).
interface SheetStream {
  stream: { write(xml: string): unknown };
}
interface WorkbookStyles {
  styles: { addStyleModel(model: { numFmt: string }, cellType: number): number };
}

// .xlsx with exceljs' streaming writer, one page of rows at a time, the next page read only once the
// bytes of this one are on their way to the client, so memory stays flat however many rows.
export function xlsxStream(source: DeviceExport): Readable {
  const out = new PassThrough();
  writeXlsx(source, out).catch((error: Error) => out.destroy(error));
  return out;
}

async function writeXlsx(source: DeviceExport, out: PassThrough): Promise<void> {
  // Loaded here, not at start-up: exceljs is a sixth of the server's start-up time.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    zip: ZIP_OPTIONS,
  });
  const sheet = workbook.addWorksheet('Devices', { views: [{ state: 'frozen', ySplit: 1 }] });
  const { stream: sheetXml } = sheet as unknown as SheetStream;
  // Column-level styles: widths, and the date format of date columns.
  sheet.columns = source.columns.map((c) => ({
    key: c.field,
    width: c.width ?? 14,
    ...(c.type === 'date' ? { style: { numFmt: DATE_FORMAT } } : {}),
  }));
  const header = sheet.getRow(1);
  header.values = source.columns.map((c) => c.heading);
  header.font = { bold: true };
  header.commit();
  const dateStyleId = (workbook as unknown as WorkbookStyles).styles.addStyleModel(
    { numFmt: DATE_FORMAT },
    ExcelJS.ValueType.Date,
  );
  const rows = new SheetRowsXml(source.columns, dateStyleId, 2);
  // exceljs pipes the worksheet into archiver's deflate through a PassThrough and does not wait for it
  // (its StreamBuf writes without looking at the answer), so rows written faster than they are deflated
  // and sent pile up in memory. Waiting for that stream to drain is the backpressure exceljs leaves out.
  const sheetInput: Drainable = worksheetInput(sheetXml) ?? out;
  const closed = new AbortController();
  out.once('close', () => closed.abort());
  for await (const page of source.pages()) {
    if (out.destroyed) return;
    sheetXml.write(rows.render(page));
    await drained(sheetInput, closed.signal);
  }
  sheet.commit();
  await workbook.commit();
}

// A writable stream of node or of the readable-stream package (archiver's, v2: no writableNeedDrain).
interface Drainable extends NodeJS.EventEmitter {
  writableNeedDrain?: boolean;
  _writableState?: { needDrain?: boolean };
}

// The stream archiver reads the worksheet from (exceljs 4.4: the worksheet StreamBuf's only pipe).
function worksheetInput(stream: unknown): Drainable | undefined {
  const pipes = (stream as { pipes?: unknown[] }).pipes;
  const input = (Array.isArray(pipes) && pipes.length === 1 ? pipes[0] : undefined) as Drainable | undefined;
  return typeof input?._writableState === 'object' ? input : undefined;
}

const needsDrain = (stream: Drainable) =>
  Boolean(stream.writableNeedDrain ?? stream._writableState?.needDrain);

// Waits until the stream has taken what it holds; always yields to the event loop, so that deflate,
// the socket and other requests get their turn (reading a page from SQLite is synchronous work).
async function drained(stream: Drainable, signal: AbortSignal): Promise<void> {
  if (needsDrain(stream)) await once(stream, 'drain', { signal });
  else await nextTurn(undefined, { signal });
}

function csvLine(cells: ExportRow): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    line += i === 0 ? '' : ',';
    if (cell !== null) line += csvField(cell);
  }
  return `${line}\r\n`;
}

// CSV (UTF-8 with a byte-order mark, so Excel reads accents), pulled page by page by the client.
export function csvStream(source: DeviceExport): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield `\ufeff${csvLine(source.columns.map((c) => c.heading))}`;
    for await (const rows of source.pages()) {
      let text = '';
      for (const row of rows) text += csvLine(row);
      yield text;
    }
  }
  return Readable.from(lines(), { objectMode: false, highWaterMark: 256 * 1024 });
}
