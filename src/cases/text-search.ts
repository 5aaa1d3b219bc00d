import { ValidationFailedError } from '../common/errors.js';
import type { Dialect } from '../database/dialect.js';

// Substring search on trigram indexes (migration DeviceSearch): FTS5 with the trigram tokenizer on
// SQLite, pg_trgm on PostgreSQL; the same answer on both (part of the text, any letter case).

// A device's searchable text (alias or bare column names): its exhibit reference, make, model and serial.
// Here, not under devices/, because the search index folding (search-index.ts) serves cases too.
export function deviceTextSql(alias?: string): string {
  const col = (name: string) => (alias ? `${alias}."${name}"` : `"${name}"`);
  return ['exhibitRef', 'make', 'model', 'serialNumber']
    .map((c) => `COALESCE(${col(c)}, '')`)
    .join(` || ' ' || `);
}

// Trigrams need three characters.
export const SEARCH_MIN_LENGTH = 3;

export function requireSearchText(q: string, field = 'q'): string {
  const text = q.trim();
  if (text.length >= SEARCH_MIN_LENGTH) return text;
  throw new ValidationFailedError([
    { field, message: `${field} must be ${SEARCH_MIN_LENGTH} to 100 characters` },
  ]);
}

// The ids of the cases whose reference contains q (a trigram index on each database), as a subquery
// (`alias` names the cases in it) with its parameters.
export function caseReferenceMatch(
  dialect: Dialect,
  q: string,
  alias = 'c',
): { sql: string; params: Record<string, string> } {
  return dialect.containsText(
    { table: 'cases', alias, text: `${alias}."reference"`, searchTable: 'case_search' },
    q,
  );
}

// The ids of the devices whose own text contains q.
export function deviceTextMatch(
  dialect: Dialect,
  q: string,
  alias = 'x',
): { sql: string; params: Record<string, string> } {
  return dialect.containsText(
    { table: 'devices', alias, text: deviceTextSql(alias), searchTable: 'device_search' },
    q,
  );
}
