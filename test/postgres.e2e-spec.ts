import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto, uniqueCaseReference } from './factories/case.factory.js';
import { deviceDto } from './factories/device.factory.js';

// The behaviours that differ between database engines, checked on whichever one the suite runs on
// (SQLite by default; PostgreSQL when TEST_DATABASE_URL is set).
describe(`portable storage (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  const as = (role: Role) => ({ Authorization: t.auth(role) });

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers concurrent creates of one reference with one 201 and 409s, never a 500', async () => {
    const body = caseDto();

    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.http().post('/api/cases').set(as(Role.ExhibitsOfficer)).send(body)),
    );

    const statuses = results.map((r) => r.status).sort((a, b) => a - b);
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    const rows = await t.query('SELECT id FROM cases WHERE reference = ?', [body.reference]);
    expect(rows).toHaveLength(1);
  });

  it('keeps the audit chain intact under concurrent writes', async () => {
    const created = await t
      .http()
      .post('/api/cases')
      .set(as(Role.ExhibitsOfficer))
      .send(caseDto())
      .expect(201);

    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.http().post('/api/devices').set(as(Role.ExhibitsOfficer)).send(deviceDto(created.body.id)),
      ),
    );

    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    const verify = await t.http().get('/api/audit/verify').set(as(Role.Admin)).expect(200);
    expect(verify.body).toMatchObject({ intact: true });
  });

  it('stores booleans and reads them back as booleans', async () => {
    const c = await t.http().post('/api/cases').set(as(Role.ExhibitsOfficer)).send(caseDto()).expect(201);
    const body = deviceDto(c.body.id, { photographedInSitu: false, networkIsolated: null });

    const res = await t.http().post('/api/devices').set(as(Role.ExhibitsOfficer)).send(body).expect(201);
    const read = await t.http().get(`/api/devices/${res.body.id}`).set(as(Role.Lab)).expect(200);

    expect(read.body).toMatchObject({ photographedInSitu: false, networkIsolated: null });
    expect(c.body.progressedToCourt).toBe(false);
  });

  it('stores instants as 24-character UTC text that sorts as time', async () => {
    const c = await t.http().post('/api/cases').set(as(Role.ExhibitsOfficer)).send(caseDto()).expect(201);
    for (const seizedAt of [
      '2024-06-01T00:30:00+01:00',
      '2024-05-31T23:00:00Z',
      '2024-05-31T22:59:59.500-00:00',
    ]) {
      await t
        .http()
        .post('/api/devices')
        .set(as(Role.ExhibitsOfficer))
        .send(deviceDto(c.body.id, { seizedAt }));
    }

    const rows = await t.query<{ seizedAt: string }>(
      'SELECT "seizedAt" FROM devices WHERE "caseId" = ? ORDER BY "seizedAt"',
      [c.body.id],
    );

    expect(rows.map((r) => r.seizedAt)).toEqual([
      '2024-05-31T22:59:59.500Z',
      '2024-05-31T23:00:00.000Z',
      '2024-05-31T23:30:00.000Z',
    ]);
  });

  it('matches references regardless of letter case', async () => {
    const reference = uniqueCaseReference();
    await t.http().post('/api/cases').set(as(Role.ExhibitsOfficer)).send(caseDto({ reference })).expect(201);

    const found = await t
      .http()
      .get(`/api/cases?reference=${encodeURIComponent(reference.toLowerCase())}`)
      .set(as(Role.Lab))
      .expect(200);
    const clash = await t
      .http()
      .post('/api/cases')
      .set(as(Role.ExhibitsOfficer))
      .send(caseDto({ reference: reference.toLowerCase() }));

    expect(found.body.total).toBe(1);
    expect(clash.status).toBe(409);
  });
});
