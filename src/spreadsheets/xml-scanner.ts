import { SHEET_LIMITS, SheetLimitError, within } from './sheet-limits.js';

// A tag-by-tag reader for the regular XML of a spreadsheet part, fed chunk by chunk. Only the
// unfinished tail of a chunk (an open tag, at most xmlTagChars long) is kept between chunks, and text
// is kept only while a subclass captures it (at most cellChars), so memory stays flat and each
// character is looked at a bounded number of times whatever the input. Element depth is counted
// against xmlDepth. Entities are decoded by xmlText; no DOCTYPE, no entity definitions, no expansion.

const ENTITY = /&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/gi;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const codePoint = (n: number): string => (n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd');

export function xmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, hex: string, dec: string, name: string) =>
    hex ? codePoint(parseInt(hex, 16)) : dec ? codePoint(+dec) : NAMED[name.toLowerCase()],
  );
}

const ATTRIBUTE = /\s([A-Za-z:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) found[m[1]] = m[2] ?? m[3];
  return found;
}

const RAW_TEXT_CHARS = 8 * SHEET_LIMITS.cellChars;

export abstract class XmlScanner {
  private depth = 0;
  private tail = '';
  private readonly decoder = new TextDecoder('utf-8');
  /** Text between tags is collected into `text` while true. */
  protected capturing = false;
  protected text = '';

  constructor(private readonly part: string) {}

  /** An opening (or self-closing) tag; its attributes are `xml.slice(from, to)` (sliced only if needed). */
  protected abstract open(name: string, xml: string, from: number, to: number, selfClosing: boolean): void;
  protected abstract close(name: string): void;

  feed(chunk: Uint8Array): void {
    const xml = this.tail + this.decoder.decode(chunk, { stream: true });
    this.tail = xml.slice(this.scan(xml));
    if (this.tail.length > SHEET_LIMITS.xmlTagChars) {
      throw new SheetLimitError('xmlTagChars', `The ${this.part} has a tag that does not end`);
    }
  }

  end(): void {
    const xml = this.tail + this.decoder.decode();
    this.tail = '';
    if (this.scan(xml) < xml.length) {
      throw new SheetLimitError('xmlTagChars', `The ${this.part} ends inside a tag`);
    }
  }

  // Reads every complete tag of `xml`; returns where the unfinished tail starts.
  private scan(xml: string): number {
    let pos = 0;
    for (;;) {
      const lt = xml.indexOf('<', pos);
      if (lt < 0) {
        if (this.capturing) this.take(xml, pos, xml.length);
        return xml.length;
      }
      const gt = xml.indexOf('>', lt);
      if (gt < 0) {
        if (this.capturing) this.take(xml, pos, lt);
        return lt;
      }
      if (this.capturing && lt > pos) this.take(xml, pos, lt);
      within('xmlTagChars', gt - lt, `The ${this.part} has a tag too long`);
      this.tag(xml, lt, gt);
      pos = gt + 1;
    }
  }

  private take(xml: string, from: number, to: number): void {
    if (to <= from) return;
    // Raw text, entities still encoded (at most 8 characters each): the decoded text is checked by the
    // subclass against cellChars itself.
    if (this.text.length + (to - from) > RAW_TEXT_CHARS) {
      throw new SheetLimitError('cellChars', `The ${this.part} has a cell text too long`);
    }
    this.text += xml.slice(from, to);
  }

  private tag(xml: string, lt: number, gt: number): void {
    const first = xml.charCodeAt(lt + 1);
    if (first === 63 || first === 33) return; // <?…?> and <!…>: declarations and comments
    const closing = first === 47; // '/'
    const start = lt + (closing ? 2 : 1);
    let end = start;
    while (end < gt) {
      const code = xml.charCodeAt(end);
      if (code === 32 || code === 47 || code === 9 || code === 10 || code === 13) break;
      end += 1;
    }
    const name = xml.slice(start, end);
    if (closing) {
      this.depth -= 1;
      this.close(name);
      return;
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    if (!selfClosing) {
      this.depth += 1;
      within('xmlDepth', this.depth, `The ${this.part} nests elements too deep`);
    }
    this.open(name, xml, end, gt, selfClosing);
  }
}

/** Feeds a stream of chunks through a scanner. */
export async function scanAll(scanner: XmlScanner, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const chunk of chunks) scanner.feed(chunk);
  scanner.end();
}
