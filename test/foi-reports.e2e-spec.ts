import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';

describe('FOI report API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const get = (query: Record<string, string | string[]>, role: Role = Role.Foi) =>
    t.http().get('/api/foi/report').query(query).set('Authorization', t.auth(role));

  describe('access', () => {
    it('answers the foi and admin roles', async () => {
      for (const role of [Role.Foi, Role.Admin]) {
        await get({ period: 'calendar-year', year: '2023' }, role).expect(200);
      }
    });

    it('forbids exhibits officers and the lab, for JSON and the workbook', async () => {
      for (const role of [Role.ExhibitsOfficer, Role.Lab]) {
        await get({ period: 'calendar-year', year: '2023' }, role).expect(403);
        await t
          .http()
          .get('/api/foi/report.xlsx')
          .query({ period: 'calendar-year', year: '2023' })
          .set('Authorization', t.auth(role))
          .expect(403);
      }
    });

    it('needs a token', async () => {
      await t.http().get('/api/foi/report').query({ period: 'calendar-year', year: '2023' }).expect(401);
      await t.http().get('/api/foi/report.xlsx').expect(401);
    });
  });

  describe('parameters', () => {
    const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

    it.each([
      [{ deviceType: 'TOASTER', from: '2023-01-01', to: '2024-01-01' }, ['deviceType']],
      [{ deviceType: ['ALL', 'SMART_PLUG'], from: '2023-01-01', to: '2024-01-01' }, ['deviceType']],
      [{ from: '2024-01-01', to: '2023-01-01' }, ['to']],
      [{ from: '2023-02-30', to: '2024-01-01' }, ['from']],
      [{ from: '2010-01-01', to: '2024-01-01' }, ['to']],
      [{ period: 'fortnight' }, ['period']],
      [{ period: 'financial-year' }, ['year']],
      [{ from: '2023-01-01' }, ['to']],
      [{ from: '2023-01-01', to: '2024-01-01', suppressBelow: 'five' }, ['suppressBelow']],
      [{ from: '2023-01-01', to: '2024-01-01', scopeOn: '2023-13-01' }, ['scopeOn']],
      [{ from: '2023-01-01', to: '2024-01-01', colour: 'red' }, ['colour']],
    ] as [Record<string, string | string[]>, string[]][])('rejects %j naming %j', async (query, fields) => {
      const res = await get(query).expect(400);

      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(fields));
    });

    it('names every bad parameter at once', async () => {
      const res = await get({
        deviceType: 'TOASTER',
        from: '2023-02-30',
        to: '2024-01-01',
        suppressBelow: '-1',
      });

      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['deviceType', 'from', 'suppressBelow']));
    });

    it('resolves a financial year to local midnights and defaults scopeOn to its last day', async () => {
      const res = await get({ period: 'financial-year', year: '2023' }).expect(200);

      expect(res.body.meta).toMatchObject({
        deviceTypes: ['SMART_PLUG'],
        from: '2023-04-01',
        to: '2024-04-01',
        start: '2023-03-31T23:00:00.000Z',
        end: '2024-03-31T23:00:00.000Z',
        scopeOn: '2024-03-31',
        timeZone: 'Europe/London',
        rulesVersion: 'foi-rules/1',
      });
      expect(res.body.q1.byMonth).toHaveLength(12);
      expect(res.body.q2.rows).toEqual([{ kind: 'UNRECORDED', devices: 0, cases: 0 }]);
    });
  });
});
