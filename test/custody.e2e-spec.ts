import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { auditEventsOf, caseDto, countRows } from './factories/case.factory.js';
import { custodyEventDto, deviceDto } from './factories/device.factory.js';

const TABLES = ['custody_events', 'devices', 'audit_events'];
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe('custody events API', () => {
  let t: TestApp;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseId = (
      await t
        .http()
        .post('/api/cases')
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .send(caseDto())
        .expect(201)
    ).body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  // Seized 2025-03-01T10:15:00Z by PC 1234 (the factory default).
  const newDevice = async () =>
    (
      await t
        .http()
        .post('/api/devices')
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .send(deviceDto(caseId))
        .expect(201)
    ).body;
  const record = (deviceId: string, overrides: object = {}, role = Role.ExhibitsOfficer) =>
    t
      .http()
      .post(`/api/devices/${deviceId}/custody-events`)
      .set('Authorization', t.auth(role))
      .send(custodyEventDto(overrides as Record<string, unknown>));
  const events = async (deviceId: string) =>
    (
      await t
        .http()
        .get(`/api/devices/${deviceId}/custody-events`)
        .set('Authorization', t.auth(Role.Lab))
        .expect(200)
    ).body;
  const device = async (id: string) =>
    (await t.http().get(`/api/devices/${id}`).set('Authorization', t.auth(Role.Lab)).expect(200)).body;
  const counts = () => countRows(t.dataSource, TABLES);

  it('records a movement: the device follows it in the same transaction, both audited', async () => {
    const seized = await newDevice();
    const before = await counts();

    const res = await record(seized.id).expect(201);

    expect(res.body).toMatchObject({
      deviceId: seized.id,
      at: '2025-03-01T11:15:00.000Z',
      fromHolder: 'PC 1234',
      toHolder: 'Main property store',
      toStatus: 'IN_MAIN_STORE',
      sealNumber: 'SEAL-0001',
      sealIntact: true,
      recordedBy: t.userIds[Role.ExhibitsOfficer],
      createdBy: t.userIds[Role.ExhibitsOfficer],
    });
    expect(await device(seized.id)).toMatchObject({ custodyStatus: 'IN_MAIN_STORE', version: 2 });
    expect(await counts()).toEqual({
      ...before,
      custody_events: before.custody_events + 1,
      audit_events: before.audit_events + 2,
    });
    const [custody] = await auditEventsOf(t.dataSource, res.body.id);
    const deviceUpdate = (await auditEventsOf(t.dataSource, seized.id)).at(-1)!;
    expect([custody.action, custody.entity]).toEqual(['custody.record', 'custody_event']);
    expect([deviceUpdate.action, deviceUpdate.entity, deviceUpdate.seq]).toEqual([
      'device.update',
      'device',
      custody.seq + 1,
    ]);
    expect(JSON.parse(deviceUpdate.changes)).toMatchObject({
      before: { custodyStatus: 'SEIZED', version: 1 },
      after: { custodyStatus: 'IN_MAIN_STORE', version: 2 },
    });
  });

  it('defaults fromHolder to the previous holder and lists events in time order', async () => {
    const seized = await newDevice();
    await record(seized.id, {
      at: '2025-03-01T11:00:00Z',
      toHolder: 'Station store',
      toStatus: 'IN_TEMPORARY_STORE',
    }).expect(201);
    await record(seized.id, {
      at: '2025-03-02T09:00:00+01:00',
      toHolder: 'DFU',
      toStatus: 'SUBMITTED_TO_LAB',
    }).expect(201);
    await record(seized.id, {
      at: '2025-03-02T08:00:00Z',
      toHolder: 'Examiner 7',
      toStatus: 'UNDER_EXAMINATION',
      fromHolder: 'DFU desk',
    }).expect(201);

    const body = await events(seized.id);

    expect(body.total).toBe(3);
    expect(body.items.map((e: { at: string; fromHolder: string }) => [e.at, e.fromHolder])).toEqual([
      ['2025-03-01T11:00:00.000Z', 'PC 1234'],
      ['2025-03-02T08:00:00.000Z', 'Station store'],
      ['2025-03-02T08:00:00.000Z', 'DFU desk'],
    ]);
    expect((await device(seized.id)).custodyStatus).toBe('UNDER_EXAMINATION');
  });

  it('accepts an event at the seizure moment and one at the same moment as the latest', async () => {
    const seized = await newDevice();

    await record(seized.id, { at: '2025-03-01T10:15:00Z' }).expect(201);
    await record(seized.id, { at: '2025-03-01T10:15:00Z', toStatus: 'IN_TRANSIT' }).expect(201);

    expect((await device(seized.id)).custodyStatus).toBe('IN_TRANSIT');
  });

  const rejected: [string, object, number, string][] = [
    ['a time before the seizure', { at: '2025-03-01T10:14:59Z' }, 422, 'at'],
    ['a time in the future', { at: new Date(Date.now() + 180_000).toISOString() }, 422, 'at'],
    ['a time without offset', { at: '2025-03-01T11:15:00' }, 400, 'at'],
    ['a missing time', { at: undefined }, 400, 'at'],
    ['an unknown status', { toStatus: 'LOST' }, 400, 'toStatus'],
    ['a missing status', { toStatus: undefined }, 400, 'toStatus'],
    ['a missing holder', { toHolder: undefined }, 400, 'toHolder'],
    ['a blank holder', { toHolder: ' ' }, 400, 'toHolder'],
    ['a non-boolean seal flag', { sealIntact: 'yes' }, 400, 'sealIntact'],
    ['an unknown field', { deviceId: randomUUID() }, 400, 'deviceId'],
  ];

  it.each(rejected)(
    'rejects %s, naming the field and writing nothing',
    async (_name, overrides, status, field) => {
      const seized = await newDevice();
      const before = await counts();

      const res = await record(seized.id, overrides).expect(status);

      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(res.body)).toContain(field);
      expect(await counts()).toEqual(before);
      expect(await device(seized.id)).toMatchObject({ custodyStatus: 'SEIZED', version: 1 });
    },
  );

  it('rejects an event before the latest one, writing nothing', async () => {
    const seized = await newDevice();
    await record(seized.id, { at: '2025-03-05T10:00:00Z' }).expect(201);
    const before = await counts();

    const res = await record(seized.id, { at: '2025-03-04T10:00:00Z', toStatus: 'IN_TRANSIT' }).expect(422);

    expect(fieldsOf(res.body)).toEqual(['at']);
    expect(res.body.detail).toContain('latest custody event');
    expect(await counts()).toEqual(before);
    expect(await device(seized.id)).toMatchObject({ custodyStatus: 'IN_MAIN_STORE', version: 2 });
  });

  it('closes custody after destruction, but not after a return to the owner', async () => {
    const destroyed = await newDevice();
    const returned = await newDevice();
    await record(destroyed.id, { toStatus: 'DESTROYED', toHolder: 'Disposal contractor' }).expect(201);
    await record(returned.id, { toStatus: 'RETURNED_TO_OWNER', toHolder: 'Owner' }).expect(201);
    const before = await counts();

    const refused = await record(destroyed.id, {
      at: '2025-03-02T00:00:00Z',
      toStatus: 'IN_MAIN_STORE',
    }).expect(422);
    expect(await counts()).toEqual(before);

    await record(returned.id, { at: '2025-04-01T00:00:00Z', toStatus: 'SEIZED', toHolder: 'PC 99' }).expect(
      201,
    );
    expect(fieldsOf(refused.body)).toEqual(['toStatus']);
    expect((await device(returned.id)).custodyStatus).toBe('SEIZED');
  });

  it('refuses custody for a voided device (409) but still lists its events', async () => {
    const seized = await newDevice();
    await record(seized.id).expect(201);
    await t
      .http()
      .post(`/api/devices/${seized.id}/void`)
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send({ reason: 'Duplicate entry' })
      .expect(200);
    const before = await counts();

    const res = await record(seized.id, { at: '2025-03-03T00:00:00Z', toStatus: 'IN_TRANSIT' }).expect(409);

    expect(res.body.code).toBe('DEVICE_VOIDED');
    expect(await counts()).toEqual(before);
    expect((await events(seized.id)).total).toBe(1);
  });

  it('answers 404 for an unknown device and 400 for a non-UUID id', async () => {
    await record(randomUUID()).expect(404);
    await record('not-a-uuid').expect(400);
    await t
      .http()
      .get(`/api/devices/${randomUUID()}/custody-events`)
      .set('Authorization', t.auth(Role.Lab))
      .expect(404);
  });

  it('is append-only: no PATCH or DELETE of an event', async () => {
    const seized = await newDevice();
    const { body } = await record(seized.id).expect(201);
    const url = `/api/devices/${seized.id}/custody-events/${body.id}`;

    await t.http().patch(url).set('Authorization', t.auth(Role.Admin)).send({ toHolder: 'X' }).expect(404);
    await t.http().delete(url).set('Authorization', t.auth(Role.Admin)).expect(404);
    await t
      .http()
      .delete(`/api/devices/${seized.id}/custody-events`)
      .set('Authorization', t.auth(Role.Admin))
      .expect(404);

    expect((await events(seized.id)).items[0]).toEqual(body);
  });

  it('keeps the device in step with its latest event under concurrent movements', async () => {
    const seized = await newDevice();
    const moves = [
      'IN_TRANSIT',
      'IN_TEMPORARY_STORE',
      'IN_MAIN_STORE',
      'SUBMITTED_TO_LAB',
      'UNDER_EXAMINATION',
    ];

    const results = await Promise.all(
      moves.map((toStatus, i) => record(seized.id, { toStatus, at: `2025-03-0${i + 2}T10:00:00Z` })),
    );

    expect(results.every((r) => [201, 409, 422].includes(r.status))).toBe(true);
    const listed = await events(seized.id);
    expect(listed.total).toBe(results.filter((r) => r.status === 201).length);
    expect(await device(seized.id)).toMatchObject({
      custodyStatus: listed.items.at(-1).toStatus,
      version: 1 + listed.total,
    });
  });

  it('makes an ETag read before a movement stale', async () => {
    const seized = await newDevice();
    await record(seized.id).expect(201);

    await t
      .http()
      .patch(`/api/devices/${seized.id}`)
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .set('If-Match', '"1"')
      .send({ model: 'P110M' })
      .expect(412);
  });

  it('pages the events', async () => {
    const seized = await newDevice();
    await record(seized.id, { at: '2025-03-01T11:00:00Z' }).expect(201);
    await record(seized.id, { at: '2025-03-01T12:00:00Z', toStatus: 'IN_TRANSIT' }).expect(201);

    const res = await t
      .http()
      .get(`/api/devices/${seized.id}/custody-events?limit=1&offset=1`)
      .set('Authorization', t.auth(Role.Lab))
      .expect(200);

    expect(res.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(res.body.items[0].toStatus).toBe('IN_TRANSIT');
  });

  describe('roles', () => {
    const endpoints: [string, Role[], (auth?: string) => Promise<{ status: number }>][] = [
      [
        'POST /api/devices/:id/custody-events',
        [Role.ExhibitsOfficer, Role.Admin],
        async (auth) => {
          const { id } = await newDevice();
          const req = t.http().post(`/api/devices/${id}/custody-events`);
          return (auth ? req.set('Authorization', auth) : req).send(custodyEventDto());
        },
      ],
      [
        'GET /api/devices/:id/custody-events',
        [Role.ExhibitsOfficer, Role.Lab, Role.Admin],
        async (auth) => {
          const { id } = await newDevice();
          const req = t.http().get(`/api/devices/${id}/custody-events`);
          return auth ? req.set('Authorization', auth) : req;
        },
      ],
    ];

    it.each(endpoints)('%s: allowed roles 2xx, others 403, no token 401', async (_name, allowed, call) => {
      for (const role of Object.values(Role)) {
        const res = await call(t.auth(role));

        expect({ role, status: res.status }).toEqual({
          role,
          status: allowed.includes(role) ? expect.toSatisfy((s: number) => s >= 200 && s < 300) : 403,
        });
      }
      expect((await call()).status).toBe(401);
    });
  });
});
