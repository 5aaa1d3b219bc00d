import { SHEET_LIMITS, SheetLimitError, within } from './sheet-limits.js';
import type { CellValue, SheetRow } from './sheet-types.js';
import { attributes, XmlScanner, xmlText } from './xml-scanner.js';

// A worksheet's XML read tag by tag, giving the values exceljs would: shared and inline strings,
// numbers, booleans, errors, formula results, and Dates for cells whose number format is a date.
// (exceljs' own row model, a Row and Cell object per cell with styles copied on each, cost 50 us a row.)
// Bounded: the row number and row count by rows, the column by columns (XFD), a cell's text by
// cellChars and a row's text by rowChars.

export interface SheetBook {
  sharedStrings: (string | null)[];
  date1904: boolean;
  /** Whether the cell style (an index into cellXfs) has a date number format. */
  isDateStyle(style: number): boolean;
  excelToDate(value: number, date1904: boolean): Date;
}

interface OpenCell {
  t: string | undefined;
  s: number;
  v: string | null;
  inline: string | null;
}

// "AB12" → 28 (1-based column); refused past XFD, so a reference like ZZZZZZ2 costs nothing.
function columnOf(ref: string | undefined): number {
  if (!ref) return 0;
  let column = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    if (column > SHEET_LIMITS.columns) {
      throw new SheetLimitError(
        'columns',
        `A cell of the sheet is past the last column (XFD): ${ref.slice(0, 12)}`,
      );
    }
  }
  return column;
}

export class SheetScanner extends XmlScanner {
  private readonly columnStyles: { min: number; max: number; style: number }[] = [];
  rows: SheetRow[] = [];
  private rowsSeen = 0;
  private row: CellValue[] | null = null;
  private rowChars = 0;
  private rowNumber = 0;
  private rowStyle = 0;
  private column = 0;
  private cell: OpenCell | null = null;
  private captureName: 'v' | 't' | null = null;

  constructor(private readonly book: SheetBook) {
    super('worksheet');
  }

  protected open(name: string, xml: string, from: number, to: number, selfClosing: boolean): void {
    switch (name) {
      case 'row': {
        const attrs = attributes(xml.slice(from, to));
        this.rowNumber = attrs.r ? parseInt(attrs.r, 10) : this.rowNumber + 1;
        this.rowsSeen += 1;
        if (!(this.rowNumber <= SHEET_LIMITS.rows) || this.rowsSeen > SHEET_LIMITS.rows) {
          throw new SheetLimitError('rows', 'The sheet has rows past the last row Excel allows');
        }
        this.rowStyle = attrs.s ? parseInt(attrs.s, 10) : 0;
        this.column = 0;
        this.rowChars = 0;
        this.row = [];
        if (selfClosing) this.close('row');
        return;
      }
      case 'c': {
        if (!this.row) return;
        const attrs = attributes(xml.slice(from, to));
        this.column = columnOf(attrs.r) || this.column + 1;
        within('columns', this.column, 'A row of the sheet has cells past the last column (XFD)');
        this.cell = { t: attrs.t, s: attrs.s ? parseInt(attrs.s, 10) : 0, v: null, inline: null };
        if (selfClosing) this.close('c');
        return;
      }
      case 'v':
      case 't':
        if (!this.cell || selfClosing) return;
        this.captureName = name;
        this.capturing = true;
        this.text = '';
        return;
      case 'col': {
        const attrs = attributes(xml.slice(from, to));
        if (attrs.style) {
          this.columnStyles.push({ min: +attrs.min, max: +attrs.max, style: parseInt(attrs.style, 10) });
          within('columns', this.columnStyles.length, 'The sheet has too many column definitions');
        }
        return;
      }
      default:
        return;
    }
  }

  protected close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        if (this.cell && this.captureName === name) {
          if (name === 'v') this.cell.v = this.text;
          else {
            this.cell.inline = (this.cell.inline ?? '') + this.text;
            if (this.cell.inline.length > 8 * SHEET_LIMITS.cellChars) {
              throw new SheetLimitError('cellChars', `Cell ${this.where()} is too long`);
            }
          }
        }
        this.captureName = null;
        this.capturing = false;
        this.text = '';
        return;
      case 'c':
        if (this.row && this.cell) {
          const value = this.value(this.cell);
          if (typeof value === 'string') {
            within('cellChars', value.length, `Cell ${this.where()} is too long`);
            this.rowChars += value.length;
            within('rowChars', this.rowChars, `Row ${this.rowNumber} of the sheet is too long`);
          }
          while (this.row.length < this.column - 1) this.row.push(null);
          this.row[this.column - 1] = value;
        }
        this.cell = null;
        return;
      case 'row':
        if (this.row) this.rows.push({ number: this.rowNumber, cells: this.row });
        this.row = null;
        return;
      default:
        return;
    }
  }

  private where(): string {
    let letters = '';
    for (let n = this.column; n > 0; n = Math.floor((n - 1) / 26)) {
      letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    }
    return `${letters}${this.rowNumber}`;
  }

  private value(cell: OpenCell): CellValue {
    const { t, v } = cell;
    if (t === 'inlineStr') return cell.inline === null ? null : xmlText(cell.inline);
    if (v === null) return null;
    switch (t) {
      case 's':
        return this.book.sharedStrings[parseInt(v, 10)] ?? null;
      case 'str':
      case 'd': // an ISO 8601 date as text: read as text is read
        return xmlText(v);
      case 'e':
        return v;
      case 'b':
        return parseInt(v, 10) !== 0;
      default: {
        const number = parseFloat(v);
        return this.dateStyle(cell.s) ? this.book.excelToDate(number, this.book.date1904) : number;
      }
    }
  }

  // As exceljs: the cell's own style, else its row's, else its column's.
  private dateStyle(cellStyle: number): boolean {
    let style = cellStyle || this.rowStyle;
    if (!style)
      style = this.columnStyles.find((c) => c.min <= this.column && this.column <= c.max)?.style ?? 0;
    return style ? this.book.isDateStyle(style) : false;
  }
}
