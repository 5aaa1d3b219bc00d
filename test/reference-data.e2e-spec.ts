import { loadReferenceRows } from '../src/reference-data/reference-lists.js';
import { createTestApp, TestApp } from './create-test-app.js';

// data/reference/*.json is the curated copy people read and edit; the database gets its codes only through
// migrations (frozen rows). This keeps the two from drifting: change a JSON file and this fails until a new
// migration writes the same rows (src/database/migrations/reference-rows.ts, putReferenceRows).
describe('reference data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('the migrated rows equal the rows data/reference/*.json describes', async () => {
    const stored = await t.query<Record<string, unknown>>(
      'SELECT list, code, label, "parentCode", "sortOrder", attributes FROM reference_codes',
    );
    const key = (r: Record<string, unknown>) => `${String(r.list)}\u0000${String(r.code)}`;
    const normalise = (r: Record<string, unknown>) => ({
      list: r.list,
      code: r.code,
      label: r.label,
      parentCode: r.parentCode ?? null,
      sortOrder: Number(r.sortOrder),
      attributes: r.attributes ?? null,
    });
    const actual = stored.map(normalise).sort((a, b) => key(a).localeCompare(key(b)));
    const expected = loadReferenceRows()
      .map((r) => normalise({ ...r }))
      .sort((a, b) => key(a).localeCompare(key(b)));
    expect(actual).toEqual(expected);
  });
});
