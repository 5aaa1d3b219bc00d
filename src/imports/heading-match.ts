import { DEVICE_SHEET_COLUMNS, SheetColumn } from './device-columns.js';

// "Exhibit No." and "exhibit_no" are the same heading.
export function squashHeading(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BY_NAME = new Map<string, SheetColumn>();
for (const column of DEVICE_SHEET_COLUMNS) {
  for (const name of [column.heading, column.field, ...(column.synonyms ?? [])]) {
    BY_NAME.set(squashHeading(name), column);
  }
}

export interface MatchedColumn {
  /** 0-based position in the row. */
  index: number;
  heading: string;
  column: SheetColumn;
}

export interface HeadingMatch {
  columns: MatchedColumn[];
  /** Headings that name nothing the register holds: reported, their cells ignored. */
  unknown: { index: number; heading: string }[];
  /** Derived or read-only columns (e.g. Offence group, Custody status): ignored on import. */
  ignored: { index: number; heading: string }[];
  /** Problems with the heading row itself: required columns missing, one field named twice. */
  problems: string[];
}

export function matchHeadings(headings: (string | null)[]): HeadingMatch {
  const match: HeadingMatch = { columns: [], unknown: [], ignored: [], problems: [] };
  const seen = new Map<string, MatchedColumn>();
  headings.forEach((raw, index) => {
    const heading = (raw ?? '').trim();
    if (heading === '') return;
    const column = BY_NAME.get(squashHeading(heading));
    if (!column) return void match.unknown.push({ index, heading });
    if (column.readOnly) return void match.ignored.push({ index, heading });
    const earlier = seen.get(column.field);
    if (earlier) {
      match.problems.push(
        `The headings "${earlier.heading}" and "${heading}" both mean ${column.heading}; keep one.`,
      );
      return;
    }
    const matched = { index, heading, column };
    seen.set(column.field, matched);
    match.columns.push(matched);
  });
  for (const column of DEVICE_SHEET_COLUMNS) {
    if (column.required && !seen.has(column.field)) {
      match.problems.push(`No column for ${column.heading} (required).`);
    }
  }
  return match;
}
