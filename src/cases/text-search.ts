import { ValidationFailedError } from '../common/errors.js';

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

// FTS5 phrase: the text as one string (a double quote doubled), matched as a substring by the trigram
// tokenizer, case-insensitively.
export function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

// LIKE pattern for PostgreSQL (backslash is its default escape).
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// The ids of the cases whose reference contains q, as a subquery (`alias` names the cases in it).
export function caseReferenceMatch(
  postgres: boolean,
  alias = 'c',
): { sql: string; param: 'pattern' | 'phrase' } {
  return postgres
    ? {
        sql: `SELECT ${alias}."id" FROM "cases" ${alias} WHERE lower(${alias}."reference") LIKE :pattern`,
        param: 'pattern',
      }
    : {
        sql: `SELECT ${alias}."id" FROM "cases" ${alias} WHERE ${alias}.rowid IN
                (SELECT rowid FROM "case_search" WHERE "case_search" MATCH :phrase)`,
        param: 'phrase',
      };
}

export function searchParams(q: string): { pattern: string; phrase: string } {
  return { pattern: likePattern(q), phrase: ftsPhrase(q) };
}
