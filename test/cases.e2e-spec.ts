import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { Test } from 'supertest';
import { Role } from '../src/auth/role.enum.js';
import { ENTITIES } from '../src/app-entities.js';
import { buildDataSourceOptions } from '../src/database/data-source-options.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { createPgTestDatabase } from './pg-test-database.js';
import {
  auditEventsOf,
  caseDto,
  countRows,
  incidentCaseDto,
  uniqueCaseReference,
} from './factories/case.factory.js';
import { deviceDto } from './factories/device.factory.js';

const TABLES = ['cases', 'audit_events'];
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe('cases API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const post = (body: object, role = Role.ExhibitsOfficer) =>
    t.http().post('/api/cases').set('Authorization', t.auth(role)).send(body);
  const patch = (id: string, body: object, ifMatch?: string) => {
    const req = t.http().patch(`/api/cases/${id}`).set('Authorization', t.auth(Role.ExhibitsOfficer));
    return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(body);
  };
  const create = async (body: object = caseDto()) => (await post(body).expect(201)).body;
  const counts = () => countRows(t.dataSource, TABLES);

  describe('creating', () => {
    it('records a crime, derives its offence group and progress, audits it and returns an ETag', async () => {
      const before = await counts();

      const res = await post(caseDto({ reference: 'CR/0001/25', policeOutcome: '1' })).expect(201);

      expect(res.body).toMatchObject({
        reference: 'CR/0001/25',
        kind: 'CRIME',
        offenceGroup: 'DRUG',
        offenceSubgroup: 'DRUG_TRAFFICKING',
        progressedToCourt: true,
        version: 1,
        voidedAt: null,
        createdBy: t.userIds[Role.ExhibitsOfficer],
      });
      expect(res.headers.etag).toBe('"1"');
      expect(await counts()).toEqual({ cases: before.cases + 1, audit_events: before.audit_events + 1 });
      const audits = await auditEventsOf(t.dataSource, res.body.id);
      expect(audits.map((a) => [a.action, a.entity, a.actorId])).toEqual([
        ['case.create', 'case', t.userIds[Role.ExhibitsOfficer]],
      ]);
    });

    it('sets the sub-group and group from a Home Office code', async () => {
      const body = await create(caseDto({ offenceSubgroup: undefined, homeOfficeCode: '92A' }));

      expect(body).toMatchObject({
        homeOfficeCode: '92A',
        offenceSubgroup: 'DRUG_TRAFFICKING',
        offenceGroup: 'DRUG',
      });
    });

    it('accepts a Home Office code that belongs to the given sub-group', async () => {
      await create(caseDto({ offenceSubgroup: 'DRUG_TRAFFICKING', homeOfficeCode: '92A' }));
    });

    it('records a non-crime incident without offence fields', async () => {
      const body = await create(incidentCaseDto());

      expect(body).toMatchObject({
        kind: 'INCIDENT',
        incidentCategory: 'MISSING_PERSON',
        offenceGroup: null,
      });
      expect(body.progressedToCourt).toBe(false);
    });

    it('derives progressedToCourt from the court stage, never from NOT_CHARGED', async () => {
      const charged = await create(caseDto({ courtStage: 'SENT_TO_CROWN_COURT' }));
      const notCharged = await create(caseDto({ policeOutcome: '15', courtStage: 'NOT_CHARGED' }));

      expect(charged.progressedToCourt).toBe(true);
      expect(notCharged.progressedToCourt).toBe(false);
    });

    it('records a court result with its date', async () => {
      const body = await create(
        caseDto({ courtStage: 'FINALISED', courtResult: 'GUILTY_PLEA', courtResultAt: '2024-03-01' }),
      );

      expect(body).toMatchObject({ courtResult: 'GUILTY_PLEA', courtResultAt: '2024-03-01' });
    });

    const rejected: [string, object, number, string][] = [
      ['a missing reference', { reference: undefined }, 400, 'reference'],
      ['an empty reference', { reference: '' }, 400, 'reference'],
      ['a reference over 50 characters', { reference: 'R'.repeat(51) }, 400, 'reference'],
      ['a reference with leading spaces', { reference: '  CR/1' }, 400, 'reference'],
      ['an unknown kind', { kind: 'ACCIDENT' }, 400, 'kind'],
      [
        'a crime without sub-group or Home Office code',
        { offenceSubgroup: undefined },
        422,
        'offenceSubgroup',
      ],
      ['an unknown sub-group', { offenceSubgroup: 'DRUGS' }, 400, 'offenceSubgroup'],
      ['an unknown Home Office code', { homeOfficeCode: '999Z' }, 400, 'homeOfficeCode'],
      ['a Home Office code of another sub-group', { homeOfficeCode: '34B' }, 422, 'homeOfficeCode'],
      ['a crime with an incident category', { incidentCategory: 'MISSING_PERSON' }, 422, 'incidentCategory'],
      ['an offence group from the client', { offenceGroup: 'DRUG' }, 400, 'offenceGroup'],
      ['progressedToCourt from the client', { progressedToCourt: true }, 400, 'progressedToCourt'],
      ['an unknown police outcome', { policeOutcome: '99' }, 400, 'policeOutcome'],
      ['a numeric police outcome', { policeOutcome: 1 }, 400, 'policeOutcome'],
      ['an unknown court stage', { courtStage: 'HEARING' }, 400, 'courtStage'],
      ['an unknown court result', { courtResult: 'GUILTY' }, 400, 'courtResult'],
      ['a court date without a result', { courtResultAt: '2024-01-01' }, 422, 'courtResultAt'],
      [
        'a court date that is not a date',
        { courtResult: 'GUILTY_PLEA', courtResultAt: '2024-02-30' },
        400,
        'courtResultAt',
      ],
      [
        'a court date in the future',
        { courtStage: 'FINALISED', courtResult: 'GUILTY_PLEA', courtResultAt: '2999-01-01' },
        422,
        'courtResultAt',
      ],
      [
        'a court result on a case not charged',
        { courtStage: 'NOT_CHARGED', courtResult: 'GUILTY_PLEA' },
        422,
        'courtResult',
      ],
      [
        'a court result on a case that never went to court',
        { courtResult: 'GUILTY_PLEA' },
        422,
        'courtResult',
      ],
      [
        'a court result after a police outcome other than 1/1A',
        { policeOutcome: '15', courtResult: 'GUILTY_PLEA' },
        422,
        'courtResult',
      ],
      ['an unknown field', { colour: 'blue' }, 400, 'colour'],
    ];

    it('records a court result on a charged case without a court stage (outcome 1)', async () => {
      const body = await create(caseDto({ policeOutcome: '1', courtResult: 'GUILTY_PLEA' }));

      expect(body).toMatchObject({ courtResult: 'GUILTY_PLEA', progressedToCourt: true });
    });

    it.each(rejected)(
      'rejects %s, naming the field and writing nothing',
      async (_name, overrides, status, field) => {
        const before = await counts();

        const res = await post(caseDto(overrides as object)).expect(status);

        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(fieldsOf(res.body)).toContain(field);
        expect(await counts()).toEqual(before);
      },
    );

    const incidentRejected: [string, object, number, string][] = [
      ['without a category', { incidentCategory: undefined }, 422, 'incidentCategory'],
      ['with an unknown category', { incidentCategory: 'LOST_CAT' }, 400, 'incidentCategory'],
      ['with an offence sub-group', { offenceSubgroup: 'DRUG_TRAFFICKING' }, 422, 'offenceSubgroup'],
      ['with a Home Office code', { homeOfficeCode: '92A' }, 422, 'homeOfficeCode'],
      ['with a police outcome', { policeOutcome: '1' }, 422, 'policeOutcome'],
    ];

    it.each(incidentRejected)('rejects an incident %s', async (_name, overrides, status, field) => {
      const before = await counts();

      const res = await post(incidentCaseDto(overrides as object)).expect(status);

      expect(fieldsOf(res.body)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('lets one of several concurrent creations with the same reference in any letter case win', async () => {
      const reference = uniqueCaseReference();
      const spellings = [reference, reference.toLowerCase(), reference, reference.toLowerCase(), reference];

      const results = await Promise.all(spellings.map((r) => post(caseDto({ reference: r }))));

      expect(results.map((r) => r.status).sort((a, b) => a - b)).toEqual([201, 409, 409, 409, 409]);
    });

    it('lists every bad field at once', async () => {
      const res = await post({ reference: '', kind: 'X', policeOutcome: 5, extra: 1 }).expect(400);

      expect(fieldsOf(res.body)).toEqual(
        expect.arrayContaining(['reference', 'kind', 'policeOutcome', 'extra']),
      );
    });

    it('rejects a reference already used, ignoring letter case, with 409 naming reference', async () => {
      await create(caseDto({ reference: 'CR/DUP/25' }));
      const before = await counts();

      const exact = await post(caseDto({ reference: 'CR/DUP/25' })).expect(409);
      const otherCase = await post(caseDto({ reference: 'cr/dup/25' })).expect(409);

      expect(fieldsOf(exact.body)).toEqual(['reference']);
      expect(otherCase.body.code).toBe('REFERENCE_TAKEN');
      expect(await counts()).toEqual(before);
    });

    it('keeps the reference key (trimmed, lower case) in the database, which refuses a second one', async () => {
      const created = await create(caseDto({ reference: 'CR/Key/25' }));
      const [row] = await t.query<{ referenceKey: string }>('SELECT "referenceKey" FROM cases WHERE id = ?', [
        created.id,
      ]);
      const before = await counts();

      const behindTheService = t.query(
        `INSERT INTO cases (id, reference, "referenceKey", kind, "progressedToCourt", "createdAt", "createdBy",
          "updatedAt", version) VALUES (?, ?, ?, 'INCIDENT', ?, ?, ?, ?, 1)`,
        [
          randomUUID(),
          'cr/KEY/25',
          'cr/key/25',
          false,
          created.createdAt,
          created.createdBy,
          created.createdAt,
        ],
      );

      expect(row.referenceKey).toBe('cr/key/25');
      await expect(behindTheService).rejects.toThrow(/unique|UNIQUE|23505/);
      expect(await counts()).toEqual(before);
    });

    it('moves the reference key with a renamed reference, and a rename onto another case is 409', async () => {
      const taken = await create(caseDto({ reference: 'CR/Taken/26' }));
      const renamed = await create(caseDto({ reference: 'CR/Old/26' }));

      const ok = await patch(renamed.id, { reference: 'CR/New/26' }, '"1"').expect(200);
      const clash = await patch(renamed.id, { reference: 'cr/taken/26' }, '"2"').expect(409);
      const keys = await t.query<{ referenceKey: string }>(
        'SELECT "referenceKey" FROM cases WHERE id IN (?, ?) ORDER BY "referenceKey"',
        [taken.id, renamed.id],
      );

      expect(ok.body.reference).toBe('CR/New/26');
      expect(clash.body.code).toBe('REFERENCE_TAKEN');
      expect(keys.map((k) => k.referenceKey)).toEqual(['cr/new/26', 'cr/taken/26']);
    });
  });

  describe('reading', () => {
    it('reads a case by id with its ETag', async () => {
      const created = await create();

      const res = await t
        .http()
        .get(`/api/cases/${created.id}`)
        .set('Authorization', t.auth(Role.Lab))
        .expect(200);

      expect(res.body).toEqual(created);
      expect(res.headers.etag).toBe('"1"');
    });

    it('answers 400 naming id for a non-UUID and 404 for an unknown id', async () => {
      const bad = await t
        .http()
        .get('/api/cases/not-a-uuid')
        .set('Authorization', t.auth(Role.Lab))
        .expect(400);
      await t.http().get(`/api/cases/${randomUUID()}`).set('Authorization', t.auth(Role.Lab)).expect(404);

      expect(fieldsOf(bad.body)).toEqual(['id']);
    });

    it('filters by exact reference (any letter case), kind, classification, outcome and progress', async () => {
      const reference = uniqueCaseReference();
      const target = await create(
        caseDto({
          reference,
          offenceSubgroup: 'ROB_PERSONAL',
          policeOutcome: '1A',
          courtStage: 'AWAITING_TRIAL',
        }),
      );
      await create(incidentCaseDto({ incidentCategory: 'SUDDEN_DEATH' }));
      const list = async (query: Record<string, string>) =>
        (await t.http().get('/api/cases').query(query).set('Authorization', t.auth(Role.Lab)).expect(200))
          .body;

      expect(
        (await list({ reference: reference.toLowerCase() })).items.map((c: { id: string }) => c.id),
      ).toEqual([target.id]);
      expect((await list({ reference: reference.slice(0, 5) })).total).toBe(0);
      expect((await list({ offenceGroup: 'ROB' })).items.map((c: { id: string }) => c.id)).toEqual([
        target.id,
      ]);
      expect((await list({ offenceSubgroup: 'ROB_PERSONAL' })).total).toBe(1);
      expect((await list({ policeOutcome: '1A' })).total).toBe(1);
      expect((await list({ courtStage: 'AWAITING_TRIAL' })).total).toBe(1);
      expect((await list({ incidentCategory: 'SUDDEN_DEATH', kind: 'INCIDENT' })).total).toBe(1);
      const progressed = await list({ progressedToCourt: 'true', limit: '200' });
      expect(progressed.items.map((c: { id: string }) => c.id)).toContain(target.id);
      expect(progressed.items.every((c: { progressedToCourt: boolean }) => c.progressedToCourt)).toBe(true);
      const notProgressed = await list({ progressedToCourt: 'false', limit: '200' });
      expect(notProgressed.items.some((c: { progressedToCourt: boolean }) => c.progressedToCourt)).toBe(
        false,
      );
    });

    it('pages the list', async () => {
      await create();
      await create();

      const res = await t
        .http()
        .get('/api/cases?limit=1&offset=1')
        .set('Authorization', t.auth(Role.Lab))
        .expect(200);

      expect(res.body.items).toHaveLength(1);
      expect(res.body).toMatchObject({ limit: 1, offset: 1 });
      expect(res.body.total).toBeGreaterThan(2);
    });

    it.each([
      ['kind=ACCIDENT', 'kind'],
      ['offenceGroup=NOPE', 'offenceGroup'],
      ['policeOutcome=99', 'policeOutcome'],
      ['courtStage=NOPE', 'courtStage'],
      ['incidentCategory=NOPE', 'incidentCategory'],
      ['progressedToCourt=yes', 'progressedToCourt'],
      ['includeVoided=1', 'includeVoided'],
      ['limit=0', 'limit'],
      ['colour=blue', 'colour'],
    ])('rejects the filter %s with 400', async (query, field) => {
      const res = await t
        .http()
        .get(`/api/cases?${query}`)
        .set('Authorization', t.auth(Role.Lab))
        .expect(400);

      expect(fieldsOf(res.body)).toContain(field);
    });
  });

  describe('updating', () => {
    it('demands If-Match (428), refuses a stale one (412) and writes nothing', async () => {
      const created = await create();
      const before = await counts();

      await patch(created.id, { policeOutcome: '1' }).expect(428);
      await patch(created.id, { policeOutcome: '1' }, '"7"').expect(412);
      await patch(created.id, { policeOutcome: '1' }, 'nonsense').expect(412);

      expect(await counts()).toEqual(before);
      const current = await t.http().get(`/api/cases/${created.id}`).set('Authorization', t.auth(Role.Lab));
      expect(current.body.version).toBe(1);
    });

    it('updates with the current ETag, re-derives, bumps the version by one and audits the change', async () => {
      const created = await create();
      const before = await counts();

      const res = await patch(
        created.id,
        { policeOutcome: '1', courtStage: 'MAGISTRATES_PROCEEDINGS' },
        '"1"',
      ).expect(200);

      expect(res.body).toMatchObject({ policeOutcome: '1', progressedToCourt: true, version: 2 });
      expect(res.headers.etag).toBe('"2"');
      expect(await counts()).toEqual({ cases: before.cases, audit_events: before.audit_events + 1 });
      const audit = (await auditEventsOf(t.dataSource, created.id)).at(-1)!;
      expect(audit.action).toBe('case.update');
      expect(JSON.parse(audit.changes).after).toMatchObject({ policeOutcome: '1', progressedToCourt: true });
      await patch(created.id, { policeOutcome: '2' }, '"1"').expect(412);
    });

    it('refuses to take a case with a court result out of court, writing nothing', async () => {
      const created = await create(caseDto({ courtStage: 'FINALISED', courtResult: 'GUILTY_PLEA' }));
      const before = await counts();

      const res = await patch(created.id, { courtStage: null }, '"1"').expect(422);

      expect(fieldsOf(res.body)).toEqual(['courtResult']);
      expect(await counts()).toEqual(before);
      await patch(created.id, { courtStage: null, policeOutcome: '1' }, '"1"').expect(200);
    });

    it('lets exactly one of several concurrent updates with the same ETag win; the rest get 412', async () => {
      const created = await create();

      const results = await Promise.all(
        ['2', '3', '4', '5', '6'].map((policeOutcome) => patch(created.id, { policeOutcome }, '"1"')),
      );

      const statuses = results.map((r) => r.status).sort((a, b) => a - b);
      expect(statuses).toEqual([200, 412, 412, 412, 412]);
      const current = await t.http().get(`/api/cases/${created.id}`).set('Authorization', t.auth(Role.Lab));
      expect(current.body.version).toBe(2);
    });

    it('moves the case to the sub-group of a new Home Office code sent alone', async () => {
      const created = await create(caseDto({ homeOfficeCode: '92A' }));

      const res = await patch(created.id, { homeOfficeCode: '34B' }, '"1"').expect(200);

      expect(res.body).toMatchObject({
        homeOfficeCode: '34B',
        offenceSubgroup: 'ROB_PERSONAL',
        offenceGroup: 'ROB',
      });
    });

    it('rejects a new sub-group that the kept Home Office code does not belong to', async () => {
      const created = await create(caseDto({ homeOfficeCode: '92A' }));

      const res = await patch(created.id, { offenceSubgroup: 'ROB_PERSONAL' }, '"1"').expect(422);

      expect(fieldsOf(res.body)).toEqual(['homeOfficeCode']);
    });

    it('reclassifies a crime as an incident only when its offence fields are cleared', async () => {
      const created = await create();

      const refused = await patch(
        created.id,
        { kind: 'INCIDENT', incidentCategory: 'MISSING_PERSON' },
        '"1"',
      ).expect(422);
      const res = await patch(
        created.id,
        { kind: 'INCIDENT', incidentCategory: 'MISSING_PERSON', offenceSubgroup: null },
        '"1"',
      ).expect(200);

      expect(fieldsOf(refused.body)).toEqual(['offenceSubgroup']);
      expect(res.body).toMatchObject({ kind: 'INCIDENT', offenceGroup: null, offenceSubgroup: null });
    });

    it('corrects a reference, keeping it unique', async () => {
      const taken = await create();
      const created = await create();

      const clash = await patch(created.id, { reference: taken.reference.toLowerCase() }, '"1"').expect(409);
      const fixed = await patch(created.id, { reference: `${created.reference}-A` }, '"1"').expect(200);

      expect(fieldsOf(clash.body)).toEqual(['reference']);
      expect(fixed.body.reference).toBe(`${created.reference}-A`);
    });

    it('refuses to clear the reference or kind, unknown fields and derived fields', async () => {
      const created = await create();
      const before = await counts();

      const cleared = await patch(created.id, { reference: null, kind: null }, '"1"').expect(400);
      await patch(created.id, { offenceGroup: 'ROB' }, '"1"').expect(400);
      await patch(created.id, { progressedToCourt: true }, '"1"').expect(400);

      expect(fieldsOf(cleared.body)).toEqual(['reference', 'kind']);
      expect(await counts()).toEqual(before);
    });

    it('changes nothing and keeps the version when nothing differs', async () => {
      const created = await create();
      const before = await counts();

      const res = await patch(created.id, { offenceSubgroup: 'DRUG_TRAFFICKING' }, '"1"').expect(200);

      expect(res.body.version).toBe(1);
      expect(await counts()).toEqual(before);
    });

    it('answers 404 for an unknown case and 400 for a non-UUID id', async () => {
      await patch(randomUUID(), { policeOutcome: '1' }, '"1"').expect(404);
      await patch('123', { policeOutcome: '1' }, '"1"').expect(400);
    });
  });

  describe('voiding', () => {
    const voidCase = (id: string, body: object = { reason: 'Entered twice in error' }) =>
      t.http().post(`/api/cases/${id}/void`).set('Authorization', t.auth(Role.ExhibitsOfficer)).send(body);

    it('voids with a reason: gone from lists, still readable, audited, not changeable', async () => {
      const created = await create();
      const before = await counts();

      const res = await voidCase(created.id).expect(200);

      expect(res.body).toMatchObject({
        voidReason: 'Entered twice in error',
        voidedBy: t.userIds[Role.ExhibitsOfficer],
        version: 2,
      });
      expect(res.body.voidedAt).toEqual(expect.any(String));
      expect(await counts()).toEqual({ cases: before.cases, audit_events: before.audit_events + 1 });
      const byRef = (includeVoided: string) =>
        t
          .http()
          .get('/api/cases')
          .query({ reference: created.reference, includeVoided })
          .set('Authorization', t.auth(Role.Lab));
      expect((await byRef('false')).body.total).toBe(0);
      expect((await byRef('true')).body.items[0].id).toBe(created.id);
      await t.http().get(`/api/cases/${created.id}`).set('Authorization', t.auth(Role.Lab)).expect(200);
      await patch(created.id, { policeOutcome: '1' }, '"2"').expect(409);
    });

    it('refuses to void twice (409), without a reason (400) and unknown cases (404)', async () => {
      const created = await create();
      await voidCase(created.id).expect(200);
      const before = await counts();

      await voidCase(created.id).expect(409);
      const other = await create();
      const noReason = await voidCase(other.id, {}).expect(400);
      await voidCase(other.id, { reason: '   ' }).expect(400);
      await voidCase(other.id, { reason: 'x'.repeat(501) }).expect(400);
      await voidCase(randomUUID()).expect(404);

      expect(new Set(fieldsOf(noReason.body))).toEqual(new Set(['reason']));
      expect((await counts()).audit_events).toBe(before.audit_events + 1);
    });

    it('keeps a voided case reference taken', async () => {
      const created = await create();
      await voidCase(created.id).expect(200);

      await post(caseDto({ reference: created.reference })).expect(409);
    });

    // PostgreSQL runs the two transactions side by side. The test holds the case row (FOR UPDATE) so
    // the first request stops part-way (voiding at its UPDATE, filing a device at its foreign-key
    // check), starts the second, waits until both are blocked, then lets go: the second must see the
    // first's commit, so a voided case never keeps an open device. SQLite runs one writer at a time.
    describe.runIf(process.env.TEST_DATABASE_URL)('racing a new device (PostgreSQL)', () => {
      const addDevice = (caseId: string) =>
        t
          .http()
          .post('/api/devices')
          .set('Authorization', t.auth(Role.ExhibitsOfficer))
          .send(deviceDto(caseId));
      const lockWaiters = async () =>
        Number(
          (
            await t.query<{ n: string }>(
              `SELECT COUNT(*) AS n FROM pg_stat_activity
               WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          )[0].n,
        );
      const untilWaiting = async (n: number) => {
        for (let i = 0; i < 250 && (await lockWaiters()) < n; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(await lockWaiters()).toBeGreaterThanOrEqual(n);
      };
      const race = async (caseId: string, first: () => Test, second: () => Test) => {
        const holder = t.dataSource.createQueryRunner();
        await holder.connect();
        await holder.startTransaction();
        try {
          await holder.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
          const a = first().then((res) => res);
          await untilWaiting(1);
          const b = second().then((res) => res);
          await untilWaiting(2);
          await holder.commitTransaction();
          return await Promise.all([a, b]);
        } finally {
          if (holder.isTransactionActive) await holder.rollbackTransaction();
          await holder.release();
        }
      };
      const openDevices = async (caseId: string) =>
        Number(
          (
            await t.query<{ n: string }>(
              'SELECT COUNT(*) AS n FROM devices WHERE "caseId" = ? AND "voidedAt" IS NULL',
              [caseId],
            )
          )[0].n,
        );

      it('a device filed while the case is being voided is refused (422 naming caseId)', async () => {
        const created = await create();

        const [voided, device] = await race(
          created.id,
          () => voidCase(created.id),
          () => addDevice(created.id),
        );

        expect([voided.status, device.status]).toEqual([200, 422]);
        expect(fieldsOf(device.body)).toEqual(['caseId']);
        expect(await openDevices(created.id)).toBe(0);
      });

      it('a case voided while a device is being filed is refused (409 CASE_HAS_DEVICES)', async () => {
        const created = await create();

        const [device, voided] = await race(
          created.id,
          () => addDevice(created.id),
          () => voidCase(created.id),
        );

        expect([device.status, voided.status]).toEqual([201, 409]);
        expect(voided.body.code).toBe('CASE_HAS_DEVICES');
        expect(await openDevices(created.id)).toBe(1);
      });
    });
  });

  describe('roles', () => {
    const writers = [Role.ExhibitsOfficer, Role.Admin];
    const readers = [Role.ExhibitsOfficer, Role.Lab, Role.Admin];
    type Call = (auth?: string) => Promise<{ status: number }>;
    const withAuth = (req: ReturnType<ReturnType<TestApp['http']>['get']>, auth?: string) =>
      auth ? req.set('Authorization', auth) : req;
    const endpoints: [string, Role[], () => Promise<Call>][] = [
      [
        'POST /api/cases',
        writers,
        async () => (auth) => withAuth(t.http().post('/api/cases'), auth).send(caseDto()),
      ],
      ['GET /api/cases', readers, async () => (auth) => withAuth(t.http().get('/api/cases'), auth)],
      [
        'GET /api/cases/:id',
        readers,
        async () => {
          const { id } = await create();
          return (auth) => withAuth(t.http().get(`/api/cases/${id}`), auth);
        },
      ],
      [
        'PATCH /api/cases/:id',
        writers,
        async () => {
          const { id } = await create();
          return (auth) =>
            withAuth(t.http().patch(`/api/cases/${id}`), auth)
              .set('If-Match', '"1"')
              .send({ policeOutcome: '2' });
        },
      ],
      [
        'POST /api/cases/:id/void',
        writers,
        async () => {
          const { id } = await create();
          return (auth) =>
            withAuth(t.http().post(`/api/cases/${id}/void`), auth).send({ reason: 'Duplicate' });
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

// Migration 1764408000000 fills referenceKey for the cases already there (ASCII by SQL, the rest as
// JavaScript folds it) before the unique index goes on.
describe('migration AddCaseReferenceKey on an existing register', () => {
  it('fills the key of every existing case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'register-refkey-'));
    const pg = process.env.TEST_DATABASE_URL
      ? await createPgTestDatabase(process.env.TEST_DATABASE_URL)
      : null;
    const options = buildDataSourceOptions({ path: join(dir, 'register.sqlite'), url: pg?.url }, ENTITIES);
    const dataSource = new DataSource({ ...options, migrationsRun: false });
    await dataSource.initialize();
    try {
      const before = MIGRATIONS.findIndex((m) => m.name === 'AddCaseReferenceKey1764408000000');
      const runner = dataSource.createQueryRunner();
      for (const Migration of MIGRATIONS.slice(0, before)) await new Migration().up(runner);
      const cases = [
        ['CR/ABC/25', 'cr/abc/25'],
        ['INC/Ärger/26', 'inc/ärger/26'],
      ];
      let n = 0;
      const mark = () => (pg ? `$${(n += 1)}` : '?');
      for (const [reference] of cases) {
        n = 0;
        await runner.query(
          `INSERT INTO cases (id, reference, kind, "progressedToCourt", "createdAt", "createdBy", "updatedAt", version)
           VALUES (${mark()}, ${mark()}, 'INCIDENT', ${mark()}, ${mark()}, ${mark()}, ${mark()}, 1)`,
          [
            randomUUID(),
            reference,
            false,
            '2025-01-01T00:00:00.000Z',
            randomUUID(),
            '2025-01-01T00:00:00.000Z',
          ],
        );
      }

      await new MIGRATIONS[before]().up(runner);
      const rows = (await runner.query('SELECT reference, "referenceKey" FROM cases ORDER BY reference')) as {
        reference: string;
        referenceKey: string;
      }[];
      await runner.release();

      expect(rows.map((r) => [r.reference, r.referenceKey])).toEqual(cases);
    } finally {
      await dataSource.destroy();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
