import { randomUUID } from 'node:crypto';
import { ScopeEntry } from '../src/accreditation/scope-entry.entity.js';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { scopeEntryDto } from './factories/scope-entry.factory.js';

describe('accreditation scope register', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const counts = async () => ({
    entries: Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM scope_entries'))[0].n),
    audit: Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_events'))[0].n),
  });

  const post = (body: object, role = Role.Lab) =>
    t.http().post('/api/accreditation/scope-entries').set('Authorization', t.auth(role)).send(body);

  const status = (query: string, role = Role.Lab) =>
    t.http().get(`/api/accreditation/status?${query}`).set('Authorization', t.auth(role));

  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  describe('recording a scope change', () => {
    it('records a row with defaults, an ETag and an audit event', async () => {
      const before = await counts();

      const res = await post(scopeEntryDto({ deviceType: 'SMART_BULB', effectiveFrom: '2022-01-10' })).expect(
        201,
      );

      expect(res.body).toMatchObject({
        deviceType: 'SMART_BULB',
        activity: null,
        standard: 'ISO/IEC 17025:2017',
        accreditationBody: 'UKAS',
        scheduleReference: '7737',
        fsaCode: 'DIG 100',
        scopeType: 'FIXED',
        status: 'ACCREDITED',
        effectiveFrom: '2022-01-10',
        version: 1,
        voidedAt: null,
        createdBy: t.userIds[Role.Lab],
      });
      expect(res.headers.etag).toBe('"1"');
      expect(await counts()).toEqual({ entries: before.entries + 1, audit: before.audit + 1 });
      const events = await t.dataSource.getRepository(AuditEvent).findBy({ entityId: res.body.id });
      expect(events).toEqual([
        expect.objectContaining({
          action: 'scope.create',
          entity: 'scope_entry',
          actorId: t.userIds[Role.Lab],
        }),
      ]);
    });

    it('accepts ALL_DIGITAL and an activity line', async () => {
      const res = await post(
        scopeEntryDto({ deviceType: 'ALL_DIGITAL', activity: 'extraction', effectiveFrom: '2019-05-05' }),
        Role.Admin,
      ).expect(201);

      expect(res.body).toMatchObject({ deviceType: 'ALL_DIGITAL', activity: 'extraction' });
    });

    it.each([
      ['deviceType', { deviceType: 'TOASTER' }],
      ['status', { status: 'SORT_OF' }],
      ['fsaCode', { fsaCode: 'XYZ 999' }],
      ['scopeType', { scopeType: 'LOOSE' }],
      ['effectiveFrom', { effectiveFrom: '2023-02-30' }],
      ['effectiveFrom', { effectiveFrom: '01/03/2023' }],
      ['notes', { notes: 'x'.repeat(1001) }],
      ['colour', { colour: 'blue' }],
    ])('rejects a bad %s with 400 naming it and writes nothing', async (field, overrides) => {
      const before = await counts();

      const res = await post({ ...scopeEntryDto({ effectiveFrom: '2001-01-01' }), ...overrides }).expect(400);

      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fields(res.body)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['lengthens in lower case', 'İ'.repeat(100)],
      ['counts a variation selector the length check skips', `${'a'.repeat(100)}\uFE0F`],
    ])(
      'rejects an activity whose key overflows 100 characters (%s): 400 naming activity',
      async (_n, activity) => {
        const before = await counts();

        const res = await post(scopeEntryDto({ activity, effectiveFrom: '2001-02-02' })).expect(400);

        expect(fields(res.body)).toEqual(['activity']);
        expect(await counts()).toEqual(before);
      },
    );

    it('accepts an activity of exactly 100 characters, also in lower case', async () => {
      const res = await post(
        scopeEntryDto({ activity: 'Ä'.repeat(100), effectiveFrom: '2001-02-03' }),
      ).expect(201);

      expect(res.body.activity).toBe('Ä'.repeat(100));
    });

    it('rejects a missing deviceType, status and effectiveFrom all at once', async () => {
      const res = await post({ scopeType: 'FIXED' }).expect(400);

      expect(fields(res.body)).toEqual(expect.arrayContaining(['deviceType', 'status', 'effectiveFrom']));
    });

    it('lists valid codes when a code is unknown', async () => {
      const res = await post(scopeEntryDto({ status: 'NOPE' })).expect(400);

      expect(res.body.errors[0].message).toContain('/api/reference/accreditation-statuses');
    });

    it('rejects a second row for the same line and date with 409 and writes nothing', async () => {
      await post(
        scopeEntryDto({ deviceType: 'SMART_LOCK', activity: 'Analysis', effectiveFrom: '2021-01-01' }),
      ).expect(201);
      const before = await counts();

      const res = await post(
        scopeEntryDto({ deviceType: 'SMART_LOCK', activity: ' analysis', effectiveFrom: '2021-01-01' }),
      ).expect(409);

      expect(res.body.code).toBe('SCOPE_ENTRY_EXISTS');
      expect(await counts()).toEqual(before);
      await post(
        scopeEntryDto({ deviceType: 'SMART_LOCK', activity: 'extraction', effectiveFrom: '2021-01-01' }),
      ).expect(201);
      await post(scopeEntryDto({ deviceType: 'SMART_LOCK', effectiveFrom: '2021-01-01' })).expect(201);
    });

    it('keeps one row per line and date when two identical changes race', async () => {
      const body = scopeEntryDto({ deviceType: 'SMART_TV_STREAMER', effectiveFrom: '2022-05-05' });
      const before = await counts();

      const results = await Promise.all([post(body), post(body)]);

      expect(results.map((r) => r.status).sort((a, b) => a - b)).toEqual([201, 409]);
      expect(await counts()).toEqual({ entries: before.entries + 1, audit: before.audit + 1 });
    });

    it('is backed by a unique index on live rows, so even a direct insert cannot duplicate a line', async () => {
      const created = await post(
        scopeEntryDto({ deviceType: 'SMART_THERMOSTAT', activity: 'Extraction' }),
      ).expect(201);
      const row = await t.dataSource.getRepository(ScopeEntry).findOneByOrFail({ id: created.body.id });

      const duplicate = t.dataSource
        .getRepository(ScopeEntry)
        .insert(Object.assign(new ScopeEntry(), row, { id: randomUUID() }));

      await expect(duplicate).rejects.toThrow();
      await t.dataSource.getRepository(ScopeEntry).insert(
        Object.assign(new ScopeEntry(), row, {
          id: randomUUID(),
          voidedAt: row.createdAt,
          voidedBy: row.createdBy,
          voidReason: 'x',
        }),
      );
    });

    it('has no PATCH: rows are never edited', async () => {
      const created = await post(scopeEntryDto({ deviceType: 'SMART_HUB' })).expect(201);

      await t
        .http()
        .patch(`/api/accreditation/scope-entries/${created.body.id}`)
        .set('Authorization', t.auth(Role.Lab))
        .set('If-Match', '"1"')
        .send({ notes: 'changed' })
        .expect(404);
    });
  });

  describe('reading the register', () => {
    it('reads a row by id and answers 404 for an unknown id, 400 for a bad one', async () => {
      const created = await post(scopeEntryDto({ deviceType: 'ROUTER' })).expect(201);

      const res = await t
        .http()
        .get(`/api/accreditation/scope-entries/${created.body.id}`)
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .expect(200);

      expect(res.body).toEqual(created.body);
      expect(res.headers.etag).toBe('"1"');
      await t
        .http()
        .get('/api/accreditation/scope-entries/7b0c2f6e-2c1b-4a43-9d55-3f7c3a1f0e11')
        .set('Authorization', t.auth(Role.Lab))
        .expect(404);
      const bad = await t
        .http()
        .get('/api/accreditation/scope-entries/nope')
        .set('Authorization', t.auth(Role.Lab))
        .expect(400);
      expect(fields(bad.body)).toEqual(['id']);
    });

    it('filters by device type and status, paginated', async () => {
      await post(
        scopeEntryDto({
          deviceType: 'WEARABLE',
          status: 'APPLICATION_SUBMITTED',
          effectiveFrom: '2020-01-01',
        }),
      );
      await post(
        scopeEntryDto({ deviceType: 'WEARABLE', status: 'ACCREDITED', effectiveFrom: '2021-01-01' }),
      );

      const all = await t
        .http()
        .get('/api/accreditation/scope-entries?deviceType=WEARABLE')
        .set('Authorization', t.auth(Role.Lab))
        .expect(200);
      const accredited = await t
        .http()
        .get('/api/accreditation/scope-entries?deviceType=WEARABLE&status=ACCREDITED&limit=1')
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .expect(200);

      expect(all.body.total).toBe(2);
      expect(all.body.items.map((i: { effectiveFrom: string }) => i.effectiveFrom)).toEqual([
        '2021-01-01',
        '2020-01-01',
      ]);
      expect(accredited.body).toMatchObject({ total: 1, limit: 1, offset: 0 });
      expect(accredited.body.items[0].status).toBe('ACCREDITED');
    });

    it('rejects bad list parameters with 400 naming them', async () => {
      const res = await t
        .http()
        .get('/api/accreditation/scope-entries?limit=0&includeVoided=maybe')
        .set('Authorization', t.auth(Role.Lab))
        .expect(400);

      expect(fields(res.body)).toEqual(expect.arrayContaining(['limit', 'includeVoided']));
    });
  });

  describe('voiding a row', () => {
    it('voids with a reason, audits, hides it from lists, keeps it readable; twice is 409', async () => {
      const created = await post(scopeEntryDto({ deviceType: 'BABY_MONITOR' })).expect(201);
      const before = await counts();

      const res = await t
        .http()
        .post(`/api/accreditation/scope-entries/${created.body.id}/void`)
        .set('Authorization', t.auth(Role.Lab))
        .send({ reason: 'Entered against the wrong device type' })
        .expect(200);

      expect(res.body).toMatchObject({
        voidReason: 'Entered against the wrong device type',
        voidedBy: t.userIds[Role.Lab],
        version: 2,
      });
      expect(await counts()).toEqual({ entries: before.entries, audit: before.audit + 1 });
      const listed = await t
        .http()
        .get('/api/accreditation/scope-entries?deviceType=BABY_MONITOR')
        .set('Authorization', t.auth(Role.Lab));
      expect(listed.body.total).toBe(0);
      const withVoided = await t
        .http()
        .get('/api/accreditation/scope-entries?deviceType=BABY_MONITOR&includeVoided=true')
        .set('Authorization', t.auth(Role.Lab));
      expect(withVoided.body.total).toBe(1);
      await t
        .http()
        .get(`/api/accreditation/scope-entries/${created.body.id}`)
        .set('Authorization', t.auth(Role.Lab))
        .expect(200);
      const again = await t
        .http()
        .post(`/api/accreditation/scope-entries/${created.body.id}/void`)
        .set('Authorization', t.auth(Role.Lab))
        .send({ reason: 'again' })
        .expect(409);
      expect(again.body.code).toBe('ALREADY_VOIDED');
      expect(await counts()).toEqual({ entries: before.entries, audit: before.audit + 1 });
    });

    it('needs a reason and frees the line for a corrected row', async () => {
      const created = await post(scopeEntryDto({ deviceType: 'IP_CAMERA', effectiveFrom: '2022-02-02' }));
      const before = await counts();

      const res = await t
        .http()
        .post(`/api/accreditation/scope-entries/${created.body.id}/void`)
        .set('Authorization', t.auth(Role.Lab))
        .send({ reason: '' })
        .expect(400);

      expect(fields(res.body)).toEqual(['reason']);
      expect(await counts()).toEqual(before);
      await t
        .http()
        .post(`/api/accreditation/scope-entries/${created.body.id}/void`)
        .set('Authorization', t.auth(Role.Admin))
        .send({ reason: 'Wrong date' })
        .expect(200);
      await post(scopeEntryDto({ deviceType: 'IP_CAMERA', effectiveFrom: '2022-02-02' })).expect(201);
    });
  });

  describe('status on a date', () => {
    beforeAll(async () => {
      await post(
        scopeEntryDto({
          deviceType: 'SMART_PLUG',
          status: 'APPLICATION_SUBMITTED',
          effectiveFrom: '2022-06-01',
          scheduleReference: undefined,
        }),
      ).expect(201);
      await post(
        scopeEntryDto({
          deviceType: 'SMART_PLUG',
          status: 'ACCREDITED',
          scopeType: 'FLEXIBLE',
          effectiveFrom: '2023-09-01',
        }),
      ).expect(201);
      await post(
        scopeEntryDto({ deviceType: 'SMART_PLUG', status: 'SUSPENDED_IMPOSED', effectiveFrom: '2024-03-15' }),
      ).expect(201);
      await post(
        scopeEntryDto({
          deviceType: 'ALL_DIGITAL',
          status: 'ACCREDITED',
          scopeType: 'FIXED',
          effectiveFrom: '2018-04-01',
          scheduleReference: '0001',
        }),
      ).expect(201);
    });

    it('answers NOT_ACCREDITED with since null before any row applies', async () => {
      const res = await status('deviceType=SMART_DISPLAY&on=2018-03-31').expect(200);

      expect(res.body).toEqual({
        deviceType: 'SMART_DISPLAY',
        on: '2018-03-31',
        status: 'NOT_ACCREDITED',
        planned: false,
        plannedChanges: [],
        scopeType: null,
        scheduleReference: null,
        since: null,
        scopeStatus: 'OUT_OF_SCOPE',
        appliesVia: null,
        entryId: null,
      });
    });

    it('answers the new status on the change date itself, the old one the day before', async () => {
      const dayBefore = await status('deviceType=SMART_PLUG&on=2023-08-31').expect(200);
      const changeDay = await status('deviceType=SMART_PLUG&on=2023-09-01').expect(200);

      expect(dayBefore.body).toMatchObject({
        status: 'APPLICATION_SUBMITTED',
        since: '2022-06-01',
        scopeStatus: 'OUT_OF_SCOPE',
      });
      expect(changeDay.body).toMatchObject({
        deviceType: 'SMART_PLUG',
        on: '2023-09-01',
        status: 'ACCREDITED',
        scopeType: 'FLEXIBLE',
        scheduleReference: '7737',
        since: '2023-09-01',
        scopeStatus: 'IN_SCOPE_FLEXIBLE',
        appliesVia: 'SMART_PLUG',
      });
    });

    it('keeps the latest change in force afterwards', async () => {
      const res = await status('deviceType=SMART_PLUG&on=2025-01-01').expect(200);

      expect(res.body).toMatchObject({
        status: 'SUSPENDED_IMPOSED',
        since: '2024-03-15',
        scopeStatus: 'SCOPE_SUSPENDED',
      });
    });

    it('falls back to ALL_DIGITAL for a type with no row in force', async () => {
      const other = await status('deviceType=SMART_SPEAKER&on=2020-01-01').expect(200);
      const plugEarly = await status('deviceType=SMART_PLUG&on=2022-05-31').expect(200);

      expect(other.body).toMatchObject({
        status: 'ACCREDITED',
        scopeType: 'FIXED',
        scheduleReference: '0001',
        since: '2018-04-01',
        appliesVia: 'ALL_DIGITAL',
      });
      expect(plugEarly.body).toMatchObject({
        status: 'ACCREDITED',
        since: '2018-04-01',
        appliesVia: 'ALL_DIGITAL',
      });
    });

    it('names the entry in force to lab, exhibits officers and admin, never to the foi role', async () => {
      const query = 'deviceType=SMART_PLUG&on=2025-01-01';
      const forLab = await status(query, Role.Lab).expect(200);

      const forFoi = await status(query, Role.Foi).expect(200);

      expect(forLab.body.entryId).toEqual(expect.any(String));
      for (const role of [Role.ExhibitsOfficer, Role.Admin]) {
        expect((await status(query, role).expect(200)).body.entryId).toBe(forLab.body.entryId);
      }
      expect(forFoi.body).not.toHaveProperty('entryId');
      const { entryId: _entryId, ...aggregate } = forLab.body;
      expect(forFoi.body).toEqual(aggregate);
      expect(JSON.stringify(forFoi.body)).not.toContain(forLab.body.entryId);
    });

    it('defaults the date to today in the register time zone', async () => {
      const res = await status('deviceType=SMART_PLUG').expect(200);

      expect(res.body.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(res.body.status).toBe('SUSPENDED_IMPOSED');
    });

    it.each([
      ['deviceType', 'deviceType=TOASTER&on=2023-01-01'],
      ['deviceType', 'on=2023-01-01'],
      ['on', 'deviceType=SMART_PLUG&on=2023-02-29'],
      ['on', 'deviceType=SMART_PLUG&on=yesterday'],
    ])('rejects a bad %s with 400 naming it', async (field, query) => {
      const res = await status(query).expect(400);

      expect(fields(res.body)).toContain(field);
    });
  });

  describe('roles', () => {
    const someId = '7b0c2f6e-2c1b-4a43-9d55-3f7c3a1f0e11';
    const endpoints: [string, string, object | undefined, Role[]][] = [
      [
        'post',
        '/api/accreditation/scope-entries',
        scopeEntryDto({ deviceType: 'ROBOT_VACUUM', effectiveFrom: '1999-01-01' }),
        [Role.Lab, Role.Admin],
      ],
      ['get', '/api/accreditation/scope-entries', undefined, [Role.Lab, Role.ExhibitsOfficer, Role.Admin]],
      [
        'get',
        `/api/accreditation/scope-entries/${someId}`,
        undefined,
        [Role.Lab, Role.ExhibitsOfficer, Role.Admin],
      ],
      ['post', `/api/accreditation/scope-entries/${someId}/void`, { reason: 'r' }, [Role.Lab, Role.Admin]],
      ['get', '/api/accreditation/status?deviceType=SMART_PLUG', undefined, Object.values(Role)],
    ];

    it.each(endpoints)(
      '%s %s: 401 without a token, 403 for other roles',
      async (method, url, body, allowed) => {
        const call = (role?: Role) => {
          const req = method === 'post' ? t.http().post(url).send(body) : t.http().get(url);
          return role ? req.set('Authorization', t.auth(role)) : req;
        };
        const before = await counts();

        await call().expect(401);
        for (const role of Object.values(Role).filter((r) => !allowed.includes(r))) {
          const res = await call(role).expect(403);
          expect(res.headers['content-type']).toContain('application/problem+json');
        }

        expect(await counts()).toEqual(before);
        for (const role of allowed) {
          const res = await call(role);
          expect([200, 201, 404, 409]).toContain(res.status);
        }
      },
    );
  });
});
