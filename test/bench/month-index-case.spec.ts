import { createRequire } from 'node:module';
import fc from 'fast-check';
import { monthIndexCase } from '../../src/foi-reports/foi-sql.js';

// better-sqlite3 ships no type declarations (and @types/better-sqlite3 is not installed): the little used here.
interface SqliteDb {
  prepare(sql: string): { get(...values: unknown[]): unknown };
  close(): void;
}
const Database = createRequire(import.meta.url)('better-sqlite3') as new (path: string) => SqliteDb;

// The FOI month index, nested as a binary search, gives what one comparison per month gives:
// the first month whose end is after the instant, or the number of months when none is.
describe('monthIndexCase', () => {
  const db = new Database(':memory:');

  afterAll(() => db.close());

  function evaluate(ends: string[], value: string | null): number {
    const fragment = monthIndexCase('v', ends);
    const sql = fragment.sql.replace(/:monthEnd(\d+)/g, (_, i: string) => `'${ends[Number(i)]}'`);
    return (db.prepare(`SELECT ${sql} AS m FROM (SELECT ? AS v)`).get(value) as { m: number }).m;
  }

  function linear(ends: string[], value: string): number {
    const index = ends.findIndex((end) => value < end);
    return index === -1 ? ends.length : index;
  }

  it('agrees with a month-by-month search for any instant and 1 to 130 months', () => {
    const instant = fc
      .integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2030, 0, 1) })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.uniqueArray(instant, { minLength: 1, maxLength: 130 }), instant, (raw, value) => {
        const ends = [...raw].sort();
        expect(evaluate(ends, value)).toBe(linear(ends, value));
        expect(evaluate(ends, ends[0])).toBe(linear(ends, ends[0]));
        expect(evaluate(ends, ends[ends.length - 1])).toBe(ends.length);
      }),
      { numRuns: 300 },
    );
  });

  it('puts a missing instant after the last month, as the flat CASE did', () => {
    expect(evaluate(['2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'], null)).toBe(2);
  });
});
