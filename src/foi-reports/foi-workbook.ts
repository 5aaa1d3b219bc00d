import type ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { FoiReport } from './foi-report.types.js';
import { foiSheets, type SheetSpec, type SheetValue } from './foi-workbook-sheets.js';
import { setZipTimestamps } from './zip-timestamps.js';

const CREATOR = 'Seizure register';
const MIN_WIDTH = 10;
const MAX_WIDTH = 90;

// The FOI report as an .xlsx: the same report gives the same bytes (fixed creator, dates from
// generatedAt, zip entry times rewritten), so a released file can be matched to its report.
export async function buildFoiWorkbook(report: FoiReport): Promise<Buffer> {
  return buildWorkbook(foiSheets(report), preamble(report), report.meta.generatedAt);
}

// Any FOI answer laid out as the report's workbook is (the same sheet layout, fonts, widths and frozen
// headings; the same bytes for the same content): sheets as plain tables, the preamble on every sheet.
// GET /api/foi/counts.xlsx uses it too.
export async function buildWorkbook(
  sheets: SheetSpec[],
  preambleLines: string[],
  generatedAtIso: string,
): Promise<Buffer> {
  const generatedAt = new Date(generatedAtIso);
  if (Number.isNaN(generatedAt.getTime())) {
    throw new Error(`meta.generatedAt is not an instant: ${generatedAtIso}`);
  }
  // Loaded here, not at start-up: ExcelJS is a sixth of the server's module loading (test/bench/README.md).
  const { default: exceljs } = await import('exceljs');
  const workbook = new exceljs.Workbook();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  for (const spec of sheets) addSheet(workbook, spec, preambleLines);
  const zip = Buffer.from(await workbook.xlsx.writeBuffer());
  return setZipTimestamps(zip, generatedAt);
}

// e.g. foi-SMART_PLUG-2023-04-01-to-2024-03-31.xlsx (the last day inclusive, as people read it).
export function foiWorkbookFileName(report: FoiReport): string {
  const { deviceTypes, from } = report.meta;
  const types = deviceTypes.length === 0 || deviceTypes.includes('ALL') ? 'ALL' : deviceTypes.join('+');
  const name = `foi-${types}-${from}-to-${lastDay(report)}`;
  return `${name.replace(/[^A-Za-z0-9_+.-]/g, '_')}.xlsx`;
}

function lastDay(report: FoiReport): string {
  return DateTime.fromISO(report.meta.to, { zone: 'UTC' }).minus({ days: 1 }).toFormat('yyyy-MM-dd');
}

function preamble(report: FoiReport): string[] {
  const { meta } = report;
  const period = meta.period ? ` (${meta.period})` : '';
  return [
    `Window${period}: from ${meta.from} (inclusive) to ${meta.to} (exclusive), local dates in ` +
      `${meta.timeZone}; that is ${meta.from} to ${lastDay(report)} inclusive`,
    `Device types: ${meta.deviceTypes.join(', ')}`,
    `Generated at: ${meta.generatedAt}`,
  ];
}

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, preambleLines: string[]): void {
  const sheet = workbook.addWorksheet(spec.name);
  sheet.addRow([spec.title]).font = { bold: true, size: 13 };
  for (const line of [...preambleLines, ...spec.notes]) sheet.addRow([line]);

  const widths: number[] = [];
  let firstHeader: number | undefined;
  for (const table of spec.tables) {
    sheet.addRow([]);
    const header = sheet.addRow(table.headers);
    header.font = { bold: true };
    firstHeader ??= header.number;
    for (const row of [table.headers, ...table.rows]) {
      row.forEach((value, i) => {
        widths[i] = Math.max(widths[i] ?? 0, displayLength(value));
      });
    }
    for (const row of table.rows) sheet.addRow(row.map(cellValue));
  }
  if (firstHeader !== undefined) {
    sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: firstHeader }];
  }
  widths.forEach((width, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(Math.max(width + 2, MIN_WIDTH), MAX_WIDTH);
  });
  wrapLongText(sheet, firstHeader ?? 1);
}

// Empty cells stay empty rather than holding an empty string.
function cellValue(value: SheetValue): ExcelJS.CellValue {
  return value ?? null;
}

function displayLength(value: SheetValue): number {
  return value === null ? 0 : String(value).length;
}

// Text longer than its capped column wraps inside the tables; the preamble lines may overflow.
function wrapLongText(sheet: ExcelJS.Worksheet, firstTableRow: number): void {
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber < firstTableRow) return;
    row.eachCell((cell, column) => {
      const width = sheet.getColumn(column).width ?? MIN_WIDTH;
      if (typeof cell.value === 'string' && cell.value.length > width) {
        cell.alignment = { wrapText: true, vertical: 'top' };
      }
    });
  });
}
