import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { auditEventsOf, caseDto, countRows, incidentCaseDto } from './factories/case.factory.js';
import { deviceDto } from './factories/device.factory.js';

// Issue 13, part 2: a device logged against the wrong case is moved (If-Match, reason, audited with
// both cases), and the FOI report counts it under its new case at once.
const TABLES = ['devices', 'audit_events'];
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe('moving a device to the right case', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const post = (path: string, body: object, role = Role.ExhibitsOfficer) =>
    t.http().post(path).set('Authorization', t.auth(role)).send(body);
  const newCase = async (body = caseDto()) => (await post('/api/cases', body).expect(201)).body;
  const newDevice = async (caseId: string, overrides = {}) =>
    (await post('/api/devices', deviceDto(caseId, overrides)).expect(201)).body;
  const move = (id: string, body: object, ifMatch: string | null = '"1"', role = Role.ExhibitsOfficer) => {
    const req = t.http().post(`/api/devices/${id}/move`).set('Authorization', t.auth(role));
    return (ifMatch === null ? req : req.set('If-Match', ifMatch)).send(body);
  };
  const report = async () =>
    (
      await t
        .http()
        .get('/api/foi/report?from=2025-01-01&to=2026-01-01&suppressBelow=0')
        .set('Authorization', t.auth(Role.Foi))
        .expect(200)
    ).body;

  it('moves it with If-Match and a reason; audited with both cases; Q2/Q3 count it under the new case', async () => {
    const wrong = await newCase(caseDto({ offenceSubgroup: 'DRUG_TRAFFICKING' }));
    const right = await newCase(incidentCaseDto());
    const device = await newDevice(wrong.id);
    const before = await report();

    const res = await move(device.id, { caseId: right.id, reason: 'Logged against the wrong case' }).expect(
      200,
    );
    const after = await report();

    expect(res.body).toMatchObject({ id: device.id, caseId: right.id, version: 2 });
    expect(res.headers.etag).toBe('"2"');
    const row = (r: { q2: { rows: Record<string, unknown>[] } }, key: string, value: string) =>
      r.q2.rows.find((x) => x[key] === value) ?? { devices: 0, cases: 0 };
    expect(row(before, 'offenceSubgroup', 'DRUG_TRAFFICKING')).toMatchObject({ devices: 1, cases: 1 });
    expect(row(after, 'offenceSubgroup', 'DRUG_TRAFFICKING')).toMatchObject({ devices: 0, cases: 0 });
    expect(row(after, 'incidentCategory', 'MISSING_PERSON')).toMatchObject({ devices: 1, cases: 1 });
    const audit = (await auditEventsOf(t.dataSource, device.id)).find((e) => e.action === 'device.move');
    const changes = JSON.parse(String(audit?.changes)) as Record<string, Record<string, unknown>>;
    expect(JSON.stringify(changes)).toContain(wrong.reference);
    expect(JSON.stringify(changes)).toContain(right.reference);
    expect(JSON.stringify(changes)).toContain('Logged against the wrong case');
  });

  it('Q3 follows the new case: progressed to court, awaiting its result', async () => {
    const wrong = await newCase();
    const right = await newCase(caseDto({ policeOutcome: '1' }));
    const device = await newDevice(wrong.id);
    const before = (await report()).q3;

    await move(device.id, { caseId: right.id, reason: 'Wrong case' }).expect(200);
    const after = (await report()).q3;

    expect(after.casesProgressedToCourt).toBe(before.casesProgressedToCourt + 1);
    const awaiting = (q3: { byCourtResult: { courtResult: string; cases: number }[] }) =>
      q3.byCourtResult.find((r) => r.courtResult === 'AWAITING_RESULT')?.cases;
    expect(awaiting(after)).toBe((awaiting(before) ?? 0) + 1);
  });

  it('refuses an exhibit reference taken in the target case (409 naming exhibitRef; JD/1 = JD/001)', async () => {
    const a = await newCase();
    const b = await newCase();
    const device = await newDevice(a.id, { exhibitRef: 'QX/1' });
    await newDevice(b.id, { exhibitRef: 'QX/001' });
    const before = await countRows(t.dataSource, TABLES);

    const res = await move(device.id, { caseId: b.id, reason: 'x' }).expect(409);

    expect(fieldsOf(res.body)).toEqual(['exhibitRef']);
    expect(await countRows(t.dataSource, TABLES)).toEqual(before);
  });

  it('refuses a voided target (422 naming caseId), an unknown case, the same case, a voided device', async () => {
    const a = await newCase();
    const voided = await newCase();
    const device = await newDevice(a.id);
    await post(`/api/cases/${voided.id}/void`, { reason: 'Entered in error' }).expect(200);
    const before = await countRows(t.dataSource, TABLES);

    const toVoided = await move(device.id, { caseId: voided.id, reason: 'x' }).expect(422);
    const unknown = await move(device.id, {
      caseId: '7b0c2f6e-2c1b-4a43-9d55-3f7c3a1f0e11',
      reason: 'x',
    }).expect(422);
    const same = await move(device.id, { caseId: a.id, reason: 'x' }).expect(422);
    expect(await countRows(t.dataSource, TABLES)).toEqual(before);

    expect(fieldsOf(toVoided.body)).toEqual(['caseId']);
    expect(fieldsOf(unknown.body)).toEqual(['caseId']);
    expect(fieldsOf(same.body)).toEqual(['caseId']);
    const gone = await newDevice(a.id);
    await post(`/api/devices/${gone.id}/void`, { reason: 'Entered in error' }).expect(200);
    await move(gone.id, { caseId: voided.id, reason: 'x' }, '"2"').expect(409);
  });

  it('needs If-Match (428), a current version (412), a reason (400), and the exhibits officer role', async () => {
    const a = await newCase();
    const b = await newCase();
    const device = await newDevice(a.id);
    const before = await countRows(t.dataSource, TABLES);

    await move(device.id, { caseId: b.id, reason: 'x' }, null).expect(428);
    await move(device.id, { caseId: b.id, reason: 'x' }, '"7"').expect(412);
    const noReason = await move(device.id, { caseId: b.id }).expect(400);
    const badCase = await move(device.id, { caseId: 'nope', reason: 'x' }).expect(400);
    await move(device.id, { caseId: b.id, reason: 'x' }, '"1"', Role.Lab).expect(403);
    await move(device.id, { caseId: b.id, reason: 'x' }, '"1"', Role.Foi).expect(403);

    expect(new Set(fieldsOf(noReason.body))).toEqual(new Set(['reason']));
    expect(fieldsOf(badCase.body)).toEqual(['caseId']);
    expect(await countRows(t.dataSource, TABLES)).toEqual(before);
  });
});
