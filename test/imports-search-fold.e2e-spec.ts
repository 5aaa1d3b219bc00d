import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { csvBuffer, deviceRow } from './factories/device-sheet.factory.js';

// SQLite's search index takes an import's rows at the end of the import, in its transaction: the first
// search after a large import does not have to fold them in (issue 14 follow-up). PostgreSQL keeps its
// trigram indexes as it writes; the search must find the rows there too.
describe('device search after an import', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('leaves no search queue behind, and the first search finds the imported rows', async () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      deviceRow({ 'Case reference': `FOLD/${i % 3}/26`, 'Exhibit reference': `FD/${i + 1}`, Make: 'Foldmaker' }),
    );
    await t
      .http()
      .post('/api/imports/devices')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .attach('file', csvBuffer(rows), 'devices.csv')
      .expect(201);

    if (t.dataSource.options.type === 'better-sqlite3') {
      const [queued] = await t.query<{ devices: number; cases: number }>(
        'SELECT (SELECT COUNT(*) FROM device_search_pending) AS devices, (SELECT COUNT(*) FROM case_search_pending) AS cases',
      );
      expect({ devices: Number(queued.devices), cases: Number(queued.cases) }).toEqual({ devices: 0, cases: 0 });
    }
    const found = await t
      .http()
      .get('/api/devices?q=foldmak&limit=50')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .expect(200);
    expect(found.body.items).toHaveLength(30);
    const cases = await t.http().get('/api/cases?q=fold/1').set('Authorization', t.auth(Role.ExhibitsOfficer)).expect(200);
    expect(cases.body.items).toHaveLength(1);
  });
});
