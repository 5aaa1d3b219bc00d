import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import type { CellValue } from './cell-values.js';
import { plainCell, type SheetRow } from './sheet-rows.js';

// exceljs' streaming WorkbookReader opens the package (zip entries, workbook, shared strings, styles)
// and hands over the first worksheet as a stream. Its own row model (a Row and Cell object per cell,
// styles copied onto each, every event through saxes) cost 50 us a row; the sheet's XML is regular
// enough to read here tag by tag, giving the same values exceljs would: shared and inline strings,
// numbers, booleans, errors, formula results, and Dates for cells whose number format is a date.
// Memory stays flat: only the unfinished tail of the last chunk is kept between chunks.

interface ExcelUtils {
  isDateFmt(format: string | undefined): boolean;
  excelToDate(value: number, date1904: boolean): Date;
}
interface StyleManager {
  getStyleModel(id: number): { numFmt?: string } | null;
}
interface WorkbookReaderLike {
  sharedStrings?: unknown[];
  styles: StyleManager;
  properties?: { model?: { date1904?: boolean } };
}

const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/gi;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function xmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, hex: string, dec: string, name: string) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(+dec)
        : NAMED[name.toLowerCase()],
  );
}

const ATTRIBUTE = /\s([A-Za-z:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) found[m[1]] = m[2] ?? m[3];
  return found;
}

// "AB12" → 28 (1-based column).
function columnOf(ref: string | undefined): number {
  if (!ref) return 0;
  let column = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

class SheetScanner {
  private readonly isDate = new Map<number, boolean>();
  private readonly columnStyles: { min: number; max: number; style: number }[] = [];
  private readonly date1904: boolean;
  rows: SheetRow[] = [];
  private row: CellValue[] | null = null;
  private rowNumber = 0;
  private rowStyle = 0;
  private column = 0;
  private cell: { t: string | undefined; s: number; v: string | null; inline: string | null } | null = null;
  private capture: 'v' | 't' | null = null;
  private text = '';

  constructor(
    private readonly book: WorkbookReaderLike,
    private readonly utils: ExcelUtils,
  ) {
    this.date1904 = Boolean(book.properties?.model?.date1904);
  }

  // Reads every complete tag of `xml`; returns where the unfinished tail starts.
  scan(xml: string): number {
    let pos = 0;
    for (;;) {
      const lt = xml.indexOf('<', pos);
      if (lt < 0) {
        if (this.capture) this.text += xml.slice(pos);
        return xml.length;
      }
      const gt = xml.indexOf('>', lt);
      if (gt < 0) {
        if (this.capture) this.text += xml.slice(pos, lt);
        return lt;
      }
      if (this.capture && lt > pos) this.text += xml.slice(pos, lt);
      this.tag(xml, lt, gt);
      pos = gt + 1;
    }
  }

  private tag(xml: string, lt: number, gt: number): void {
    const closing = xml.charCodeAt(lt + 1) === 47; // '/'
    let end = lt + (closing ? 2 : 1);
    while (end < gt) {
      const code = xml.charCodeAt(end);
      if (code === 32 || code === 47 || code === 9 || code === 10 || code === 13) break;
      end += 1;
    }
    const name = xml.slice(lt + (closing ? 2 : 1), end);
    const selfClosing = !closing && xml.charCodeAt(gt - 1) === 47;
    if (closing) return this.close(name);
    switch (name) {
      case 'row': {
        const attrs = attributes(xml.slice(end, gt));
        this.rowNumber = attrs.r ? parseInt(attrs.r, 10) : this.rowNumber + 1;
        this.rowStyle = attrs.s ? parseInt(attrs.s, 10) : 0;
        this.column = 0;
        this.row = [];
        if (selfClosing) this.close('row');
        return;
      }
      case 'c': {
        if (!this.row) return;
        const attrs = attributes(xml.slice(end, gt));
        this.column = columnOf(attrs.r) || this.column + 1;
        this.cell = { t: attrs.t, s: attrs.s ? parseInt(attrs.s, 10) : 0, v: null, inline: null };
        if (selfClosing) this.close('c');
        return;
      }
      case 'v':
      case 't':
        if (!this.cell || selfClosing) return;
        this.capture = name;
        this.text = '';
        return;
      case 'col': {
        const attrs = attributes(xml.slice(end, gt));
        if (attrs.style) {
          this.columnStyles.push({ min: +attrs.min, max: +attrs.max, style: parseInt(attrs.style, 10) });
        }
        return;
      }
      default:
        return;
    }
  }

  private close(name: string): void {
    switch (name) {
      case 'v':
        if (this.cell && this.capture === 'v') this.cell.v = this.text;
        this.capture = null;
        return;
      case 't':
        if (this.cell && this.capture === 't') this.cell.inline = (this.cell.inline ?? '') + this.text;
        this.capture = null;
        return;
      case 'c':
        if (this.row && this.cell) {
          const value = this.value(this.cell);
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

  private value(cell: {
    t: string | undefined;
    s: number;
    v: string | null;
    inline: string | null;
  }): CellValue {
    const { t, v } = cell;
    if (t === 'inlineStr') return cell.inline === null ? null : xmlText(cell.inline);
    if (v === null) return null;
    switch (t) {
      case 's': {
        const shared = this.book.sharedStrings?.[parseInt(v, 10)];
        return shared === undefined ? null : plainCell(shared);
      }
      case 'str':
      case 'd': // an ISO 8601 date as text: read as text is read
        return xmlText(v);
      case 'e':
        return v;
      case 'b':
        return parseInt(v, 10) !== 0;
      default: {
        const number = parseFloat(v);
        return this.dateStyle(cell.s) ? this.utils.excelToDate(number, this.date1904) : number;
      }
    }
  }

  // As exceljs: the cell's own style, else its row's, else its column's.
  private dateStyle(cellStyle: number): boolean {
    let style = cellStyle || this.rowStyle;
    if (!style)
      style = this.columnStyles.find((c) => c.min <= this.column && this.column <= c.max)?.style ?? 0;
    if (!style) return false;
    let known = this.isDate.get(style);
    if (known === undefined) {
      known = this.utils.isDateFmt(this.book.styles.getStyleModel(style)?.numFmt);
      this.isDate.set(style, known);
    }
    return known;
  }
}

// The first worksheet of an .xlsx, streamed: rows are read from the zip as they come, never all at once.
export async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  try {
    const { default: ExcelJS } = await import('exceljs');
    const utils = createRequire(import.meta.url)('exceljs/lib/utils/utils.js') as ExcelUtils;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      entries: 'emit',
      sharedStrings: 'cache',
      styles: 'cache', // needed to tell date cells from numbers
      hyperlinks: 'ignore',
      worksheets: 'emit',
    });
    for await (const worksheet of reader) {
      const scanner = new SheetScanner(reader as unknown as WorkbookReaderLike, utils);
      const decoder = new TextDecoder('utf-8');
      let tail = '';
      const chunks = (worksheet as unknown as { iterator: AsyncIterable<Buffer> }).iterator;
      for await (const chunk of chunks) {
        const xml = tail + decoder.decode(chunk, { stream: true });
        tail = xml.slice(scanner.scan(xml));
        if (scanner.rows.length > 0) {
          const rows = scanner.rows;
          scanner.rows = [];
          yield* rows;
        }
      }
      scanner.scan(tail + decoder.decode());
      yield* scanner.rows;
      return;
    }
  } finally {
    input.destroy();
  }
}
