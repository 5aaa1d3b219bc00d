import { Role } from '../src/auth/role.enum.js';
import { CustodyCorrections1764560000000 } from '../src/database/migrations/1764560000000-CustodyCorrections.js';
import { ScopeAtBothEnds1764560100000 } from '../src/database/migrations/1764560100000-ScopeAtBothEnds.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto } from './factories/case.factory.js';
import { custodyEventDto, deviceDto } from './factories/device.factory.js';
import { examinationDto } from './factories/examination.factory.js';
import { scopeEntryDto } from './factories/scope-entry.factory.js';

// Issue 13, parts 5 and 8: an examination keeps its scope status at start and at completion; the FOI
// report counts the start; scopeType only where it means something; planned scope changes; Q3's
// "awaiting result" row; and the migration that brings existing rows along.
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const WINDOW = 'from=2025-01-01&to=2026-01-01&suppressBelow=0';

describe('scope status at both ends, planned scope changes, Q3 awaiting result', () => {
  let t: TestApp;
  let plug: { id: string };
  let caseId: string;

  const post = (path: string, body: object, role = Role.ExhibitsOfficer) =>
    t.http().post(path).set('Authorization', t.auth(role)).send(body);
  const get = (path: string, role = Role.Lab) => t.http().get(path).set('Authorization', t.auth(role));
  const scope = (body: object) => post('/api/accreditation/scope-entries', scopeEntryDto(body), Role.Lab);
  const report = async () => (await get(`/api/foi/report?${WINDOW}`, Role.Foi).expect(200)).body;
  const exam = async (overrides: object) =>
    (
      await post(
        '/api/examinations',
        examinationDto(plug.id, { requestedAt: '2025-03-02T09:00:00Z', ...overrides }),
        Role.Lab,
      ).expect(201)
    ).body;

  beforeAll(async () => {
    t = await createTestApp();
    caseId = (await post('/api/cases', caseDto({ policeOutcome: '1' })).expect(201)).body.id;
    plug = (await post('/api/devices', deviceDto(caseId)).expect(201)).body;
    await scope({ status: 'ACCREDITED', scopeType: 'FLEXIBLE', effectiveFrom: '2024-01-01' }).expect(201);
    await scope({ status: 'SUSPENDED_VOLUNTARY', scopeType: 'FLEXIBLE', effectiveFrom: '2025-03-10' }).expect(
      201,
    );
    await scope({ status: 'ACCREDITED', scopeType: 'FLEXIBLE', effectiveFrom: '2025-04-01' }).expect(201);
  });

  afterAll(async () => {
    await t.close();
  });

  it('an examination started in a suspension keeps SCOPE_SUSPENDED at start; the FOI report counts it so', async () => {
    const before = await report();
    const done = await exam({
      status: 'COMPLETED',
      startedAt: '2025-03-15T10:00:00Z',
      completedAt: '2025-04-10T10:00:00Z',
    });
    const after = await report();
    const count = (
      r: { q4: { examinationsByScopeStatus: { scopeStatus: string; examinations: number }[] } },
      s: string,
    ) => r.q4.examinationsByScopeStatus.find((e) => e.scopeStatus === s)?.examinations ?? 0;

    expect(done).toMatchObject({
      scopeStatusAtStart: 'SCOPE_SUSPENDED',
      scopeStatusAtCompletion: 'IN_SCOPE_FLEXIBLE',
    });
    expect(count(after, 'SCOPE_SUSPENDED') - count(before, 'SCOPE_SUSPENDED')).toBe(1);
    expect(count(after, 'IN_SCOPE_FLEXIBLE')).toBe(count(before, 'IN_SCOPE_FLEXIBLE'));
  });

  describe('scopeType', () => {
    it('is null for a status that is neither accredited nor suspended, and 400 naming it when sent', async () => {
      const before = (await t.query('SELECT COUNT(*) AS n FROM "scope_entries"'))[0];
      const sent = await scope({
        deviceType: 'SMART_LOCK',
        status: 'NOT_ACCREDITED',
        scopeType: 'FIXED',
        effectiveFrom: '2024-02-01',
      }).expect(400);
      expect((await t.query('SELECT COUNT(*) AS n FROM "scope_entries"'))[0]).toEqual(before);
      const none = await scope({
        deviceType: 'SMART_LOCK',
        status: 'APPLICATION_SUBMITTED',
        effectiveFrom: '2024-02-01',
      }).expect(201);
      const accredited = await scope({
        deviceType: 'SMART_LOCK',
        status: 'ACCREDITED',
        scopeType: undefined,
        effectiveFrom: '2024-06-01',
      }).expect(201);

      expect(fieldsOf(sent.body)).toEqual(['scopeType']);
      expect(none.body.scopeType).toBeNull();
      expect(accredited.body.scopeType).toBe('FIXED');
    });
  });

  describe('a planned scope change', () => {
    const next = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

    it('needs planned: true when dated after today (422 naming effectiveFrom)', async () => {
      const res = await scope({ deviceType: 'SMART_BULB', status: 'ACCREDITED', effectiveFrom: next }).expect(
        422,
      );
      const wrong = await scope({
        deviceType: 'SMART_BULB',
        status: 'ACCREDITED',
        effectiveFrom: '2024-01-01',
        planned: true,
      }).expect(422);

      expect(fieldsOf(res.body)).toEqual(['effectiveFrom']);
      expect(fieldsOf(wrong.body)).toEqual(['planned']);
    });

    it('is shown by /status as planned until its date, and is not yet in force', async () => {
      await scope({
        deviceType: 'SMART_BULB',
        status: 'APPLICATION_SUBMITTED',
        effectiveFrom: '2024-01-01',
      }).expect(201);
      await scope({
        deviceType: 'SMART_BULB',
        status: 'ACCREDITED',
        scopeType: 'FIXED',
        effectiveFrom: next,
        planned: true,
      }).expect(201);

      const today = (await get('/api/accreditation/status?deviceType=SMART_BULB').expect(200)).body;
      const then = (await get(`/api/accreditation/status?deviceType=SMART_BULB&on=${next}`).expect(200)).body;

      expect(today).toMatchObject({ status: 'APPLICATION_SUBMITTED', planned: false });
      expect(today.plannedChanges).toEqual([
        expect.objectContaining({ effectiveFrom: next, status: 'ACCREDITED', scopeStatus: 'IN_SCOPE_FIXED' }),
      ]);
      expect(then).toMatchObject({ status: 'ACCREDITED', planned: true, plannedChanges: [] });
    });
  });

  it('Q3 lists progressed cases awaiting a court result, so its rows sum to the cases progressed', async () => {
    const q3 = (await report()).q3;
    const sum = q3.byCourtResult.reduce((s: number, r: { cases: number }) => s + r.cases, 0);

    expect(q3.byCourtResult).toContainEqual(
      expect.objectContaining({ courtResult: 'AWAITING_RESULT', cases: 1 }),
    );
    expect(sum).toBe(q3.casesProgressedToCourt);

    const done = (
      await post(
        '/api/cases',
        caseDto({ policeOutcome: '1', courtStage: 'FINALISED', courtResult: 'GUILTY_PLEA' }),
      ).expect(201)
    ).body;
    await post('/api/devices', deviceDto(done.id)).expect(201);
    const later = (await report()).q3;
    expect(
      later.byCourtResult.map(({ courtResult, cases }: { courtResult: string; cases: number }) => ({
        courtResult,
        cases,
      })),
    ).toEqual([
      { courtResult: 'GUILTY_PLEA', cases: 1 },
      { courtResult: 'AWAITING_RESULT', cases: 1 },
    ]);
    expect(later.casesProgressedToCourt).toBe(2);
  });

  it('migrates existing rows: purposes mapped (unknown text kept as notes), scope statuses recomputed, overrides kept', async () => {
    const plain = await exam({
      status: 'COMPLETED',
      startedAt: '2025-03-15T10:00:00Z',
      completedAt: '2025-04-10T10:00:00Z',
    });
    const overridden = await exam({
      status: 'COMPLETED',
      startedAt: '2025-04-02T10:00:00Z',
      completedAt: '2025-04-03T10:00:00Z',
    });
    const device = (await post('/api/devices', deviceDto(caseId)).expect(201)).body;
    const e1 = (
      await post(
        `/api/devices/${device.id}/custody-events`,
        custodyEventDto({ at: '2025-03-01T11:00:00Z' }),
      ).expect(201)
    ).body;
    const e2 = (
      await post(
        `/api/devices/${device.id}/custody-events`,
        custodyEventDto({ at: '2025-03-01T12:00:00Z' }),
      ).expect(201)
    ).body;
    const lock = (
      await scope({ deviceType: 'SMART_SPEAKER', status: 'WITHDRAWN', effectiveFrom: '2023-01-01' }).expect(
        201,
      )
    ).body;

    // Back to the shape before this issue, with rows as the old code wrote them.
    const runner = t.dataSource.createQueryRunner();
    try {
      await new ScopeAtBothEnds1764560100000().down(runner);
      await new CustodyCorrections1764560000000().down(runner);
      await t.query(
        'UPDATE "examinations" SET "scopeStatus" = ?, "scopeOverrideReason" = NULL WHERE "id" = ?',
        ['IN_SCOPE_FLEXIBLE', plain.id],
      );
      await t.query('UPDATE "examinations" SET "scopeStatus" = ?, "scopeOverrideReason" = ? WHERE "id" = ?', [
        'OUT_OF_SCOPE',
        'Method not validated',
        overridden.id,
      ]);
      await t.query('UPDATE "custody_events" SET "purpose" = ? WHERE "id" = ?', ['Lab submission', e1.id]);
      await t.query('UPDATE "custody_events" SET "purpose" = ? WHERE "id" = ?', ['Shown to counsel', e2.id]);
      expect(
        (await t.query('SELECT "scopeType" FROM "scope_entries" WHERE "id" = ?', [lock.id]))[0].scopeType,
      ).toBe('FIXED');

      await new CustodyCorrections1764560000000().up(runner);
      await new ScopeAtBothEnds1764560100000().up(runner);
    } finally {
      await runner.release();
    }

    const read = async (id: string) => (await get(`/api/examinations/${id}`).expect(200)).body;
    expect(await read(plain.id)).toMatchObject({
      scopeStatusAtStart: 'SCOPE_SUSPENDED',
      scopeStartOverrideReason: null,
      scopeStatusAtCompletion: 'IN_SCOPE_FLEXIBLE',
      scopeCompletionOverrideReason: null,
    });
    expect(await read(overridden.id)).toMatchObject({
      scopeStatusAtStart: 'OUT_OF_SCOPE',
      scopeStartOverrideReason: 'Method not validated',
      scopeStatusAtCompletion: 'OUT_OF_SCOPE',
      scopeCompletionOverrideReason: 'Method not validated',
    });
    const events = (await get(`/api/devices/${device.id}/custody-events`).expect(200)).body.items;
    expect(events.map((e: { purpose: string; notes: string | null }) => [e.purpose, e.notes])).toEqual([
      ['SUBMIT_TO_LAB', null],
      ['OTHER', 'Shown to counsel'],
    ]);
    expect((await get(`/api/accreditation/scope-entries/${lock.id}`).expect(200)).body.scopeType).toBeNull();
    expect((await get('/api/reference/custody-purposes').expect(200)).body).toBeDefined();
  });
});
