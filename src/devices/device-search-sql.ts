// The SQL of the device search (issue 13, part 3), shared by the migration that builds its indexes
// (DeviceSearch) and the list's filters, so a query's expression is exactly the index's.
//
// - exhibitRef: the register's key (leading zeros of each number dropped: JD/001 = JD/1) as an
//   expression index on both databases. Portable SQL: the reference (stored upper case, trimmed) gets a
//   trailing '/', every '/' loses the zeros after it (16, 8, 4, 2 then 1 at a time: up to 31, more than
//   a 30-character reference can hold), a number that was all zeros gets its '0' back, and the '/' goes.
// - q (part of a case reference, exhibit reference, make, model or serial; any letter case): a trigram
//   index. SQLite: FTS5 tables with the trigram tokenizer (device_search over the device's text,
//   case_search over case references, kept by triggers, keyed by the table's rowid). PostgreSQL: pg_trgm
//   GIN indexes on the lower-cased text, used by LIKE '%…%'.

export function exhibitKeySql(column: string): string {
  let key = `(${column} || '/')`;
  for (const zeros of [16, 8, 4, 2, 1]) key = `REPLACE(${key}, '/${'0'.repeat(zeros)}', '/')`;
  key = `REPLACE(REPLACE(${key}, '//', '/0/'), '//', '/0/')`;
  return `SUBSTR(${key}, 1, LENGTH(${key}) - 1)`;
}

// The same key in JavaScript, for the value searched for (the SQL above, not Number(): no rounding of
// long numbers).
export function exhibitSearchKey(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .split('/')
    .map((part, i) => (i === 0 ? part : part.replace(/^0+(?=\d)/, '')))
    .join('/');
}

export { deviceTextSql, SEARCH_MIN_LENGTH } from '../cases/text-search.js';
