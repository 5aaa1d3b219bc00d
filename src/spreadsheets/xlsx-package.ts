import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { RATIO_FREE_BYTES, SHEET_LIMITS, SheetLimitError, type SheetLimitName } from './sheet-limits.js';

// The zip package of an .xlsx, read from its central directory with yauzl: every part's declared size
// is checked before a byte is inflated (entry count, size, compression ratio), and yauzl checks while
// inflating that no part gives more bytes than it declared, so a zip bomb is refused up front and a
// lying header fails as it streams. Parts are looked up by name, in any order.
export class XlsxPackage {
  private compressedRead = 0;

  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
  ) {}

  static async open(source: string | Buffer): Promise<XlsxPackage> {
    const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true } as const;
    const zip =
      typeof source === 'string'
        ? await yauzl.openPromise(source, options)
        : await yauzl.fromBufferPromise(source, options);
    try {
      if (zip.entryCount > SHEET_LIMITS.zipEntries) {
        throw new SheetLimitError('zipEntries', 'The workbook package holds too many parts');
      }
      const entries = new Map<string, Entry>();
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: Entry) => {
          entries.set(partName(entry.fileName), entry);
          zip.readEntry();
        });
        zip.once('end', resolve);
        zip.once('error', reject);
        zip.readEntry();
      });
      return new XlsxPackage(zip, entries);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  has(name: string): boolean {
    return this.entries.has(partName(name));
  }

  /** The first part whose name matches, in the package's own order. */
  find(pattern: RegExp): string | undefined {
    for (const name of this.entries.keys()) if (pattern.test(name)) return name;
    return undefined;
  }

  /** Compressed bytes of the parts read so far (for progress). */
  bytesRead(): number {
    return this.compressedRead;
  }

  /** A part's bytes, inflated as they are read; `limit` bounds its uncompressed size. */
  async stream(name: string, limit: SheetLimitName): Promise<AsyncIterable<Buffer>> {
    const entry = this.entries.get(partName(name));
    if (!entry) throw new Error(`the part ${name} is missing`);
    if (entry.uncompressedSize > SHEET_LIMITS[limit]) {
      throw new SheetLimitError(limit, `The workbook part ${name} is too large uncompressed`);
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FREE_BYTES && ratio > SHEET_LIMITS.zipRatio) {
      throw new SheetLimitError(
        'zipRatio',
        `The workbook part ${name} is compressed ${Math.round(ratio)} to 1, like a zip bomb`,
      );
    }
    const stream: Readable = await this.zip.openReadStreamPromise(entry);
    const share = entry.compressedSize / Math.max(1, entry.uncompressedSize);
    const count = (bytes: number) => {
      this.compressedRead += Math.round(bytes * share); // a rough share, for progress only
    };
    return (async function* () {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        count(chunk.length);
        yield chunk;
      }
    })();
  }

  /** A small part read whole, as text (bounded by zipPartBytes). */
  async text(name: string): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.stream(name, 'zipPartBytes')) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }

  close(): void {
    this.zip.close();
  }
}

// Part names are compared without a leading slash and without regard to case, as Excel does.
export function partName(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}
