import { createRequire } from 'node:module';
import { readSharedStrings } from './shared-strings.js';
import { SheetScanner, type SheetBook } from './sheet-scanner.js';
import type { SheetRow } from './sheet-types.js';
import { XlsxPackage } from './xlsx-package.js';
import { XmlScanner } from './xml-scanner.js';

// The first worksheet of an .xlsx, streamed: rows are read from the zip as they come, never all at once.
// The package's small parts (workbook, relationships, styles) are checked for depth and tag length and
// then read by exceljs' own parsers, so dates and the 1904 date system are told exactly as exceljs
// tells them; the shared strings and the sheet are read by the bounded scanners beside this file.

interface ExcelInternals {
  isDateFmt(format: string | undefined): boolean;
  excelToDate(value: number, date1904: boolean): Date;
}
interface XformLike {
  parseStream(stream: Iterable<string> | AsyncIterable<unknown>): Promise<unknown>;
}
interface StyleManager extends XformLike {
  init(): void;
  getStyleModel(id: number): { numFmt?: string } | null;
}
interface WorkbookXform extends XformLike {
  map: { workbookPr: { model?: { date1904?: boolean } } };
  model: { sheets?: { rId: string }[] };
}
type Relationship = { Id: string; Target: string };

const load = createRequire(import.meta.url);
const exceljs = (path: string): unknown => load(`exceljs/lib/${path}`);

class StructureCheck extends XmlScanner {
  protected open(): void {}
  protected close(): void {}
}

async function parsePart<T extends XformLike>(pkg: XlsxPackage, name: string, xform: T): Promise<T> {
  const text = await pkg.text(name);
  const check = new StructureCheck(`workbook part ${name}`);
  check.feed(Buffer.from(text));
  check.end();
  await xform.parseStream([text]);
  return xform;
}

async function book(pkg: XlsxPackage): Promise<{ book: SheetBook; sheet: string }> {
  const utils = exceljs('utils/utils.js') as ExcelInternals;
  let workbook: WorkbookXform | null = null;
  if (pkg.has('xl/workbook.xml')) {
    const Workbook = exceljs('xlsx/xform/book/workbook-xform.js') as new () => WorkbookXform;
    workbook = await parsePart(pkg, 'xl/workbook.xml', new Workbook());
  }
  const Styles = exceljs('xlsx/xform/style/styles-xform.js') as new () => StyleManager;
  let styles = new Styles();
  styles.init();
  if (pkg.has('xl/styles.xml')) styles = await parsePart(pkg, 'xl/styles.xml', new Styles());
  const sharedStrings = pkg.has('xl/sharedStrings.xml')
    ? await readSharedStrings(await pkg.stream('xl/sharedStrings.xml', 'zipEntryBytes'))
    : [];
  const isDate = new Map<number, boolean>();
  const sheet = (await sheetOf(pkg, workbook)) ?? pkg.find(/^xl\/worksheets\/sheet\d+\.xml$/);
  if (!sheet) throw new Error('the workbook has no worksheet');
  return {
    sheet,
    book: {
      sharedStrings,
      date1904: Boolean(workbook?.map.workbookPr.model?.date1904),
      excelToDate: (value, date1904) => utils.excelToDate(value, date1904),
      isDateStyle(style: number): boolean {
        let known = isDate.get(style);
        if (known === undefined) {
          known = utils.isDateFmt(styles.getStyleModel(style)?.numFmt);
          isDate.set(style, known);
        }
        return known;
      },
    },
  };
}

// The sheet Excel shows first: the workbook's first <sheet>, through its relationship.
async function sheetOf(pkg: XlsxPackage, workbook: WorkbookXform | null): Promise<string | undefined> {
  const rId = workbook?.model.sheets?.[0]?.rId;
  if (!rId || !pkg.has('xl/_rels/workbook.xml.rels')) return undefined;
  const Rels = exceljs('xlsx/xform/core/relationships-xform.js') as new () => XformLike & {
    model: Relationship[];
  };
  const rels = await parsePart(pkg, 'xl/_rels/workbook.xml.rels', new Rels());
  const target = rels.model?.find((rel) => rel.Id === rId)?.Target;
  if (!target) return undefined;
  const name = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return pkg.has(name) ? name : undefined;
}

/** Compressed bytes read so far, for progress. */
export interface XlsxRows {
  rows: AsyncGenerator<SheetRow>;
  bytesRead: () => number;
}

export function xlsxRows(source: string | Buffer): XlsxRows {
  let pkg: XlsxPackage | null = null;
  async function* rows(): AsyncGenerator<SheetRow> {
    pkg = await XlsxPackage.open(source);
    try {
      const { book: sheetBook, sheet } = await book(pkg);
      const scanner = new SheetScanner(sheetBook);
      for await (const chunk of await pkg.stream(sheet, 'zipEntryBytes')) {
        scanner.feed(chunk);
        if (scanner.rows.length > 0) {
          const done = scanner.rows;
          scanner.rows = [];
          yield* done;
        }
      }
      scanner.end();
      yield* scanner.rows;
    } finally {
      pkg.close();
    }
  }
  return { rows: rows(), bytesRead: () => pkg?.bytesRead() ?? 0 };
}
