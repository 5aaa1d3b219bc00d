import type { ExportColumn, ExportRow } from './export-rows.js';

// Worksheet rows as SpreadsheetML, written straight into exceljs' streaming worksheet. Building a Row
// and a Cell object per value, and a style lookup per cell, cost exceljs about 40 us a row of 27
// columns, more than the whole budget of an export of a million rows at 50,000 rows/s; the XML of a
// row is a few string concatenations. The cells are what exceljs itself writes (`t="str"` text, date
// serials with the column's date style), so exceljs and the importer read them back the same way.

// Characters XML 1.0 does not allow are dropped, as exceljs does; markup is escaped.
// eslint-disable-next-line no-control-regex
const XML_UNSAFE = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function xmlText(text: string): string {
  return text.search(XML_UNSAFE) === -1 ? text : text.replace(XML_UNSAFE, (ch) => ESCAPES[ch] ?? '');
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_DAYS = 25_569; // 1970-01-01 as an Excel (1900 system) serial

// `2025-06-30` as the Excel serial of that day (a date cell with no time).
export function excelDate(date: string): string | null {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? null : String(ms / DAY_MS + EXCEL_EPOCH_DAYS);
}

export class SheetRowsXml {
  private readonly letters: string[];
  private readonly dates: boolean[];
  private next: number;

  constructor(
    columns: readonly ExportColumn[],
    private readonly dateStyleId: number,
    firstRow: number,
  ) {
    this.letters = columns.map((_, i) => columnLetters(i));
    this.dates = columns.map((c) => c.type === 'date');
    this.next = firstRow;
  }

  render(rows: readonly ExportRow[]): string {
    let xml = '';
    for (const cells of rows) {
      const r = this.next++;
      xml += `<row r="${r}">`;
      for (let i = 0; i < cells.length; i++) {
        const value = cells[i];
        if (value === null) continue;
        const serial = this.dates[i] ? excelDate(value) : null;
        xml +=
          serial === null
            ? `<c r="${this.letters[i]}${r}" t="str"><v>${xmlText(value)}</v></c>`
            : `<c r="${this.letters[i]}${r}" s="${this.dateStyleId}"><v>${serial}</v></c>`;
      }
      xml += '</row>';
    }
    return xml;
  }
}
