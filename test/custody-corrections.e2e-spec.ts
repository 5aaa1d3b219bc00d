import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { auditEventsOf, caseDto, countRows } from './factories/case.factory.js';
import { custodyEventDto, deviceDto } from './factories/device.factory.js';
import { examinationDto } from './factories/examination.factory.js';

// Issue 13, parts 1 and 4: custody events are voided (never deleted), purposes are codes, disposal
// before a court result needs confirmation, and the lab books exhibits in and out.
const TABLES = ['custody_events', 'devices', 'audit_events'];
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe('custody corrections and the lab custody events', () => {
  let t: TestApp;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseId = (await post('/api/cases', caseDto()).expect(201)).body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  const post = (path: string, body: object, role = Role.ExhibitsOfficer) =>
    t.http().post(path).set('Authorization', t.auth(role)).send(body);
  const get = (path: string, role = Role.ExhibitsOfficer) =>
    t.http().get(path).set('Authorization', t.auth(role));
  const newDevice = async (inCase = caseId) =>
    (await post('/api/devices', deviceDto(inCase)).expect(201)).body;
  const record = (deviceId: string, overrides: object = {}, role = Role.ExhibitsOfficer) =>
    post(
      `/api/devices/${deviceId}/custody-events`,
      custodyEventDto(overrides as Record<string, unknown>),
      role,
    );
  const voidEvent = (
    deviceId: string,
    eventId: string,
    reason: unknown = 'Entered twice',
    role = Role.ExhibitsOfficer,
  ) => post(`/api/devices/${deviceId}/custody-events/${eventId}/void`, { reason }, role);

  describe('voiding an event entered in error', () => {
    it('keeps the event, marked; the device status and holder follow the remaining events; audited', async () => {
      const device = await newDevice();
      await record(device.id, {
        at: '2025-03-01T11:00:00Z',
        toHolder: 'Station store',
        toStatus: 'IN_TEMPORARY_STORE',
      }).expect(201);
      const wrong = (
        await record(device.id, {
          at: '2025-03-02T09:00:00Z',
          toHolder: 'Main store',
          toStatus: 'IN_MAIN_STORE',
        }).expect(201)
      ).body;

      const res = await voidEvent(device.id, wrong.id, 'Duplicate of the station booking').expect(200);
      const events = (await get(`/api/devices/${device.id}/custody-events`).expect(200)).body.items;
      const after = (await get(`/api/devices/${device.id}`).expect(200)).body;

      expect(res.body).toMatchObject({
        id: wrong.id,
        voidedBy: t.userIds[Role.ExhibitsOfficer],
        voidReason: 'Duplicate of the station booking',
        device: { custodyStatus: 'IN_TEMPORARY_STORE', custodyHolder: 'Station store' },
      });
      expect(res.body.voidedAt).toEqual(expect.any(String));
      expect(events.map((e: { id: string; voidedAt: string | null }) => [e.id, e.voidedAt !== null])).toEqual(
        [
          [events[0].id, false],
          [wrong.id, true],
        ],
      );
      expect(after.custodyStatus).toBe('IN_TEMPORARY_STORE');
      expect(after.version).toBe(res.body.device.version);
      const actions = (await auditEventsOf(t.dataSource, wrong.id)).map((e) => e.action);
      expect(actions).toEqual(['custody.record', 'custody.void']);
    });

    it('a voided DESTROYED no longer blocks; the next event is checked against the remaining ones', async () => {
      const device = await newDevice();
      const destroyed = (
        await record(device.id, {
          at: '2025-03-05T10:00:00Z',
          toHolder: 'Disposals',
          toStatus: 'DESTROYED',
          purpose: 'DISPOSAL',
        }).expect(201)
      ).body;
      await record(device.id, { at: '2025-03-06T10:00:00Z' }).expect(422);

      const res = await voidEvent(device.id, destroyed.id, 'Never destroyed: wrong exhibit').expect(200);
      // Earlier than the voided event is fine now: only the remaining events count.
      const next = await record(device.id, { at: '2025-03-03T10:00:00Z' }).expect(201);

      expect(res.body.device).toMatchObject({ custodyStatus: 'SEIZED', custodyHolder: 'PC 1234' });
      expect(next.body.fromHolder).toBe('PC 1234');
      expect((await get(`/api/devices/${device.id}`).expect(200)).body.custodyStatus).toBe('IN_MAIN_STORE');
    });

    it('refuses a second void (409), an unknown event (404), a blank reason (400) and writes nothing', async () => {
      const device = await newDevice();
      const event = (await record(device.id).expect(201)).body;
      await voidEvent(device.id, event.id).expect(200);
      const other = await newDevice();
      const before = await countRows(t.dataSource, TABLES);

      const twice = await voidEvent(device.id, event.id).expect(409);
      await voidEvent(other.id, event.id).expect(404);
      const blank = await voidEvent(device.id, event.id, ' ').expect(400);
      const badId = await voidEvent(device.id, 'nope').expect(400);

      expect(twice.body.detail).toContain('voided');
      expect(fieldsOf(blank.body)).toEqual(['reason']);
      expect(fieldsOf(badId.body)).toEqual(['eventId']);
      expect(await countRows(t.dataSource, TABLES)).toEqual(before);
    });

    it('is for the roles that write custody: not the FOI team', async () => {
      const device = await newDevice();
      const event = (await record(device.id).expect(201)).body;

      await voidEvent(device.id, event.id, 'x', Role.Foi).expect(403);
      await voidEvent(device.id, event.id, 'x', Role.Lab).expect(403);
    });
  });

  describe('purposes are codes from custody-purposes, with notes', () => {
    it('serves the list and stores a code with free-text notes', async () => {
      const list = (await get('/api/reference/custody-purposes').expect(200)).body;
      const device = await newDevice();

      const res = await record(device.id, { purpose: 'OTHER', notes: 'Shown to the defence expert' }).expect(
        201,
      );

      expect(JSON.stringify(list)).toContain('RECEIVED_BY_LAB');
      expect(res.body).toMatchObject({ purpose: 'OTHER', notes: 'Shown to the defence expert' });
    });

    it('refuses a purpose that is not a code, naming purpose, and writes nothing', async () => {
      const device = await newDevice();
      const before = await countRows(t.dataSource, TABLES);

      const res = await record(device.id, { purpose: 'Lab submission' }).expect(400);

      expect(fieldsOf(res.body)).toEqual(['purpose']);
      expect(await countRows(t.dataSource, TABLES)).toEqual(before);
    });
  });

  describe('disposal while the case awaits its court result', () => {
    it('needs confirmDisposal: true (422 saying why), and is recorded with it', async () => {
      const atCourt = (await post('/api/cases', caseDto({ policeOutcome: '1' })).expect(201)).body;
      const device = await newDevice(atCourt.id);
      const before = await countRows(t.dataSource, TABLES);

      const refused = await record(device.id, {
        toHolder: 'Disposals',
        toStatus: 'DESTROYED',
        purpose: 'DISPOSAL',
      }).expect(422);
      expect(await countRows(t.dataSource, TABLES)).toEqual(before);
      await record(device.id, {
        toHolder: 'Disposals',
        toStatus: 'SOLD_OR_RECYCLED',
        confirmDisposal: false,
      }).expect(422);
      await record(device.id, { toHolder: 'Disposals', toStatus: 'DESTROYED', confirmDisposal: true }).expect(
        201,
      );

      expect(fieldsOf(refused.body)).toEqual(['confirmDisposal']);
      expect(refused.body.detail).toContain('no final court result');
    });

    it('needs no confirmation once the court result is recorded, or when the case never went to court', async () => {
      const done = (
        await post(
          '/api/cases',
          caseDto({ policeOutcome: '1', courtStage: 'FINALISED', courtResult: 'GUILTY_PLEA' }),
        ).expect(201)
      ).body;
      const closed = await newDevice(done.id);
      const open = await newDevice();

      await record(closed.id, { toHolder: 'Disposals', toStatus: 'DESTROYED' }).expect(201);
      await record(open.id, { toHolder: 'Disposals', toStatus: 'DESTROYED' }).expect(201);
    });
  });

  describe('the lab books exhibits in and out', () => {
    it('records RECEIVED_BY_LAB and RETURNED_FROM_LAB, and nothing else (403 naming purpose)', async () => {
      const device = await newDevice();
      const lab = { toHolder: 'Digital forensic unit', toStatus: 'UNDER_EXAMINATION' };

      const received = await record(
        device.id,
        { ...lab, at: '2025-03-02T09:00:00Z', purpose: 'RECEIVED_BY_LAB' },
        Role.Lab,
      ).expect(201);
      const other = await record(
        device.id,
        { ...lab, at: '2025-03-02T10:00:00Z', purpose: 'TRANSFER' },
        Role.Lab,
      ).expect(403);
      const none = await record(
        device.id,
        { ...lab, at: '2025-03-02T10:00:00Z', purpose: undefined },
        Role.Lab,
      ).expect(403);
      await record(
        device.id,
        {
          at: '2025-03-03T09:00:00Z',
          toHolder: 'Main store',
          toStatus: 'IN_MAIN_STORE',
          purpose: 'RETURNED_FROM_LAB',
        },
        Role.Lab,
      ).expect(201);

      expect(received.body.createdBy).toBe(t.userIds[Role.Lab]);
      expect(fieldsOf(other.body)).toEqual(['purpose']);
      expect(fieldsOf(none.body)).toEqual(['purpose']);
    });

    it('an examination cannot start before the recorded receipt (422 naming both times)', async () => {
      const device = await newDevice();
      await record(
        device.id,
        {
          at: '2025-03-04T09:00:00Z',
          toHolder: 'Digital forensic unit',
          toStatus: 'SUBMITTED_TO_LAB',
          purpose: 'RECEIVED_BY_LAB',
        },
        Role.Lab,
      ).expect(201);
      const exam = (
        await post(
          '/api/examinations',
          examinationDto(device.id, { requestedAt: '2025-03-02T09:00:00Z' }),
          Role.Lab,
        ).expect(201)
      ).body;
      const patch = (body: object) =>
        t
          .http()
          .patch(`/api/examinations/${exam.id}`)
          .set('Authorization', t.auth(Role.Lab))
          .set('If-Match', '"1"')
          .send(body);

      const early = await patch({ status: 'IN_PROGRESS', startedAt: '2025-03-03T09:00:00Z' }).expect(422);
      await patch({ status: 'IN_PROGRESS', startedAt: '2025-03-04T09:30:00Z' }).expect(200);

      expect(fieldsOf(early.body)).toEqual(['startedAt']);
      expect(early.body.detail).toContain('2025-03-03T09:00:00.000Z');
      expect(early.body.detail).toContain('2025-03-04T09:00:00.000Z');
    });

    it('a voided receipt no longer holds the examination back', async () => {
      const device = await newDevice();
      const receipt = (
        await record(
          device.id,
          {
            at: '2025-03-04T09:00:00Z',
            toHolder: 'Digital forensic unit',
            toStatus: 'SUBMITTED_TO_LAB',
            purpose: 'RECEIVED_BY_LAB',
          },
          Role.Lab,
        ).expect(201)
      ).body;
      await voidEvent(device.id, receipt.id, 'Booked against the wrong exhibit', Role.Lab).expect(200);

      await post(
        '/api/examinations',
        examinationDto(device.id, {
          requestedAt: '2025-03-02T09:00:00Z',
          status: 'IN_PROGRESS',
          startedAt: '2025-03-03T09:00:00Z',
        }),
        Role.Lab,
      ).expect(201);
    });
  });
});
