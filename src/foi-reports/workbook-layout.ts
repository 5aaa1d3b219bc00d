import type ExcelJS from 'exceljs';

// Lays out print-ready sheets from plain tables, for every FOI workbook (report, counts, request log):
// A4, one page wide (fitToPage, fitToWidth 1), portrait unless the tables need landscape, the first
// table's heading row repeated on every page, a footer with the request reference, the sheet name and
// "Page X of Y"; long text wraps inside its (merged or wide) cell with a row height that holds it;
// counts are numbers, dates are dates.

// A cell: text, a number, empty, a local date ({ date: 'YYYY-MM-DD' }) or a month ({ month: 'YYYY-MM' }).
export type SheetValue = string | number | null | { date: string } | { month: string };

export interface SheetNote {
  text: string;
  // 'warning': bold red (e.g. "suppression is off").
  emphasis?: 'warning' | 'strong';
}

export interface SheetTable {
  headers: string[];
  rows: SheetValue[][];
  // Rows (0-based) printed bold, e.g. a total.
  boldRows?: number[];
}

export interface SheetSpec {
  name: string;
  title: string;
  notes: (string | SheetNote)[];
  tables: SheetTable[];
  // Fixed column widths (characters); otherwise fitted to the content.
  widths?: number[];
}

export interface PrintOptions {
  // Printed at the left of every footer (the request reference, or a stand-in).
  footerLeft: string;
  // Printed at the left of every header (the force name).
  headerLeft?: string;
}

const MIN_WIDTH = 10;
const MAX_WIDTH = 60;
const PORTRAIT_MAX_WIDTH = 120;
const LINE_HEIGHT = 15;
const DATE_FORMAT = 'd mmmm yyyy';
const MONTH_FORMAT = 'mmmm yyyy';
const COUNT_FORMAT = '#,##0';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const WARNING_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

export function addPrintableSheet(
  workbook: ExcelJS.Workbook,
  spec: SheetSpec,
  print: PrintOptions,
): ExcelJS.Worksheet {
  const widths = spec.widths ?? fittedWidths(spec.tables);
  const columns = Math.max(widths.length, 1);
  const totalWidth = widths.reduce((s, w) => s + w, 0);
  const sheet = workbook.addWorksheet(spec.name, {
    pageSetup: {
      paperSize: 9,
      orientation: totalWidth > PORTRAIT_MAX_WIDTH ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: print.headerLeft ? `&L${escapeHeader(print.headerLeft)}` : undefined,
      oddFooter: `&L${escapeHeader(print.footerLeft)}&C&A&RPage &P of &N`,
    },
  });
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });

  const fullWidthText = (text: string, font?: Partial<ExcelJS.Font>) => {
    const row = sheet.addRow([text]);
    if (columns > 1) sheet.mergeCells(row.number, 1, row.number, columns);
    const cell = row.getCell(1);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (font) cell.font = font;
    row.height = LINE_HEIGHT * linesFor(text, totalWidth) * (font?.size ? font.size / 11 : 1);
    return row;
  };
  fullWidthText(spec.title, { bold: true, size: 13 });
  for (const note of spec.notes) {
    const { text, emphasis } = typeof note === 'string' ? { text: note, emphasis: undefined } : note;
    fullWidthText(
      text,
      emphasis === 'warning' ? WARNING_FONT : emphasis === 'strong' ? { bold: true } : undefined,
    );
  }

  let firstHeader: number | undefined;
  for (const table of spec.tables) {
    sheet.addRow([]);
    const header = sheet.addRow(table.headers);
    firstHeader ??= header.number;
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    header.height =
      LINE_HEIGHT * Math.max(...table.headers.map((h, i) => linesFor(h, widths[i] ?? MIN_WIDTH)));
    table.rows.forEach((values, index) => {
      const row = sheet.addRow(values.map(cellValue));
      let lines = 1;
      values.forEach((value, i) => {
        const cell = row.getCell(i + 1);
        if (value !== null && typeof value === 'object') {
          cell.numFmt = 'date' in value ? DATE_FORMAT : MONTH_FORMAT;
          cell.alignment = { horizontal: 'left', vertical: 'top' };
        } else if (typeof value === 'number') {
          if (Number.isInteger(value)) cell.numFmt = COUNT_FORMAT;
          cell.alignment = { vertical: 'top' };
        } else if (typeof value === 'string') {
          cell.alignment = {
            wrapText: true,
            vertical: 'top',
            horizontal: /^(<\d+|\[c\])$/.test(value) ? 'right' : undefined,
          };
          lines = Math.max(lines, linesFor(value, widths[i] ?? MIN_WIDTH));
        }
      });
      if (lines > 1) row.height = LINE_HEIGHT * lines;
      if (table.boldRows?.includes(index)) row.font = { bold: true };
    });
  }
  if (firstHeader !== undefined) {
    sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: firstHeader }];
    sheet.pageSetup.printTitlesRow = `${firstHeader}:${firstHeader}`;
  }
  return sheet;
}

// A local date or month as the Date Excel stores (midnight UTC, so the serial is the calendar day).
function cellValue(value: SheetValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'object') {
    const [y, m, d] = ('date' in value ? value.date : `${value.month}-01`).split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  return value;
}

// Columns fitted to their longest cell (capped: longer text wraps).
function fittedWidths(tables: SheetTable[]): number[] {
  const widths: number[] = [];
  for (const table of tables) {
    for (const row of [table.headers, ...table.rows]) {
      row.forEach((value, i) => {
        widths[i] = Math.max(widths[i] ?? 0, displayLength(value));
      });
    }
  }
  return widths.map((w) => Math.min(Math.max(w + 2, MIN_WIDTH), MAX_WIDTH));
}

function displayLength(value: SheetValue): number {
  if (value === null) return 0;
  if (typeof value === 'object') return 'date' in value ? 17 : 14;
  if (typeof value === 'number') return value.toLocaleString('en-GB').length;
  return value.length;
}

// Lines a text needs in a column of this many characters (word wrap wastes some of each line).
export function linesFor(text: string, width: number): number {
  const usable = Math.max(width - 1, 4);
  return text
    .split('\n')
    .reduce((sum, paragraph) => sum + Math.max(1, Math.ceil((paragraph.length * 1.15) / usable)), 0);
}

// "&" starts a code in Excel headers and footers; a literal one is doubled.
function escapeHeader(text: string): string {
  return text.replace(/&/g, '&&');
}
