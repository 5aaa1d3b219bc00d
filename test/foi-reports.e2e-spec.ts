import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import {
  buildFoiFixture,
  EXPECTED_FY2023,
  FIXTURE_REFERENCES,
  type FoiFixture,
} from './factories/foi-fixture.js';

// The figures without the labels the JSON carries beside each code (the labels are checked on their own).
function withoutLabels<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutLabels) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !/Labels?$/.test(key))
      .map(([key, v]) => [key, withoutLabels(v)]),
  ) as T;
}

describe('FOI report API', () => {
  let t: TestApp;
  let fixture: FoiFixture;

  beforeAll(async () => {
    t = await createTestApp();
    fixture = await buildFoiFixture(t);
  }, 120_000);

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

    it('resolves a financial year to local midnights and answers Q4 on the response date (default today)', async () => {
      const res = await get({ period: 'financial-year', year: '2023' }).expect(200);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

      expect(res.body.meta).toMatchObject({
        deviceTypes: ['SMART_PLUG'],
        from: '2023-04-01',
        to: '2024-04-01',
        start: '2023-03-31T23:00:00.000Z',
        end: '2024-03-31T23:00:00.000Z',
        scopeOn: today,
        timeZone: 'Europe/London',
        rulesVersion: 'foi-rules/1',
        response: { requestReference: null, receivedOn: null, respondedOn: today },
      });
      expect(res.body.q1.byMonth).toHaveLength(12);
      expect(res.body.q4.atWindowEnd).toMatchObject({ on: '2024-03-31', status: 'SUSPENDED_VOLUNTARY' });
    });

    it("answers Q4 on respondedOn, with the status on the window's last day and the history within the window", async () => {
      const { body } = await get({
        period: 'financial-year',
        year: '2023',
        requestReference: 'FOI/2024/0099',
        receivedOn: '2024-04-02',
        respondedOn: '2024-04-26',
      }).expect(200);

      expect(body.meta).toMatchObject({
        scopeOn: '2024-04-26',
        response: { requestReference: 'FOI/2024/0099', receivedOn: '2024-04-02', respondedOn: '2024-04-26' },
      });
      expect(body.q4.atWindowEnd).toMatchObject({
        on: '2024-03-31',
        status: 'SUSPENDED_VOLUNTARY',
        statusLabel: 'Suspended (voluntary)',
        since: '2024-02-01',
      });
      // In force during FY2023: NOT_ACCREDITED (from 2022), ACCREDITED (Sep 2023), SUSPENDED (Feb 2024).
      expect(body.q4.historyInWindow.map((h: { status: string }) => h.status)).toEqual([
        'NOT_ACCREDITED',
        'ACCREDITED',
        'SUSPENDED_VOLUNTARY',
      ]);
    });

    it('suppresses by default (FOI_SUPPRESS_BELOW default 5); suppressBelow=0 turns it off', async () => {
      const on = (await get({ from: '2023-04-01', to: '2023-04-02' }).expect(200)).body;
      expect(on.meta.suppressBelow).toBe(5);
      expect(on.q1.total).toBe('<5');
      const off = (await get({ from: '2023-04-01', to: '2023-04-02', suppressBelow: '0' }).expect(200)).body;
      expect(off.meta.suppressBelow).toBe(0);
      expect(off.q1.total).toBe(2);
    });

    it('puts the label beside every code', async () => {
      const { body } = await get({ period: 'financial-year', year: '2023', suppressBelow: '0' }).expect(200);

      expect(body.q1.byDeviceType).toEqual([
        { deviceType: 'SMART_PLUG', deviceTypeLabel: 'Smart plug', devices: 9 },
      ]);
      expect(body.q2.rows).toContainEqual(
        expect.objectContaining({
          offenceGroup: 'DRUG',
          offenceSubgroup: 'DRUG_TRAFFICKING',
          offenceSubgroupLabel: 'Trafficking of drugs',
          kindLabel: 'Crime',
        }),
      );
      expect(body.q3.byCourtResult).toContainEqual(
        expect.objectContaining({ courtResult: 'GUILTY_PLEA', courtResultLabel: 'Convicted - guilty plea' }),
      );
      expect(body.q4.atWindowEnd).toMatchObject({
        status: 'SUSPENDED_VOLUNTARY',
        statusLabel: 'Suspended (voluntary)',
      });
      expect(body.meta.deviceTypeLabels).toEqual(['Smart plug']);
    });

    it.each([
      [{ period: 'financial-year', year: '2023', respondedOn: '2024-02-30' }, 'respondedOn'],
      [
        { period: 'financial-year', year: '2023', receivedOn: '2024-05-01', respondedOn: '2024-04-26' },
        'receivedOn',
      ],
      [{ period: 'financial-year', year: '2023', requestReference: '<script>' }, 'requestReference'],
    ] as [Record<string, string>, string][])('rejects %j naming %s', async (query, field) => {
      const res = await get(query);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
    });

    it('always lists UNRECORDED, even when it is 0', async () => {
      const res = await get({ period: 'calendar-year', year: '2020' }).expect(200);

      expect(res.body.q1.total).toBe(0);
      expect(withoutLabels(res.body.q2.rows)).toEqual([{ kind: 'UNRECORDED', devices: 0, cases: 0 }]);
    });
  });

  describe('figures (hand-counted fixture, smart plugs, financial year 2023)', () => {
    const fy2023 = { period: 'financial-year', year: '2023', suppressBelow: '0' };

    it('answers Q1 to Q5 and the backlog', async () => {
      const { body } = await get(fy2023).expect(200);

      expect(body.q1.total).toBe(EXPECTED_FY2023.q1.total);
      expect(withoutLabels(body.q1.byDeviceType)).toEqual([{ deviceType: 'SMART_PLUG', devices: 9 }]);
      const months = Object.fromEntries(
        (body.q1.byMonth as { month: string; devices: number }[]).map((m) => [m.month, m.devices]),
      );
      expect(months).toEqual({
        ...Object.fromEntries(Object.keys(months).map((m) => [m, 0])),
        ...EXPECTED_FY2023.q1.byMonth,
      });
      expect(Object.keys(months)[0]).toBe('2023-04');
      expect(withoutLabels(body.q2.rows)).toEqual(EXPECTED_FY2023.q2);
      expect(withoutLabels(body.q3)).toEqual(EXPECTED_FY2023.q3);
      expect(withoutLabels(body.q4)).toMatchObject({
        status: 'SUSPENDED_VOLUNTARY',
        scopeType: 'FLEXIBLE',
        scheduleReference: '0042',
        since: '2024-02-01',
        history: EXPECTED_FY2023.history,
        examinationsByScopeStatus: EXPECTED_FY2023.examinationsByScopeStatus,
      });
      expect(body.q5).toEqual(EXPECTED_FY2023.q5);
      expect(body.backlog).toEqual(EXPECTED_FY2023.backlog);
      expect(body.meta).toMatchObject({ suppressBelow: 0, suppressedCells: [] });
      // Q4 is answered today (the fixture's last scope row is still in force) and on the window's last day.
      expect(body.q4.atWindowEnd).toMatchObject({
        on: '2024-03-31',
        status: 'SUSPENDED_VOLUNTARY',
        since: '2024-02-01',
      });
    });

    it('reads the scope status in force on scopeOn', async () => {
      const on = async (scopeOn: string) =>
        withoutLabels((await get({ ...fy2023, scopeOn }).expect(200)).body.q4);

      expect(await on('2023-10-15')).toMatchObject({
        status: 'ACCREDITED',
        scopeType: 'FLEXIBLE',
        scheduleReference: '0042',
        since: '2023-09-01',
      });
      expect(await on('2023-08-31')).toMatchObject({ status: 'NOT_ACCREDITED', since: '2022-01-01' });
      expect(await on('2024-02-01')).toMatchObject({ status: 'SUSPENDED_VOLUNTARY', since: '2024-02-01' });
    });

    it('counts from local midnight (in) to local midnight (out) across the clock change', async () => {
      // A1 00:30 BST and B3 00:00 BST on 1 April 2023 are in; B2 23:59:59 BST on 31 March is not.
      const first = await get({ from: '2023-04-01', to: '2023-04-02', suppressBelow: '0' }).expect(200);
      expect(first.body.q1.total).toBe(2);
      expect(first.body.meta).toMatchObject({
        start: '2023-03-31T23:00:00.000Z',
        end: '2023-04-01T23:00:00.000Z',
      });
      const before = await get({ from: '2023-03-31', to: '2023-04-01', suppressBelow: '0' }).expect(200);
      expect(before.body.q1.total).toBe(1);
      // D1 23:59 BST on 31 March 2024 is in; D2 00:00 BST on 1 April 2024 is the next window's.
      const last = await get({ from: '2024-03-31', to: '2024-04-01', suppressBelow: '0' }).expect(200);
      expect(last.body.q1.total).toBe(1);
      const next = await get({ from: '2024-04-01', to: '2024-04-02', suppressBelow: '0' }).expect(200);
      expect(next.body.q1.total).toBe(1);
    });

    it('counts other device types only when asked, and a case with two counted devices once', async () => {
      const camera = (await get({ ...fy2023, deviceType: 'IP_CAMERA' }).expect(200)).body;
      expect(camera.q1.total).toBe(1);
      expect(camera.q4).toMatchObject({ status: 'ACCREDITED', scopeType: 'FIXED', since: '2020-01-01' });
      expect(withoutLabels(camera.q4.examinationsByScopeStatus)).toContainEqual({
        scopeStatus: 'IN_SCOPE_FIXED',
        examinations: 1,
      });

      const both = (await get({ ...fy2023, deviceType: ['SMART_PLUG', 'IP_CAMERA'] }).expect(200)).body;
      expect(withoutLabels(both.q1.byDeviceType)).toEqual([
        { deviceType: 'SMART_PLUG', devices: 9 },
        { deviceType: 'IP_CAMERA', devices: 1 },
      ]);
      expect(both.q3).toMatchObject({
        cases: 6,
        devicesServedAsEvidence: 4,
        casesWithDeviceDataServedAsEvidence: 2,
      });
      expect(both.q4.status).toBe('SUSPENDED_VOLUNTARY');
      expect(
        both.q4.byDeviceType.map((s: { deviceType: string; status: string }) => [s.deviceType, s.status]),
      ).toEqual([
        ['SMART_PLUG', 'SUSPENDED_VOLUNTARY'],
        ['IP_CAMERA', 'ACCREDITED'],
      ]);
      expect(both.q5.examinationsRecorded).toBe(7);

      const all = (await get({ ...fy2023, deviceType: 'ALL' }).expect(200)).body;
      expect(all.meta.deviceTypes).toEqual(['ALL']);
      expect(all.q1.total).toBe(10);
      expect(all.q3.cases).toBe(6);
    });

    it('suppresses small counts with a secondary cell where a total would give them away', async () => {
      const { body } = await get({ ...fy2023, suppressBelow: '2' }).expect(200);

      expect(withoutLabels(body.q2.rows)).toContainEqual({
        ...EXPECTED_FY2023.q2[0],
        devices: '<2',
        cases: '<2',
      });
      const drugs = body.q2.rows.find(
        (r: { offenceSubgroup?: string }) => r.offenceSubgroup === 'DRUG_TRAFFICKING',
      );
      expect(drugs.devices).toBe('[c]');
      expect(body.meta.suppressedCells).toContainEqual({
        question: 'Q2',
        row: 'DRUG / DRUG_TRAFFICKING',
        column: 'devices',
        reason: 'secondary',
      });
    });

    it('releases no record-level data: no references, ids, locations or methods', async () => {
      const text = JSON.stringify((await get({ ...fy2023, deviceType: 'ALL' }).expect(200)).body);

      for (const secret of [
        ...fixture.caseReferences,
        ...fixture.exhibitRefs,
        ...Object.values(fixture.ids),
        FIXTURE_REFERENCES.methods,
        FIXTURE_REFERENCES.findings,
        FIXTURE_REFERENCES.location,
        FIXTURE_REFERENCES.account,
        FIXTURE_REFERENCES.serial,
        'PC 1234',
      ]) {
        expect(text).not.toContain(secret);
      }
    });

    it('gives the same fingerprint for the same data, and a new one when a counted record changes', async () => {
      const fingerprint = async () => (await get(fy2023).expect(200)).body.meta.fingerprint as string;
      const first = await fingerprint();
      expect(await fingerprint()).toBe(first);

      await patchDevice(fixture.ids.C2, { make: 'Other make' });
      expect(await fingerprint()).toBe(first);

      await patchDevice(fixture.ids.A3, { evidentialUse: 'NOT_RELEVANT' });
      expect(await fingerprint()).not.toBe(first);
    });
  });

  async function patchDevice(id: string, body: object): Promise<void> {
    const current = await t
      .http()
      .get(`/api/devices/${id}`)
      .set('Authorization', t.auth(Role.Admin))
      .expect(200);
    await t
      .http()
      .patch(`/api/devices/${id}`)
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .set('If-Match', `"${current.body.version}"`)
      .send(body)
      .expect(200);
  }
});
