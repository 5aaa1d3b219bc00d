import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FoiCountsCommand } from '../src/cli/foi-counts.command.js';
import { FoiCountsService } from '../src/foi-counts/foi-counts.service.js';
import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto, incidentCaseDto } from './factories/case.factory.js';
import { custodyEventDto, deviceDto } from './factories/device.factory.js';
import { binaryBody } from './factories/device-sheet.factory.js';
import { buildFoiFixture } from './factories/foi-fixture.js';

type Row = Record<string, string | number>;
const FY2023 = { period: 'financial-year', year: '2023', suppressBelow: '0' };

// GET /api/foi/counts on the FOI report's fixture (built through the API) and a few devices of its own.
// Runs on PostgreSQL too (TEST_DATABASE_URL).
describe('any count (GET /api/foi/counts)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await buildFoiFixture(t);
  }, 180_000);

  afterAll(async () => {
    await t.close();
  });

  const get = (query: Record<string, string | string[]>, role: Role = Role.Foi, path = '/api/foi/counts') =>
    t.http().get(path).query(query).set('Authorization', t.auth(role));
  const report = async (query: Record<string, string | string[]>) =>
    (await get(query, Role.Foi, '/api/foi/report').expect(200)).body;
  const counts = async (query: Record<string, string | string[]>) => (await get(query).expect(200)).body;
  const nonZero = (rows: Row[]) => rows.filter((r) => r.count !== 0);

  describe('the same numbers as the FOI report where they overlap', () => {
    it.each([['SMART_PLUG'], ['ALL']])('Q1: devices by month (%s)', async (deviceType) => {
      const r = await report({ ...FY2023, deviceType });
      const c = await counts({ ...FY2023, deviceType, measure: 'devices', by: 'month' });
      expect(c.rows.map((x: Row) => [x.month, x.count])).toEqual(
        r.q1.byMonth.map((m: Row) => [m.month, m.devices]),
      );
      expect(c.total).toBe(r.q1.total);
    });

    it('Q2: devices and distinct cases by offence sub-group, incident category and UNRECORDED', async () => {
      const r = await report({ ...FY2023, deviceType: 'SMART_PLUG' });
      const by = { ...FY2023, deviceType: 'SMART_PLUG', by: 'caseKind,offenceSubgroup,incidentCategory' };
      const devices = nonZero((await counts({ ...by, measure: 'devices' })).rows);
      const cases = nonZero((await counts({ ...by, measure: 'cases' })).rows);
      const label = (x: Row) =>
        x.caseKind === 'CRIME' && x.offenceSubgroup !== 'UNRECORDED'
          ? x.offenceSubgroup
          : x.caseKind === 'INCIDENT'
            ? x.incidentCategory
            : 'UNRECORDED';
      const fromReport = (key: 'devices' | 'cases') =>
        Object.fromEntries(
          r.q2.rows
            .filter((x: Row) => x[key] !== 0)
            .map((x: Row) => [
              x.kind === 'CRIME'
                ? x.offenceSubgroup
                : x.kind === 'INCIDENT'
                  ? x.incidentCategory
                  : 'UNRECORDED',
              x[key],
            ]),
        );
      const fromCounts = (rows: Row[]) => {
        const out: Record<string, number> = {};
        for (const x of rows) out[String(label(x))] = (out[String(label(x))] ?? 0) + Number(x.count);
        return out;
      };
      expect(fromCounts(devices)).toEqual(fromReport('devices'));
      expect(fromCounts(cases)).toEqual(fromReport('cases'));
    });

    it('Q3: distinct cases by progressed to court', async () => {
      const r = await report({ ...FY2023, deviceType: 'SMART_PLUG' });
      const c = await counts({
        ...FY2023,
        deviceType: 'SMART_PLUG',
        measure: 'cases',
        by: 'progressedToCourt',
      });
      const byCode = Object.fromEntries(c.rows.map((x: Row) => [x.progressedToCourt, x.count]));
      expect(byCode.YES).toBe(r.q3.casesProgressedToCourt);
      expect(c.total).toBe(r.q3.cases);
      expect(byCode.NO).toBe(r.q3.cases - r.q3.casesProgressedToCourt);
    });

    it('Q4: examinations started in the window by scope status', async () => {
      const r = await report({ ...FY2023, deviceType: 'SMART_PLUG' });
      const c = await counts({
        ...FY2023,
        deviceType: 'SMART_PLUG',
        measure: 'examinations',
        by: 'scopeStatusAtStart',
      });
      const fromCounts = Object.fromEntries(nonZero(c.rows).map((x: Row) => [x.scopeStatusAtStart, x.count]));
      const fromReport = Object.fromEntries(
        r.q4.examinationsByScopeStatus
          .filter((x: Row) => x.examinations !== 0)
          .map((x: Row) => [x.scopeStatus, x.examinations]),
      );
      expect(fromCounts).toEqual(fromReport);
      expect(c.total).toBe(r.q5.examinationsRecorded);
    });
  });

  describe('the table', () => {
    it('shows every combination, zeros too, with labels, margins and the grand total', async () => {
      const c = await counts({ ...FY2023, measure: 'devices', by: 'caseKind,quarter' });
      expect(c.rows).toHaveLength(2 * 4);
      expect(c.rows[0]).toEqual({
        caseKind: 'CRIME',
        caseKindLabel: 'Crime',
        quarter: '2023-Q2',
        quarterLabel: '2023 Q2 (April to June)',
        count: expect.any(Number),
      });
      expect(c.rows.some((x: Row) => x.count === 0)).toBe(true);
      const [byKind, byQuarter] = [
        c.totals.find((m: { by: string[] }) => m.by.join() === 'caseKind'),
        c.totals.find((m: { by: string[] }) => m.by.join() === 'quarter'),
      ];
      for (const kind of byKind.rows) {
        const sum = c.rows
          .filter((x: Row) => x.caseKind === kind.caseKind)
          .reduce((s: number, x: Row) => s + Number(x.count), 0);
        expect(kind.count).toBe(sum);
      }
      expect(byQuarter.rows.map((q: Row) => q.quarter)).toEqual(['2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1']);
      expect(c.total).toBe(c.rows.reduce((s: number, x: Row) => s + Number(x.count), 0));
      expect(c.meta).toMatchObject({
        measure: 'devices',
        dateBasis: 'seizedAt',
        from: '2023-04-01',
        to: '2024-04-01',
      });
      expect(c.meta.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(c.meta.definitions.map((d: { item: string }) => d.item)).toEqual(
        expect.arrayContaining(['Counted', 'Date', 'Split by', 'Filters', 'Small numbers', 'Fingerprint']),
      );
    });

    it('filters by any dimension (repeatable, UNRECORDED too) and keeps only the codes asked for', async () => {
      const all = await counts({ ...FY2023, by: 'offenceGroup' });
      const drug = all.rows.find((x: Row) => x.offenceGroup === 'DRUG').count;
      const unrecorded = all.rows.find((x: Row) => x.offenceGroup === 'UNRECORDED').count;
      const c = await counts({
        ...FY2023,
        by: 'offenceGroup',
        'filter[offenceGroup]': ['DRUG', 'UNRECORDED'],
      });
      expect(c.rows.map((x: Row) => [x.offenceGroup, x.count])).toEqual([
        ['DRUG', drug],
        ['UNRECORDED', unrecorded],
      ]);
      const q = await counts({ ...FY2023, 'filter[quarter]': '2023-Q2' });
      const months = await counts({ ...FY2023, by: 'month' });
      expect(q.total).toBe(months.rows.slice(0, 3).reduce((s: number, x: Row) => s + Number(x.count), 0));
    });

    it('gives the same fingerprint for the same question on the same data, another for another', async () => {
      const a = await counts({ ...FY2023, by: 'offenceGroup' });
      const b = await counts({ ...FY2023, by: 'offenceGroup' });
      const other = await counts({ ...FY2023, by: 'offenceGroup', measure: 'cases' });
      expect(a.meta.fingerprint).toBe(b.meta.fingerprint);
      expect(other.meta.fingerprint).not.toBe(a.meta.fingerprint);
    });

    it('suppresses across the table and answers only "fewer than N" for a small grand total', async () => {
      const c = await counts({
        period: 'financial-year',
        year: '2023',
        by: 'offenceGroup,quarter',
        suppressBelow: '3',
      });
      const cells = [...c.rows, ...c.totals.flatMap((m: { rows: Row[] }) => m.rows), { count: c.total }];
      const hidden = cells.filter((x: Row) => typeof x.count === 'string');
      // every hidden cell is listed with its reason; no 1 or 2 is published
      expect(hidden.length).toBeGreaterThan(0);
      expect(hidden).toHaveLength(c.meta.suppressedCells.length);
      for (const x of cells)
        if (typeof x.count === 'number') expect(x.count === 0 || x.count >= 3).toBe(true);
      expect(c.meta.definitions.find((d: { item: string }) => d.item === 'Small numbers').text).toContain(
        '<3',
      );

      const small = await counts({ ...FY2023, suppressBelow: '1000', by: 'offenceGroup' });
      expect(small).toMatchObject({ rows: [], totals: [], total: '<1000' });
      expect(small.meta.fewerThan).toBe(1000);
    });
  });

  describe('parameters', () => {
    const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

    it.each([
      [{ by: 'exhibitRef' }, ['by']],
      [{ by: 'reference' }, ['by']],
      [{ 'filter[seizureLocation]': 'x' }, ['filter[seizureLocation]']],
      [{ 'filter[offenceGroup]': 'NOPE' }, ['filter[offenceGroup]']],
      [{ by: 'offenceGroup,quarter,deviceType,month' }, ['by']],
      [{ measure: 'cases', by: 'deviceType' }, ['by']],
      [{ measure: 'devices', by: 'ageBand' }, ['by']],
      [{ measure: 'devices', dateBasis: 'startedAt' }, ['dateBasis']],
      [{ measure: 'examinations', dateBasis: 'seizedAt' }, ['dateBasis']],
      [{ measure: 'people' }, ['measure']],
      [{ methods: 'x' }, ['methods']],
      [{ scopeOn: '2024-01-01' }, ['scopeOn']],
      [{ deviceType: 'TOASTER' }, ['deviceType']],
    ])('%j is a 400 naming %j', async (query, expected) => {
      const res = await get({ period: 'calendar-year', year: '2023', ...query }).expect(400);
      expect(fields(res.body)).toEqual(expected);
    });

    it('needs a window like the report', async () => {
      const res = await get({ by: 'offenceGroup' }).expect(400);
      expect(fields(res.body)).toEqual(expect.arrayContaining(['from', 'to']));
    });

    it('is for the foi and admin roles only', async () => {
      await get({ ...FY2023 }, Role.Admin).expect(200);
      await get({ ...FY2023 }, Role.ExhibitsOfficer).expect(403);
      await get({ ...FY2023 }, Role.Lab, '/api/foi/counts.xlsx').expect(403);
      await get({}, Role.ExhibitsOfficer, '/api/foi/dimensions').expect(403);
    });
  });

  it('publishes the dimensions with labels and codes, never a record-level field', async () => {
    const res = await get({}, Role.Foi, '/api/foi/dimensions').expect(200);
    const names = res.body.dimensions.map((d: { name: string }) => d.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'deviceType',
        'deviceFamily',
        'policingArea',
        'custodyStatus',
        'ageBand',
        'financialYear',
        'scopeStatusAtStart',
      ]),
    );
    for (const banned of [
      'reference',
      'exhibitRef',
      'seizureLocation',
      'seizedBy',
      'macAddress',
      'methods',
      'toolsUsed',
    ]) {
      expect(names).not.toContain(banned);
    }
    const area = res.body.dimensions.find((d: { name: string }) => d.name === 'policingArea');
    expect(area.codes).toEqual(
      expect.arrayContaining([
        { code: 'CE', label: expect.any(String) },
        { code: 'UNRECORDED', label: 'Not recorded' },
      ]),
    );
    expect(res.body.measures.map((m: { name: string }) => m.name)).toEqual([
      'devices',
      'cases',
      'examinations',
    ]);
  });

  it('answers as a workbook with the table and the definitions', async () => {
    const res = await get({ ...FY2023, by: 'offenceGroup,quarter' }, Role.Foi, '/api/foi/counts.xlsx')
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(res.headers['content-disposition']).toContain(
      'foi-counts-devices-by-offenceGroup+quarter-2023-04-01-to-2024-03-31.xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Count', 'Definitions']);
    const text = JSON.stringify(workbook.getWorksheet('Count')!.getSheetValues());
    expect(text).toContain('Offence group');
    expect(text).toContain('Grand total');
  });

  describe('foi:counts (the command line)', () => {
    const run = async (options: Record<string, unknown>) => {
      const command = new FoiCountsCommand(t.app.get(FoiCountsService));
      const chunks: string[] = [];
      const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        chunks.push(String(chunk));
        return true;
      });
      try {
        await command.run([], options);
      } finally {
        write.mockRestore();
      }
      return chunks.join('');
    };

    it('writes the workbook the API serves, and JSON with filters', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'foi-counts-'));
      try {
        const out = join(dir, 'counts.xlsx');
        await run({
          measure: 'devices',
          by: 'offenceGroup,quarter',
          period: 'financial-year',
          year: '2023',
          suppressBelow: '0',
          out,
        });
        const fromCli = new ExcelJS.Workbook();
        await fromCli.xlsx.load(readFileSync(out) as never);
        const api = await counts({ ...FY2023, by: 'offenceGroup,quarter' });
        const values = JSON.stringify(fromCli.getWorksheet('Count')!.getSheetValues());
        expect(values).toContain(`"Grand total",${api.total}`);

        const json = JSON.parse(
          await run({
            by: 'offenceGroup',
            filter: ['offenceGroup=DRUG,UNRECORDED'],
            period: 'financial-year',
            year: '2023',
            suppressBelow: '0',
          }),
        );
        const apiFiltered = await counts({
          ...FY2023,
          by: 'offenceGroup',
          'filter[offenceGroup]': 'DRUG,UNRECORDED',
        });
        expect(json.rows).toEqual(apiFiltered.rows);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('names the bad option', async () => {
      await expect(run({ by: 'exhibitRef', period: 'calendar-year', year: '2023' })).rejects.toThrow(
        /--by: .*not a published dimension/,
      );
      await expect(run({ filter: ['seizedBy=PC1'], period: 'calendar-year', year: '2023' })).rejects.toThrow(
        /--filter seizedBy=/,
      );
    });
  });

  describe('policing area, custody on the last day and the age of the backlog', () => {
    it('bands the examinations awaiting at the end of the window by age, and gives their status then', async () => {
      const officer = t.auth(Role.ExhibitsOfficer);
      const lab = t.auth(Role.Lab);
      const caseId = (
        await t.http().post('/api/cases').set('Authorization', officer).send(caseDto()).expect(201)
      ).body.id;
      // window 2021-01-01 to 2022-01-01: its last day is 2021-12-31
      const exams: [string, string | null][] = [
        ['2021-12-02T10:00:00Z', null], // 29 days: under 30
        ['2021-12-01T10:00:00Z', null], // 30 days
        ['2021-01-05T10:00:00Z', null], // 360 days
        ['2021-06-01T10:00:00Z', '2021-07-01T10:00:00Z'], // completed within the window: not awaiting
        ['2021-06-02T10:00:00Z', '2022-02-01T10:00:00Z'], // completed after the window: awaiting then (212 days)
      ];
      for (const [requestedAt, completedAt] of exams) {
        const deviceId = (
          await t
            .http()
            .post('/api/devices')
            .set('Authorization', officer)
            .send(deviceDto(caseId, { deviceType: 'ROBOT_VACUUM', seizedAt: '2020-12-01T10:00:00Z' }))
            .expect(201)
        ).body.id;
        const exam = (
          await t
            .http()
            .post('/api/examinations')
            .set('Authorization', lab)
            .send({ deviceId, requestedAt, codeCompliance: 'NOT_ASSESSED' })
            .expect(201)
        ).body;
        if (completedAt) {
          const started = await t
            .http()
            .patch(`/api/examinations/${exam.id}`)
            .set('Authorization', lab)
            .set('If-Match', '"1"')
            .send({ status: 'IN_PROGRESS', startedAt: requestedAt })
            .expect(200);
          await t
            .http()
            .patch(`/api/examinations/${exam.id}`)
            .set('Authorization', lab)
            .set('If-Match', `"${started.body.version}"`)
            .send({ status: 'COMPLETED', completedAt })
            .expect(200);
        }
      }
      const window = {
        from: '2021-01-01',
        to: '2022-01-01',
        deviceType: 'ROBOT_VACUUM',
        suppressBelow: '0',
        measure: 'examinations',
        dateBasis: 'requestedAt',
      };
      const bands = await counts({ ...window, by: 'ageBand' });
      expect(Object.fromEntries(bands.rows.map((x: Row) => [x.ageBand, x.count]))).toEqual({
        UNDER_30: 1,
        DAYS_30_89: 1,
        DAYS_90_179: 0,
        DAYS_180_364: 2,
        DAYS_365_PLUS: 0,
        NOT_AWAITING: 1,
      });
      const status = await counts({ ...window, by: 'examinationStatus' });
      expect(Object.fromEntries(status.rows.map((x: Row) => [x.examinationStatus, x.count]))).toEqual({
        REQUESTED: 3,
        IN_PROGRESS: 1,
        COMPLETED: 1,
        CANCELLED: 0,
      });
    });

    it('counts policing areas with UNRECORDED, and custody as it stood at the end of the window', async () => {
      const officer = t.auth(Role.ExhibitsOfficer);
      const withArea = (
        await t
          .http()
          .post('/api/cases')
          .set('Authorization', officer)
          .send(caseDto({ policingArea: 'NW' }))
          .expect(201)
      ).body.id;
      const without = (
        await t.http().post('/api/cases').set('Authorization', officer).send(incidentCaseDto()).expect(201)
      ).body.id;
      const seize = async (caseId: string, seizedAt: string) =>
        (
          await t
            .http()
            .post('/api/devices')
            .set('Authorization', officer)
            .send(deviceDto(caseId, { seizedAt, deviceType: 'SMART_LOCK' }))
            .expect(201)
        ).body.id;
      const a = await seize(withArea, '2022-03-01T10:00:00Z');
      await seize(without, '2022-03-02T10:00:00Z');
      // booked into the store within the window, destroyed after it
      for (const [at, toStatus] of [
        ['2022-03-05T10:00:00Z', 'IN_MAIN_STORE'],
        ['2022-05-01T10:00:00Z', 'DESTROYED'],
      ]) {
        await t
          .http()
          .post(`/api/devices/${a}/custody-events`)
          .set('Authorization', officer)
          .send(custodyEventDto({ at, toStatus }))
          .expect(201);
      }
      const window = { from: '2022-03-01', to: '2022-04-01', deviceType: 'SMART_LOCK', suppressBelow: '0' };
      const areas = await counts({ ...window, by: 'policingArea' });
      const area = Object.fromEntries(nonZero(areas.rows).map((x: Row) => [x.policingArea, x.count]));
      expect(area).toEqual({ NW: 1, UNRECORDED: 1 });
      const custody = await counts({ ...window, by: 'custodyStatus' });
      expect(Object.fromEntries(nonZero(custody.rows).map((x: Row) => [x.custodyStatus, x.count]))).toEqual({
        IN_MAIN_STORE: 1,
        SEIZED: 1,
      });
    });
  });
});
