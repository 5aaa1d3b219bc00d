import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto, countRows } from './factories/case.factory.js';
import { deviceDto } from './factories/device.factory.js';
import { examinationDto } from './factories/examination.factory.js';
import { scopeEntryDto } from './factories/scope-entry.factory.js';

describe('examinations', () => {
  let t: TestApp;
  let caseId: string;
  let plug: string;

  const SEIZED = '2023-12-01T10:00:00.000Z';

  async function createDevice(deviceType = 'SMART_PLUG'): Promise<string> {
    const res = await t
      .http()
      .post('/api/devices')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(deviceDto(caseId, { deviceType, seizedAt: SEIZED }))
      .expect(201);
    return res.body.id as string;
  }

  const counts = () => countRows(t, ['examinations', 'audit_events']);

  const post = (body: object, role = Role.Lab) =>
    t.http().post('/api/examinations').set('Authorization', t.auth(role)).send(body);

  const patch = (id: string, body: object, ifMatch?: string, role = Role.Lab) => {
    const req = t.http().patch(`/api/examinations/${id}`).set('Authorization', t.auth(role));
    return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(body);
  };

  const create = async (body: object) => (await post(body).expect(201)).body;

  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    t = await createTestApp();
    const created = await t
      .http()
      .post('/api/cases')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(caseDto())
      .expect(201);
    caseId = created.body.id;
    plug = await createDevice();
    const scope = [
      scopeEntryDto({
        deviceType: 'ALL_DIGITAL',
        status: 'ACCREDITED',
        scopeType: 'FLEXIBLE',
        effectiveFrom: '2020-01-01',
      }),
      scopeEntryDto({
        deviceType: 'SMART_PLUG',
        status: 'ACCREDITED',
        scopeType: 'FIXED',
        effectiveFrom: '2024-01-01',
      }),
      scopeEntryDto({ deviceType: 'SMART_PLUG', status: 'SUSPENDED_VOLUNTARY', effectiveFrom: '2024-03-01' }),
      scopeEntryDto({
        deviceType: 'SMART_PLUG',
        status: 'ACCREDITED',
        scopeType: 'FLEXIBLE',
        effectiveFrom: '2024-07-01',
      }),
      scopeEntryDto({ deviceType: 'SMART_LOCK', status: 'NOT_ACCREDITED', effectiveFrom: '2020-01-01' }),
    ];
    for (const entry of scope) {
      await t
        .http()
        .post('/api/accreditation/scope-entries')
        .set('Authorization', t.auth(Role.Lab))
        .send(entry)
        .expect(201);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  describe('recording an examination', () => {
    it('records a request with defaults, an ETag and an audit event', async () => {
      const before = await counts();

      const res = await post(
        examinationDto(plug, { methods: 'Chip-off', findingsSummary: 'Schedules found' }),
      ).expect(201);

      expect(res.body).toMatchObject({
        deviceId: plug,
        requestedAt: '2024-01-05T09:30:00.000Z',
        status: 'REQUESTED',
        startedAt: null,
        completedAt: null,
        cancelledAt: null,
        scopeStatusAtStart: null,
        scopeStartOverrideReason: null,
        scopeStatusAtCompletion: null,
        scopeCompletionOverrideReason: null,
        codeCompliance: 'NOT_ASSESSED',
        dataRecovered: null,
        methods: 'Chip-off',
        findingsSummary: 'Schedules found',
        version: 1,
        createdBy: t.userIds[Role.Lab],
      });
      expect(res.headers.etag).toBe('"1"');
      expect(await counts()).toEqual({
        examinations: before.examinations + 1,
        audit_events: before.audit_events + 1,
      });
      const events = await t.query<{ action: string; entity: string }>(
        'SELECT action, entity FROM audit_events WHERE "entityId" = ?',
        [res.body.id],
      );
      expect(events).toEqual([{ action: 'examination.create', entity: 'examination' }]);
    });

    it('records finished work after the fact, with the scope read on the completion date', async () => {
      const res = await post(
        examinationDto(plug, {
          status: 'COMPLETED',
          startedAt: '2024-01-10T10:00:00Z',
          completedAt: '2024-02-10T16:00:00+01:00',
          codeCompliance: 'COMPLIANT',
          dataRecovered: true,
        }),
        Role.Admin,
      ).expect(201);

      expect(res.body).toMatchObject({
        status: 'COMPLETED',
        completedAt: '2024-02-10T15:00:00.000Z',
        scopeStatusAtStart: 'IN_SCOPE_FIXED',
        scopeStatusAtCompletion: 'IN_SCOPE_FIXED',
        codeCompliance: 'COMPLIANT',
        dataRecovered: true,
      });
    });

    it.each([
      ['requestedAt', 400, { requestedAt: '2024-01-05T09:30:00' }],
      ['requestedAt', 400, { requestedAt: '2024-02-30T09:30:00Z' }],
      ['requestedAt', 422, { requestedAt: '2023-11-30T09:30:00Z' }],
      ['requestedAt', 422, { requestedAt: '2099-01-01T00:00:00Z' }],
      ['status', 400, { status: 'PAUSED' }],
      ['startedAt', 422, { startedAt: '2024-01-06T09:30:00Z' }],
      ['startedAt', 422, { status: 'COMPLETED', completedAt: '2024-01-06T09:30:00Z' }],
      ['startedAt', 422, { status: 'IN_PROGRESS', startedAt: '2024-01-04T09:30:00Z' }],
      [
        'completedAt',
        422,
        { status: 'COMPLETED', startedAt: '2024-01-06T00:00:00Z', completedAt: '2024-01-05T23:00:00Z' },
      ],
      ['cancelledAt', 422, { status: 'CANCELLED', cancelledAt: '2024-01-05T09:00:00Z' }],
      [
        'completedAt',
        422,
        { status: 'IN_PROGRESS', startedAt: '2024-01-06T00:00:00Z', completedAt: '2024-01-07T00:00:00Z' },
      ],
      ['scopeStatusAtStart', 422, { scopeStatusAtStart: 'IN_SCOPE_FIXED' }],
      ['scopeStatusAtStart', 400, { scopeStatusAtStart: 'SORT_OF', scopeStartOverrideReason: 'x' }],
      ['scopeStartOverrideReason', 422, { scopeStartOverrideReason: 'no status' }],
      ['scopeStatus', 400, { scopeStatus: 'IN_SCOPE_FIXED' }],
      ['codeCompliance', 422, { codeCompliance: 'MAYBE' }],
      ['dataRecovered', 400, { dataRecovered: 'yes' }],
      ['deviceId', 400, { deviceId: 'nope' }],
      ['deviceId', 422, { deviceId: '7b0c2f6e-2c1b-4a43-9d55-3f7c3a1f0e11' }],
      ['colour', 400, { colour: 'blue' }],
    ])('rejects a bad %s with %i naming it and writes nothing', async (field, status, overrides) => {
      const before = await counts();

      const res = await post({ ...examinationDto(plug), ...overrides }).expect(status);

      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fields(res.body)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('rejects an examination of a voided device with 422 naming deviceId', async () => {
      const voided = await createDevice();
      await t
        .http()
        .post(`/api/devices/${voided}/void`)
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .send({ reason: 'Duplicate entry' })
        .expect((res) => expect(res.status).toBeLessThan(300));
      const before = await counts();

      const res = await post(examinationDto(voided)).expect(422);

      expect(fields(res.body)).toEqual(['deviceId']);
      expect(res.body.code).toBe('DEVICE_VOIDED');
      expect(await counts()).toEqual(before);
    });

    it('needs deviceId and requestedAt', async () => {
      const res = await post({}).expect(400);

      expect(fields(res.body)).toEqual(expect.arrayContaining(['deviceId', 'requestedAt']));
    });
  });

  describe('scope status from the register', () => {
    it('is set when the examination starts and re-set on completion, from the register on each date', async () => {
      const exam = await create(examinationDto(plug));

      const started = await patch(
        exam.id,
        { status: 'IN_PROGRESS', startedAt: '2024-02-20T10:00:00Z' },
        '"1"',
      ).expect(200);
      const completed = await patch(
        exam.id,
        { status: 'COMPLETED', completedAt: '2024-03-04T10:00:00Z', dataRecovered: true },
        '"2"',
      ).expect(200);

      expect(started.body).toMatchObject({
        status: 'IN_PROGRESS',
        scopeStatusAtStart: 'IN_SCOPE_FIXED',
        version: 2,
      });
      expect(started.headers.etag).toBe('"2"');
      // Completion keeps the start's status and records its own.
      expect(completed.body).toMatchObject({
        status: 'COMPLETED',
        scopeStatusAtStart: 'IN_SCOPE_FIXED',
        scopeStatusAtCompletion: 'SCOPE_SUSPENDED',
        version: 3,
      });
    });

    it('reads the local (London) date of the instant: 23:30Z on 30 June 2024 is 1 July', async () => {
      const late = await create(
        examinationDto(plug, { status: 'IN_PROGRESS', startedAt: '2024-06-30T23:30:00Z' }),
      );
      const early = await create(
        examinationDto(plug, { status: 'IN_PROGRESS', startedAt: '2024-06-30T22:30:00Z' }),
      );

      expect(late.scopeStatusAtStart).toBe('IN_SCOPE_FLEXIBLE');
      expect(early.scopeStatusAtStart).toBe('SCOPE_SUSPENDED');
    });

    it('falls back to the ALL_DIGITAL row for a device type with no row of its own', async () => {
      const bulb = await createDevice('SMART_BULB');
      const plugBefore = await create(
        examinationDto(plug, {
          requestedAt: '2023-12-10T10:00:00Z',
          status: 'IN_PROGRESS',
          startedAt: '2023-12-20T10:00:00Z',
        }),
      );

      const exam = await create(
        examinationDto(bulb, { status: 'IN_PROGRESS', startedAt: '2024-03-10T10:00:00Z' }),
      );

      expect(exam.scopeStatusAtStart).toBe('IN_SCOPE_FLEXIBLE');
      expect(plugBefore.scopeStatusAtStart).toBe('IN_SCOPE_FLEXIBLE');
    });

    it('gives OUT_OF_SCOPE when the row in force does not allow claiming accreditation', async () => {
      const lock = await createDevice('SMART_LOCK');

      const exam = await create(
        examinationDto(lock, { status: 'IN_PROGRESS', startedAt: '2024-03-10T10:00:00Z' }),
      );

      expect(exam.scopeStatusAtStart).toBe('OUT_OF_SCOPE');
    });

    it('defaults startedAt to now when the examination starts without it', async () => {
      const exam = await create(examinationDto(plug));
      const before = Date.now();

      const res = await patch(exam.id, { status: 'IN_PROGRESS' }, '"1"').expect(200);

      expect(Date.parse(res.body.startedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(res.body.scopeStatusAtStart).toBe('IN_SCOPE_FLEXIBLE');
    });

    it('lets the lab override either end with a reason, naming it; an override stands until cleared', async () => {
      const exam = await create(
        examinationDto(plug, { status: 'IN_PROGRESS', startedAt: '2024-02-20T10:00:00Z' }),
      );

      const overridden = await patch(
        exam.id,
        {
          scopeStatusAtStart: 'OUT_OF_SCOPE',
          scopeStartOverrideReason: 'Firmware not covered by the validated method',
        },
        '"1"',
      ).expect(200);
      const early = await patch(
        exam.id,
        { scopeStatusAtCompletion: 'OUT_OF_SCOPE', scopeCompletionOverrideReason: 'not yet' },
        '"2"',
      ).expect(422);
      const completed = await patch(
        exam.id,
        { status: 'COMPLETED', completedAt: '2024-07-02T10:00:00Z' },
        '"2"',
      ).expect(200);
      const atCompletion = await patch(
        exam.id,
        {
          scopeStatusAtCompletion: 'SCOPE_SUSPENDED',
          scopeCompletionOverrideReason: 'Work finished under the suspension',
        },
        '"3"',
      ).expect(200);
      const cleared = await patch(exam.id, { scopeStartOverrideReason: null }, '"4"').expect(200);

      expect(overridden.body).toMatchObject({
        scopeStatusAtStart: 'OUT_OF_SCOPE',
        scopeStartOverrideReason: expect.any(String),
        scopeStatusAtCompletion: null,
      });
      expect(fields(early.body)).toEqual(['scopeStatusAtCompletion']);
      expect(completed.body).toMatchObject({
        scopeStatusAtStart: 'OUT_OF_SCOPE',
        scopeStatusAtCompletion: 'IN_SCOPE_FLEXIBLE',
      });
      expect(atCompletion.body).toMatchObject({
        scopeStatusAtStart: 'OUT_OF_SCOPE',
        scopeStatusAtCompletion: 'SCOPE_SUSPENDED',
        scopeCompletionOverrideReason: 'Work finished under the suspension',
      });
      expect(cleared.body).toMatchObject({
        scopeStatusAtStart: 'IN_SCOPE_FIXED',
        scopeStartOverrideReason: null,
        scopeStatusAtCompletion: 'SCOPE_SUSPENDED',
      });
    });

    it('rejects a client status without a reason on PATCH, naming the end, and writes nothing', async () => {
      const exam = await create(examinationDto(plug));
      const before = await counts();

      const res = await patch(exam.id, { scopeStatusAtStart: 'IN_SCOPE_FIXED' }, '"1"').expect(422);

      expect(fields(res.body)).toEqual(['scopeStatusAtStart']);
      expect(await counts()).toEqual(before);
    });
  });

  describe('updating', () => {
    it.each([
      ['IN_PROGRESS', 'REQUESTED'],
      ['COMPLETED', 'IN_PROGRESS'],
      ['COMPLETED', 'CANCELLED'],
      ['CANCELLED', 'IN_PROGRESS'],
      ['CANCELLED', 'REQUESTED'],
    ])('refuses %s → %s with 422 naming status and writes nothing', async (from, to) => {
      const times: Record<string, object> = {
        IN_PROGRESS: { startedAt: '2024-01-06T00:00:00Z' },
        COMPLETED: { startedAt: '2024-01-06T00:00:00Z', completedAt: '2024-01-07T00:00:00Z' },
        CANCELLED: { cancelledAt: '2024-01-06T00:00:00Z' },
      };
      const exam = await create(examinationDto(plug, { status: from as never, ...times[from] }));
      const before = await counts();

      const res = await patch(exam.id, { status: to }, '"1"').expect(422);

      expect(fields(res.body)).toEqual(['status']);
      expect(await counts()).toEqual(before);
    });

    it('cancels a started examination, keeping the scope status it had', async () => {
      const exam = await create(
        examinationDto(plug, { status: 'IN_PROGRESS', startedAt: '2024-02-20T10:00:00Z' }),
      );

      const res = await patch(
        exam.id,
        { status: 'CANCELLED', cancelledAt: '2024-03-20T10:00:00Z' },
        '"1"',
      ).expect(200);

      expect(res.body).toMatchObject({
        status: 'CANCELLED',
        scopeStatusAtStart: 'IN_SCOPE_FIXED',
        cancelledAt: '2024-03-20T10:00:00.000Z',
      });
    });

    it('rejects a time out of order on PATCH naming it, and null for a required field', async () => {
      const exam = await create(
        examinationDto(plug, { status: 'IN_PROGRESS', startedAt: '2024-02-20T10:00:00Z' }),
      );
      const before = await counts();

      const order = await patch(
        exam.id,
        { status: 'COMPLETED', completedAt: '2024-02-19T10:00:00Z' },
        '"1"',
      ).expect(422);
      const nulls = await patch(
        exam.id,
        { requestedAt: null, codeCompliance: null, status: null },
        '"1"',
      ).expect(400);

      expect(fields(order.body)).toEqual(['completedAt']);
      expect(fields(nulls.body)).toEqual(expect.arrayContaining(['requestedAt', 'codeCompliance', 'status']));
      expect(await counts()).toEqual(before);
    });

    it('needs If-Match (428), refuses a stale version (412) and writes nothing', async () => {
      const exam = await create(examinationDto(plug));
      await patch(exam.id, { dataRecovered: false }, '"1"').expect(200);
      const before = await counts();

      const missing = await patch(exam.id, { dataRecovered: true }).expect(428);
      const stale = await patch(exam.id, { dataRecovered: true }, '"1"').expect(412);

      expect(missing.headers['content-type']).toContain('application/problem+json');
      expect(stale.body.status).toBe(412);
      expect(await counts()).toEqual(before);
    });

    it('loses no update when two PATCHes race on the same version', async () => {
      const exam = await create(examinationDto(plug));

      const results = await Promise.all([
        patch(exam.id, { methods: 'first' }, '"1"'),
        patch(exam.id, { methods: 'second' }, '"1"'),
      ]);

      expect(results.map((r) => r.status).sort((a, b) => a - b)).toEqual([200, 412]);
      const after = await t.http().get(`/api/examinations/${exam.id}`).set('Authorization', t.auth(Role.Lab));
      expect(after.body.version).toBe(2);
      expect(after.body.methods).toBe(results.find((r) => r.status === 200)?.body.methods);
    });

    it('answers 404 for an unknown id and 400 for a bad one', async () => {
      await patch('7b0c2f6e-2c1b-4a43-9d55-3f7c3a1f0e11', { dataRecovered: true }, '"1"').expect(404);
      const bad = await patch('nope', { dataRecovered: true }, '"1"').expect(400);
      expect(fields(bad.body)).toEqual(['id']);
    });
  });

  describe('voiding', () => {
    it('voids with a reason and audit; readable, out of lists, not updatable; twice is 409', async () => {
      const device = await createDevice('SMART_PLUG');
      const exam = await create(examinationDto(device));
      const before = await counts();

      const res = await t
        .http()
        .post(`/api/examinations/${exam.id}/void`)
        .set('Authorization', t.auth(Role.Lab))
        .send({ reason: 'Recorded against the wrong exhibit' })
        .expect(200);

      expect(res.body).toMatchObject({
        voidReason: 'Recorded against the wrong exhibit',
        voidedBy: t.userIds[Role.Lab],
        version: 2,
      });
      expect(await counts()).toEqual({ ...before, audit_events: before.audit_events + 1 });
      const list = await t
        .http()
        .get(`/api/examinations?deviceId=${device}`)
        .set('Authorization', t.auth(Role.Lab));
      expect(list.body.total).toBe(0);
      const withVoided = await t
        .http()
        .get(`/api/examinations?deviceId=${device}&includeVoided=true`)
        .set('Authorization', t.auth(Role.Lab));
      expect(withVoided.body.total).toBe(1);
      await t.http().get(`/api/examinations/${exam.id}`).set('Authorization', t.auth(Role.Lab)).expect(200);
      const afterVoid = await counts();
      await patch(exam.id, { dataRecovered: true }, '"2"').expect(409);
      await t
        .http()
        .post(`/api/examinations/${exam.id}/void`)
        .set('Authorization', t.auth(Role.Lab))
        .send({ reason: 'again' })
        .expect(409);
      expect(await counts()).toEqual(afterVoid);
    });

    it('needs a reason', async () => {
      const exam = await create(examinationDto(plug));
      const before = await counts();

      const res = await t
        .http()
        .post(`/api/examinations/${exam.id}/void`)
        .set('Authorization', t.auth(Role.Lab))
        .send({})
        .expect(400);

      expect(new Set(fields(res.body))).toEqual(new Set(['reason']));
      expect(await counts()).toEqual(before);
    });
  });

  describe('restricted fields', () => {
    let examId: string;

    beforeAll(async () => {
      examId = (
        await create(examinationDto(plug, { methods: 'Tool X v2', findingsSummary: 'Timer schedule' }))
      ).id;
    });

    it('shows methods and findings to the lab and admin', async () => {
      for (const role of [Role.Lab, Role.Admin]) {
        const res = await t
          .http()
          .get(`/api/examinations/${examId}`)
          .set('Authorization', t.auth(role))
          .expect(200);
        expect(res.body).toMatchObject({ methods: 'Tool X v2', findingsSummary: 'Timer schedule' });
      }
    });

    it('omits them entirely for the exhibits officer, by id and in lists', async () => {
      const one = await t
        .http()
        .get(`/api/examinations/${examId}`)
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .expect(200);
      const list = await t
        .http()
        .get(`/api/examinations?deviceId=${plug}&limit=200`)
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .expect(200);

      expect(one.body).not.toHaveProperty('methods');
      expect(one.body).not.toHaveProperty('findingsSummary');
      expect(one.body.status).toBe('REQUESTED');
      expect(list.body.items.length).toBeGreaterThan(0);
      for (const item of list.body.items) {
        expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['methods']));
        expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['findingsSummary']));
      }
    });
  });

  describe('listing', () => {
    let device: string;

    beforeAll(async () => {
      device = await createDevice('SMART_PLUG');
      await create(examinationDto(device, { requestedAt: '2024-01-05T09:00:00Z' }));
      await create(
        examinationDto(device, {
          requestedAt: '2024-02-05T09:00:00Z',
          status: 'IN_PROGRESS',
          startedAt: '2024-02-06T09:00:00Z',
        }),
      );
      await create(examinationDto(device, { requestedAt: '2024-03-31T23:30:00Z' }));
    });

    const list = (query: string) =>
      t.http().get(`/api/examinations?deviceId=${device}&${query}`).set('Authorization', t.auth(Role.Lab));

    it('filters by device, status and scope status, newest request first', async () => {
      const all = await list('').expect(200);
      const started = await list('status=IN_PROGRESS').expect(200);
      const fixed = await list('scopeStatusAtStart=IN_SCOPE_FIXED').expect(200);

      expect(all.body.items.map((i: { requestedAt: string }) => i.requestedAt)).toEqual([
        '2024-03-31T23:30:00.000Z',
        '2024-02-05T09:00:00.000Z',
        '2024-01-05T09:00:00.000Z',
      ]);
      expect(started.body.total).toBe(1);
      expect(fixed.body.total).toBe(1);
    });

    it('filters by requested window: local dates (London midnight) or instants, `to` exclusive', async () => {
      const dates = await list('requestedFrom=2024-02-01&requestedTo=2024-04-01').expect(200);
      const instants = await list(
        'requestedFrom=2024-01-05T09:00:00Z&requestedTo=2024-02-05T09:00:00Z',
      ).expect(200);

      expect(dates.body.items.map((i: { requestedAt: string }) => i.requestedAt)).toEqual([
        '2024-02-05T09:00:00.000Z',
      ]);
      expect(instants.body.total).toBe(1);
    });

    it('rejects bad filters with 400 naming them', async () => {
      const res = await t
        .http()
        .get(
          '/api/examinations?deviceId=x&status=DONE&scopeStatusAtStart=NO&requestedFrom=2024-13-01&includeVoided=1&limit=500',
        )
        .set('Authorization', t.auth(Role.Lab))
        .expect(400);

      expect(fields(res.body)).toEqual(
        expect.arrayContaining([
          'deviceId',
          'status',
          'scopeStatusAtStart',
          'requestedFrom',
          'includeVoided',
          'limit',
        ]),
      );
    });
  });

  describe('roles', () => {
    let examId: string;

    beforeAll(async () => {
      examId = (await create(examinationDto(plug))).id;
    });

    const cases = (): [string, () => [string, string, object | undefined, Role[]]][] => [
      [
        'POST /api/examinations',
        () => ['post', '/api/examinations', examinationDto(plug), [Role.Lab, Role.Admin]],
      ],
      [
        'GET /api/examinations',
        () => ['get', '/api/examinations', undefined, [Role.Lab, Role.ExhibitsOfficer, Role.Admin]],
      ],
      [
        'GET /api/examinations/:id',
        () => ['get', `/api/examinations/${examId}`, undefined, [Role.Lab, Role.ExhibitsOfficer, Role.Admin]],
      ],
      [
        'PATCH /api/examinations/:id',
        () => ['patch', `/api/examinations/${examId}`, { dataRecovered: true }, [Role.Lab, Role.Admin]],
      ],
      [
        'POST /api/examinations/:id/void',
        () => ['post', `/api/examinations/${examId}/void`, { reason: 'r' }, [Role.Lab, Role.Admin]],
      ],
    ];

    it.each(cases())('%s: 401 without a token, 403 for other roles, nothing written', async (_name, spec) => {
      const [method, url, body, allowed] = spec();
      const call = (role?: Role) => {
        const base =
          method === 'get'
            ? t.http().get(url)
            : (method === 'patch' ? t.http().patch(url) : t.http().post(url)).send(body);
        const withMatch = method === 'patch' ? base.set('If-Match', '"1"') : base;
        return role ? withMatch.set('Authorization', t.auth(role)) : withMatch;
      };
      const before = await counts();

      await call().expect(401);
      for (const role of Object.values(Role).filter((r) => !allowed.includes(r))) {
        const res = await call(role).expect(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }

      expect(await counts()).toEqual(before);
      for (const role of allowed) {
        expect([200, 201, 409, 412]).toContain((await call(role)).status);
      }
    });
  });
});
