import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/role.enum.js';
import { Device } from '../src/devices/device.entity.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { auditEventsOf, caseDto, countRows } from './factories/case.factory.js';
import { custodyEventDto, deviceDto } from './factories/device.factory.js';
import { examinationDto } from './factories/examination.factory.js';

const TABLES = ['devices', 'cases', 'audit_events'];
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const ids = (body: { items: { id: string }[] }) => body.items.map((d) => d.id);

describe('devices API', () => {
  let t: TestApp;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseId = (await newCase()).id;
  });

  afterAll(async () => {
    await t.close();
  });

  const newCase = async () =>
    (
      await t
        .http()
        .post('/api/cases')
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .send(caseDto())
        .expect(201)
    ).body;
  const post = (body: object, role = Role.ExhibitsOfficer) =>
    t.http().post('/api/devices').set('Authorization', t.auth(role)).send(body);
  const create = async (overrides: object = {}, forCase = caseId) =>
    (await post(deviceDto(forCase, overrides)).expect(201)).body;
  const patch = (id: string, body: object, ifMatch?: string) => {
    const req = t.http().patch(`/api/devices/${id}`).set('Authorization', t.auth(Role.ExhibitsOfficer));
    return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(body);
  };
  const voidDevice = (id: string) =>
    t
      .http()
      .post(`/api/devices/${id}/void`)
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send({ reason: 'Logged against the wrong case' });
  const list = async (query: Record<string, string | string[]>, role = Role.Lab) =>
    (await t.http().get('/api/devices').query(query).set('Authorization', t.auth(role)).expect(200)).body;
  const counts = () => countRows(t.dataSource, TABLES);

  describe('creating', () => {
    it('logs a smart plug: normalised exhibit ref and MAC, UTC seizure time, SEIZED, audited, ETag', async () => {
      const before = await counts();

      const res = await post(
        deviceDto(caseId, {
          exhibitRef: ' ab/12 ',
          macAddress: 'a4-c1-38-0a-0b-0c',
          seizedAt: '2025-03-01T10:15:00+01:00',
        }),
      ).expect(201);

      expect(res.body).toMatchObject({
        caseId,
        exhibitRef: 'AB/12',
        deviceType: 'SMART_PLUG',
        macAddress: 'A4:C1:38:0A:0B:0C',
        seizedAt: '2025-03-01T09:15:00.000Z',
        custodyStatus: 'SEIZED',
        evidentialUse: 'UNKNOWN',
        powerStateAtSeizure: 'ON',
        photographedInSitu: true,
        version: 1,
      });
      expect(res.headers.etag).toBe('"1"');
      expect(await counts()).toEqual({
        ...before,
        devices: before.devices + 1,
        audit_events: before.audit_events + 1,
      });
      const audits = await auditEventsOf(t.dataSource, res.body.id);
      expect(audits.map((a) => [a.action, a.entity])).toEqual([['device.create', 'device']]);
    });

    it('defaults power state and evidential use to UNKNOWN and optional fields to null', async () => {
      const body = await create({
        powerStateAtSeizure: undefined,
        evidentialUse: undefined,
        make: undefined,
        macAddress: undefined,
      });

      expect(body).toMatchObject({
        powerStateAtSeizure: 'UNKNOWN',
        evidentialUse: 'UNKNOWN',
        make: null,
        macAddress: null,
      });
    });

    it.each(['aa:bb:cc:dd:ee:0f', 'AA-BB-CC-DD-EE-0F', 'aabb.ccdd.ee0f', 'aabbccddee0f'])(
      'stores the MAC address %s as AA:BB:CC:DD:EE:0F',
      async (macAddress) => {
        expect((await create({ macAddress })).macAddress).toBe('AA:BB:CC:DD:EE:0F');
      },
    );

    it('accepts a seizure time up to two minutes ahead of the server clock', async () => {
      await create({ seizedAt: new Date(Date.now() + 60_000).toISOString() });
    });

    const rejected: [string, object, number, string][] = [
      ['a missing case', { caseId: undefined }, 400, 'caseId'],
      ['a case id that is not a UUID', { caseId: 'case-1' }, 400, 'caseId'],
      ['an unknown case', { caseId: randomUUID() }, 422, 'caseId'],
      ['a missing exhibit reference', { exhibitRef: undefined }, 400, 'exhibitRef'],
      ['a malformed exhibit reference', { exhibitRef: 'A1-7' }, 400, 'exhibitRef'],
      ['an exhibit reference with five letters', { exhibitRef: 'ABCDE/1' }, 400, 'exhibitRef'],
      ['a missing device type', { deviceType: undefined }, 400, 'deviceType'],
      ['an unknown device type', { deviceType: 'TOASTER' }, 400, 'deviceType'],
      ['a malformed MAC address', { macAddress: 'aa:bb:cc:dd:ee' }, 400, 'macAddress'],
      ['a MAC address with mixed separators', { macAddress: 'aa:bb-cc:dd:ee:ff' }, 400, 'macAddress'],
      ['a missing seizure time', { seizedAt: undefined }, 400, 'seizedAt'],
      ['a seizure time without offset', { seizedAt: '2025-03-01T10:15:00' }, 400, 'seizedAt'],
      ['a seizure date without time', { seizedAt: '2025-03-01' }, 400, 'seizedAt'],
      ['an impossible seizure time', { seizedAt: '2025-02-30T10:00:00Z' }, 400, 'seizedAt'],
      [
        'a seizure time in the future',
        { seizedAt: new Date(Date.now() + 180_000).toISOString() },
        422,
        'seizedAt',
      ],
      ['a seizure time before 1990', { seizedAt: '1989-12-31T23:00:00Z' }, 422, 'seizedAt'],
      ['a missing seizing officer', { seizedBy: undefined }, 400, 'seizedBy'],
      ['a blank seizing officer', { seizedBy: '  ' }, 400, 'seizedBy'],
      ['an unknown power state', { powerStateAtSeizure: 'STANDBY' }, 400, 'powerStateAtSeizure'],
      ['an unknown evidential use', { evidentialUse: 'USED' }, 400, 'evidentialUse'],
      ['a custody status from the client', { custodyStatus: 'IN_MAIN_STORE' }, 400, 'custodyStatus'],
      ['a non-boolean photographed flag', { photographedInSitu: 'yes' }, 400, 'photographedInSitu'],
      ['an over-long location', { seizureLocation: 'x'.repeat(501) }, 400, 'seizureLocation'],
      ['an unknown field', { colour: 'white' }, 400, 'colour'],
    ];

    it.each(rejected)(
      'rejects %s, naming the field and writing nothing',
      async (_name, overrides, status, field) => {
        const before = await counts();

        const res = await post(deviceDto(caseId, overrides as object)).expect(status);

        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(fieldsOf(res.body)).toContain(field);
        expect(await counts()).toEqual(before);
      },
    );

    it('rejects a device for a voided case with 422 naming caseId', async () => {
      const voided = await newCase();
      await t
        .http()
        .post(`/api/cases/${voided.id}/void`)
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .send({ reason: 'Duplicate' })
        .expect(200);
      const before = await counts();

      const res = await post(deviceDto(voided.id)).expect(422);

      expect(fieldsOf(res.body)).toEqual(['caseId']);
      expect(await counts()).toEqual(before);
    });

    it('lets one of several concurrent devices with the same exhibit (AB/7 = ab/007) win', async () => {
      const own = (await newCase()).id;
      const refs = ['AB/7', 'ab/007', 'AB/07', 'ab/7', 'AB/0007'];

      const results = await Promise.all(refs.map((exhibitRef) => post(deviceDto(own, { exhibitRef }))));

      expect(results.map((r) => r.status).sort((a, b) => a - b)).toEqual([201, 409, 409, 409, 409]);
    });

    it('keeps exhibit references unique within a case (ABC/1 = abc/001), but not across cases', async () => {
      const otherCase = await newCase();
      await create({ exhibitRef: 'XY/1' });
      const before = await counts();

      const same = await post(deviceDto(caseId, { exhibitRef: 'XY/1' })).expect(409);
      const padded = await post(deviceDto(caseId, { exhibitRef: 'xy/001' })).expect(409);
      await post(deviceDto(caseId, { exhibitRef: 'XY/1/1' })).expect(201);
      await post(deviceDto(otherCase.id, { exhibitRef: 'XY/1' })).expect(201);

      expect(fieldsOf(same.body)).toEqual(['exhibitRef']);
      expect(padded.body.code).toBe('EXHIBIT_REF_TAKEN');
      expect((await counts()).devices).toBe(before.devices + 2);
    });
  });

  describe('reading', () => {
    it('reads a device by id with its ETag; 400 for a non-UUID, 404 for an unknown id', async () => {
      const created = await create();

      const res = await t
        .http()
        .get(`/api/devices/${created.id}`)
        .set('Authorization', t.auth(Role.Lab))
        .expect(200);
      await t.http().get('/api/devices/12').set('Authorization', t.auth(Role.Lab)).expect(400);
      await t.http().get(`/api/devices/${randomUUID()}`).set('Authorization', t.auth(Role.Lab)).expect(404);

      expect(res.body).toEqual(created);
      expect(res.headers.etag).toBe('"1"');
    });

    it('shows the personal fields to exhibits officers, the lab and admin', async () => {
      const created = await create();

      for (const role of [Role.ExhibitsOfficer, Role.Lab, Role.Admin]) {
        const res = await t
          .http()
          .get(`/api/devices/${created.id}`)
          .set('Authorization', t.auth(role))
          .expect(200);
        expect(res.body).toMatchObject({
          seizureLocation: '12 Example Street, Anytown',
          cloudAccountIdentifier: 'owner@example.com',
        });
      }
      await t.http().get(`/api/devices/${created.id}`).set('Authorization', t.auth(Role.Foi)).expect(403);
    });

    it('filters by case, device types, custody status, evidential use, seizure window and exhibit ref', async () => {
      const own = (await newCase()).id;
      const plug = await create({ exhibitRef: 'FL/1', seizedAt: '2024-01-10T00:00:00Z' }, own);
      const bulb = await create(
        {
          exhibitRef: 'FL/2',
          deviceType: 'SMART_BULB',
          seizedAt: '2024-02-10T00:00:00Z',
          evidentialUse: 'SERVED_EVIDENCE',
        },
        own,
      );
      const hub = await create(
        { exhibitRef: 'FL/3', deviceType: 'SMART_HUB', seizedAt: '2024-03-10T00:00:00Z' },
        own,
      );

      expect(ids(await list({ caseId: own }))).toEqual([hub.id, bulb.id, plug.id]);
      expect(ids(await list({ caseId: own, deviceType: 'SMART_PLUG' }))).toEqual([plug.id]);
      expect(ids(await list({ caseId: own, deviceType: ['SMART_PLUG', 'SMART_BULB'] }))).toEqual([
        bulb.id,
        plug.id,
      ]);
      expect(ids(await list({ caseId: own, evidentialUse: 'SERVED_EVIDENCE' }))).toEqual([bulb.id]);
      expect(ids(await list({ caseId: own, custodyStatus: 'SEIZED' }))).toHaveLength(3);
      expect(ids(await list({ caseId: own, custodyStatus: 'IN_MAIN_STORE' }))).toEqual([]);
      const window = { caseId: own, seizedFrom: '2024-02-10T00:00:00Z', seizedTo: '2024-03-10T00:00:00Z' };
      expect(ids(await list(window))).toEqual([bulb.id]);
      expect(ids(await list({ caseId: own, seizedFrom: '2024-02-10T01:00:00+01:00' }))).toEqual([
        hub.id,
        bulb.id,
      ]);
      expect(ids(await list({ caseId: own, exhibitRef: 'fl/3' }))).toEqual([hub.id]);
    });

    it.each([
      ['caseId=abc', 'caseId'],
      ['deviceType=TOASTER', 'deviceType'],
      ['custodyStatus=LOST', 'custodyStatus'],
      ['evidentialUse=USED', 'evidentialUse'],
      ['seizedFrom=2024-01-01', 'seizedFrom'],
      ['seizedTo=yesterday', 'seizedTo'],
      ['includeVoided=yes', 'includeVoided'],
      ['limit=201', 'limit'],
      ['shoeSize=9', 'shoeSize'],
    ])('rejects the filter %s with 400 naming it', async (query, field) => {
      const res = await t
        .http()
        .get(`/api/devices?${query}`)
        .set('Authorization', t.auth(Role.Lab))
        .expect(400);

      expect(fieldsOf(res.body)).toContain(field);
    });

    it('rejects a reversed seizure window with 422 naming seizedTo', async () => {
      const res = await t
        .http()
        .get('/api/devices?seizedFrom=2024-02-01T00:00:00Z&seizedTo=2024-01-01T00:00:00Z')
        .set('Authorization', t.auth(Role.Lab))
        .expect(422);

      expect(fieldsOf(res.body)).toEqual(['seizedTo']);
    });
  });

  describe('updating', () => {
    it('demands If-Match (428), refuses a stale one (412) and writes nothing', async () => {
      const created = await create();
      const before = await counts();

      await patch(created.id, { model: 'P100' }).expect(428);
      await patch(created.id, { model: 'P100' }, '"2"').expect(412);

      expect(await counts()).toEqual(before);
    });

    it('updates with the current ETag, normalising, bumping the version by one and auditing', async () => {
      const created = await create();
      const before = await counts();

      const res = await patch(
        created.id,
        { macAddress: 'aabb.ccdd.ee01', evidentialUse: 'SERVED_EVIDENCE', make: null },
        '"1"',
      ).expect(200);

      expect(res.body).toMatchObject({
        macAddress: 'AA:BB:CC:DD:EE:01',
        evidentialUse: 'SERVED_EVIDENCE',
        make: null,
        version: 2,
      });
      expect(res.headers.etag).toBe('"2"');
      expect(await counts()).toEqual({ ...before, audit_events: before.audit_events + 1 });
      const audit = (await auditEventsOf(t.dataSource, created.id)).at(-1)!;
      expect(audit.action).toBe('device.update');
      expect(JSON.parse(audit.changes).before).toMatchObject({ make: 'TP-Link', evidentialUse: 'UNKNOWN' });
    });

    it.each([
      ['the case', { caseId: randomUUID() }, 400, 'caseId'],
      ['the custody status', { custodyStatus: 'DESTROYED' }, 400, 'custodyStatus'],
      ['a cleared exhibit reference', { exhibitRef: null }, 400, 'exhibitRef'],
      ['a cleared seizure time', { seizedAt: null }, 400, 'seizedAt'],
      ['an unknown device type', { deviceType: 'TOASTER' }, 400, 'deviceType'],
      ['a bad MAC address', { macAddress: 'nope' }, 400, 'macAddress'],
      ['a future seizure', { seizedAt: '2999-01-01T00:00:00Z' }, 422, 'seizedAt'],
      ['an unknown field', { colour: 'white' }, 400, 'colour'],
    ])('refuses to change %s', async (_name, body, status, field) => {
      const created = await create();
      const before = await counts();

      const res = await patch(created.id, body, '"1"').expect(status);

      expect(fieldsOf(res.body)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('keeps a corrected exhibit reference unique within the case', async () => {
      const taken = await create();
      const created = await create();

      const res = await patch(created.id, { exhibitRef: taken.exhibitRef.toLowerCase() }, '"1"').expect(409);
      await patch(created.id, { exhibitRef: created.exhibitRef }, '"1"').expect(200);

      expect(fieldsOf(res.body)).toEqual(['exhibitRef']);
    });

    it('refuses a seizure time after the first custody event', async () => {
      const created = await create();
      await t
        .http()
        .post(`/api/devices/${created.id}/custody-events`)
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .send(custodyEventDto({ at: '2025-03-01T11:00:00Z' }))
        .expect(201);

      const res = await patch(created.id, { seizedAt: '2025-03-01T12:00:00Z' }, '"2"').expect(422);
      await patch(created.id, { seizedAt: '2025-03-01T10:59:00Z' }, '"2"').expect(200);

      expect(fieldsOf(res.body)).toEqual(['seizedAt']);
    });

    it('answers 404 for an unknown device', async () => {
      await patch(randomUUID(), { model: 'X' }, '"1"').expect(404);
    });

    describe('with examinations', () => {
      const examine = async (deviceId: string, overrides: object = {}) =>
        (
          await t
            .http()
            .post('/api/examinations')
            .set('Authorization', t.auth(Role.Lab))
            .send(examinationDto(deviceId, { requestedAt: '2025-03-02T09:00:00Z', ...overrides }))
            .expect(201)
        ).body;
      const voidExamination = (id: string) =>
        t
          .http()
          .post(`/api/examinations/${id}/void`)
          .set('Authorization', t.auth(Role.Lab))
          .send({ reason: 'Recorded against the wrong device' })
          .expect(200);
      const examCounts = () => countRows(t.dataSource, [...TABLES, 'examinations']);

      it('refuses a seizure time after an examination began, writing nothing', async () => {
        const created = await create();
        await examine(created.id, {
          status: 'COMPLETED',
          startedAt: '2025-03-03T09:00:00Z',
          completedAt: '2025-03-04T09:00:00Z',
        });
        const before = await examCounts();

        const res = await patch(created.id, { seizedAt: '2025-03-02T10:00:00Z' }, '"1"').expect(422);

        expect(fieldsOf(res.body)).toEqual(['seizedAt']);
        expect(await examCounts()).toEqual(before);
        await patch(created.id, { seizedAt: '2025-03-02T09:00:00Z' }, '"1"').expect(200);
      });

      it('refuses a seizure time after a cancelled examination was requested', async () => {
        const created = await create();
        await examine(created.id, { status: 'CANCELLED', cancelledAt: '2025-03-05T09:00:00Z' });

        const res = await patch(created.id, { seizedAt: '2025-03-06T00:00:00Z' }, '"1"').expect(422);

        expect(fieldsOf(res.body)).toEqual(['seizedAt']);
      });

      it('ignores voided examinations when the seizure time moves', async () => {
        const created = await create();
        const exam = await examine(created.id);
        await voidExamination(exam.id);

        await patch(created.id, { seizedAt: '2025-03-02T10:00:00Z' }, '"1"').expect(200);
      });

      it('refuses a new device type while examinations stand, and allows it once they are voided', async () => {
        const created = await create();
        const exam = await examine(created.id);
        const before = await examCounts();

        const res = await patch(created.id, { deviceType: 'IP_CAMERA' }, '"1"').expect(422);

        expect(fieldsOf(res.body)).toEqual(['deviceType']);
        expect(res.body.errors[0].message).toMatch(/void or re-record the examinations first/);
        expect(await examCounts()).toEqual(before);
        await patch(created.id, { deviceType: 'SMART_PLUG', model: 'P115' }, '"1"').expect(200);
        await voidExamination(exam.id);
        await patch(created.id, { deviceType: 'IP_CAMERA' }, '"2"').expect(200);
      });
    });
  });

  describe('voiding', () => {
    it('voids with a reason: gone from lists, still readable, audited, not changeable, not voidable twice', async () => {
      const created = await create();
      const before = await counts();

      const res = await voidDevice(created.id).expect(200);

      expect(res.body).toMatchObject({ voidReason: 'Logged against the wrong case', version: 2 });
      expect(await counts()).toEqual({ ...before, audit_events: before.audit_events + 1 });
      expect(ids(await list({ caseId, limit: '200' }))).not.toContain(created.id);
      expect(ids(await list({ caseId, includeVoided: 'true', limit: '200' }))).toContain(created.id);
      const [{ open, all }] = await t.query<{ open: number; all: number }>(
        `SELECT COUNT(*) FILTER (WHERE "voidedAt" IS NULL) AS open, COUNT(*) AS "all" FROM devices`,
      );
      expect((await list({ limit: '1' })).total).toBe(Number(open));
      expect((await list({ includeVoided: 'true', limit: '1' })).total).toBe(Number(all));
      expect((await list({ caseId, limit: '1' })).total).toBe(
        (await list({ caseId, limit: '200' })).items.length,
      );
      await t.http().get(`/api/devices/${created.id}`).set('Authorization', t.auth(Role.Lab)).expect(200);
      await patch(created.id, { model: 'X' }, '"2"').expect(409);
      await voidDevice(created.id).expect(409);
      await t
        .http()
        .post(`/api/devices/${created.id}/void`)
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .send({})
        .expect(400);
    });

    it('lets a case be voided only once its devices are voided', async () => {
      const own = (await newCase()).id;
      const device = await create({}, own);
      const voidCase = () =>
        t
          .http()
          .post(`/api/cases/${own}/void`)
          .set('Authorization', t.auth(Role.ExhibitsOfficer))
          .send({ reason: 'Error' });
      const before = await counts();

      const refused = await voidCase().expect(409);
      expect(refused.body.code).toBe('CASE_HAS_DEVICES');
      expect(await counts()).toEqual(before);

      await voidDevice(device.id).expect(200);
      await voidCase().expect(200);
    });
  });

  it('enforces the foreign key: a device row for a missing case cannot be inserted', async () => {
    const row = Object.assign(new Device(), {
      id: randomUUID(),
      caseId: randomUUID(),
      exhibitRef: 'FK/1',
      deviceType: 'SMART_PLUG',
      seizedAt: '2025-01-01T00:00:00.000Z',
      seizedBy: 'PC 1',
      createdAt: '2025-01-01T00:00:00.000Z',
      createdBy: randomUUID(),
      updatedAt: '2025-01-01T00:00:00.000Z',
      version: 1,
    });

    await expect(t.dataSource.getRepository(Device).insert(row)).rejects.toThrow(/FOREIGN KEY|foreign key/);
  });

  describe('roles', () => {
    const writers = [Role.ExhibitsOfficer, Role.Admin];
    const readers = [Role.ExhibitsOfficer, Role.Lab, Role.Admin];
    type Call = (auth?: string) => Promise<{ status: number }>;
    const withAuth = <R extends { set: (k: string, v: string) => R }>(req: R, auth?: string) =>
      auth ? req.set('Authorization', auth) : req;
    const endpoints: [string, Role[], () => Promise<Call>][] = [
      [
        'POST /api/devices',
        writers,
        async () => (auth) => withAuth(t.http().post('/api/devices'), auth).send(deviceDto(caseId)),
      ],
      ['GET /api/devices', readers, async () => (auth) => withAuth(t.http().get('/api/devices'), auth)],
      [
        'GET /api/devices/:id',
        readers,
        async () => {
          const { id } = await create();
          return (auth) => withAuth(t.http().get(`/api/devices/${id}`), auth);
        },
      ],
      [
        'PATCH /api/devices/:id',
        writers,
        async () => {
          const { id } = await create();
          return (auth) =>
            withAuth(t.http().patch(`/api/devices/${id}`), auth)
              .set('If-Match', '"1"')
              .send({ model: 'P105' });
        },
      ],
      [
        'POST /api/devices/:id/void',
        writers,
        async () => {
          const { id } = await create();
          return (auth) =>
            withAuth(t.http().post(`/api/devices/${id}/void`), auth).send({ reason: 'Duplicate' });
        },
      ],
    ];

    it.each(endpoints)('%s: allowed roles 2xx, others 403, no token 401', async (_name, allowed, arrange) => {
      for (const role of Object.values(Role)) {
        const call = await arrange();

        const res = await call(t.auth(role));

        expect({ role, status: res.status }).toEqual({
          role,
          status: allowed.includes(role) ? expect.toSatisfy((s: number) => s >= 200 && s < 300) : 403,
        });
      }
      const call = await arrange();
      expect((await call()).status).toBe(401);
    });
  });
});
