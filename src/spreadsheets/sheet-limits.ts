// The bounds of what the register reads from an uploaded spreadsheet. Each is checked as the file
// streams in; crossing one stops the read at once with 413 naming it (SheetLimitError), nothing written.
// Together they bound the memory an import takes whatever the file holds. Documented in the README.
const MiB = 1024 * 1024;

export const SHEET_LIMITS = {
  /** The upload itself (multipart file part). */
  uploadBytes: 50 * MiB,
  /** Rows of the sheet, the heading row included (Excel's own maximum). */
  rows: 1_048_576,
  /** Columns of a row, A to XFD (Excel's own maximum). */
  columns: 16_384,
  /** Characters in one cell (Excel's own maximum), a shared string or a CSV field alike. */
  cellChars: 32_767,
  /** Characters in one row, all its cells together; for a CSV, one record (line). */
  rowChars: MiB,
  /** Entries of an .xlsx shared-string table. */
  sharedStrings: 4 * MiB,
  /** Characters of the whole shared-string table. */
  sharedStringChars: 128 * MiB,
  /** Depth of XML element nesting in any part read. */
  xmlDepth: 64,
  /** Characters of one XML tag (name and attributes). */
  xmlTagChars: 16_384,
  /** Entries of the .xlsx zip package. */
  zipEntries: 10_000,
  /** Uncompressed bytes of the worksheet or the shared-string table. */
  zipEntryBytes: 1024 * MiB,
  /** Uncompressed bytes of any other part read (workbook, relationships, styles). */
  zipPartBytes: 16 * MiB,
  /** Uncompressed bytes per compressed byte of any part over 1 MiB (zip bombs). */
  zipRatio: 100,
} as const;

export type SheetLimitName = keyof typeof SHEET_LIMITS;

// Parts smaller than this are not held to zipRatio (a tiny part of repeated XML compresses far).
export const RATIO_FREE_BYTES = MiB;

export class SheetLimitError extends Error {
  constructor(
    readonly limit: SheetLimitName,
    message: string,
  ) {
    super(`${message} (limit ${limit}: ${SHEET_LIMITS[limit].toLocaleString('en-GB')})`);
  }
}

export class SheetFormatError extends Error {}

/** Throws SheetLimitError when `value` is over the limit. */
export function within(limit: SheetLimitName, value: number, what: string): void {
  if (value > SHEET_LIMITS[limit]) throw new SheetLimitError(limit, what);
}
