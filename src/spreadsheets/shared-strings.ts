import { SHEET_LIMITS, SheetLimitError, within } from './sheet-limits.js';
import { scanAll, XmlScanner, xmlText } from './xml-scanner.js';

// xl/sharedStrings.xml: each <si> is one string, its text the <t> of the item or of its rich-text runs
// (<r>) joined, as exceljs gives it through the importer's plainCell; phonetic runs (<rPh>) are not
// text of the cell. Bounded: each string by cellChars, their number by sharedStrings, and all their
// text together by sharedStringChars.
class SharedStringsScanner extends XmlScanner {
  readonly strings: (string | null)[] = [];
  private item: string | null = null;
  private inItem = false;
  private phonetic = 0;
  private total = 0;

  constructor() {
    super('shared-string table');
  }

  protected open(name: string, _xml: string, _from: number, _to: number, selfClosing: boolean): void {
    if (selfClosing) {
      if (name === 'si') this.push(null);
      return;
    }
    switch (name) {
      case 'si':
        this.inItem = true;
        this.item = null;
        return;
      case 'rPh':
        this.phonetic += 1;
        return;
      case 't':
        if (this.inItem && this.phonetic === 0) {
          this.capturing = true;
          this.text = '';
        }
        return;
      default:
        return;
    }
  }

  protected close(name: string): void {
    switch (name) {
      case 't':
        if (this.capturing) {
          this.capturing = false;
          const text = xmlText(this.text);
          this.text = '';
          if (text !== '') this.item = (this.item ?? '') + text;
          if (this.item) within('cellChars', this.item.length, 'A shared string of the workbook is too long');
        }
        return;
      case 'rPh':
        this.phonetic -= 1;
        return;
      case 'si':
        this.inItem = false;
        this.push(this.item);
        this.item = null;
        return;
      default:
        return;
    }
  }

  private push(item: string | null): void {
    if (this.strings.length >= SHEET_LIMITS.sharedStrings) {
      throw new SheetLimitError('sharedStrings', 'The workbook has too many shared strings');
    }
    this.total += item?.length ?? 0;
    within('sharedStringChars', this.total, 'The shared strings of the workbook are too long together');
    // A copy, so that no string keeps a whole chunk of the file alive (V8 keeps a slice's parent).
    this.strings.push(item === null ? null : item.length < 13 ? item : Buffer.from(item).toString());
  }
}

export async function readSharedStrings(chunks: AsyncIterable<Uint8Array>): Promise<(string | null)[]> {
  const scanner = new SharedStringsScanner();
  await scanAll(scanner, chunks);
  return scanner.strings;
}
