import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/role.enum.js';
import { AuditQueryService } from '../src/audit/audit-query.service.js';
import { openSqliteFile } from '../src/database/sqlite/sqlite-file.js';
import { AuditVerifyCommand } from '../src/cli/audit-verify.command.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto } from './factories/case.factory.js';
import { custodyEventDto, deviceDto } from './factories/device.factory.js';
import { examinationDto } from './factories/examination.factory.js';
import { scopeEntryDto } from './factories/scope-entry.factory.js';

describe('audit trail', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const admin = () => t.auth(Role.Admin);
  const databaseFile = () => t.dataSource.options.database as string;
  const auditCount = async () =>
    Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_events'))[0].n);

  describe('reading the log', () => {
    it('lists user and token changes in sequence order for admin', async () => {
      const res = await t.http().get('/api/audit').set('Authorization', admin()).expect(200);

      expect(res.body.total).toBeGreaterThanOrEqual(8);
      expect(res.body.items[0]).toMatchObject({ seq: 1, action: 'user.create', entity: 'user' });
      const seqs = res.body.items.map((e: { seq: number }) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(res.body.items[1].changes.after).toMatchObject({ label: 'initial' });
    });

    it('filters by entity, entity id, actor and time', async () => {
      const userId = t.userIds[Role.Lab];
      const byEntity = await t
        .http()
        .get(`/api/audit?entity=user&entityId=${userId}`)
        .set('Authorization', admin())
        .expect(200);
      expect(byEntity.body.items).toEqual([
        expect.objectContaining({ action: 'user.create', entityId: userId }),
      ]);

      const future = await t
        .http()
        .get('/api/audit?from=2999-01-01T00:00:00Z')
        .set('Authorization', admin())
        .expect(200);
      expect(future.body).toMatchObject({ items: [], total: 0 });

      const past = await t
        .http()
        .get('/api/audit?to=2000-01-01T00:00:00%2B01:00')
        .set('Authorization', admin());
      expect(past.body.total).toBe(0);

      const byActor = await t
        .http()
        .get(`/api/audit?actorId=${randomUUID()}&limit=1`)
        .set('Authorization', admin())
        .expect(200);
      expect(byActor.body).toMatchObject({ total: 0, limit: 1 });
    });

    it('rejects bad filters with 400 naming each field', async () => {
      const res = await t
        .http()
        .get('/api/audit?entityId=nope&from=yesterday&to=2024-01-01T00:00:00&limit=500')
        .set('Authorization', admin())
        .expect(400);

      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['entityId', 'from', 'to', 'limit']));
    });

    it('is for admin only', async () => {
      for (const role of [Role.ExhibitsOfficer, Role.Lab, Role.Foi]) {
        await t.http().get('/api/audit').set('Authorization', t.auth(role)).expect(403);
        await t.http().get('/api/audit/verify').set('Authorization', t.auth(role)).expect(403);
      }
    });
  });

  describe('append-only', () => {
    it('has no route that changes or deletes an event', async () => {
      for (const method of ['patch', 'put', 'delete', 'post'] as const) {
        const res = await t.http()[method]('/api/audit/1').set('Authorization', admin()).send({});
        expect(res.status).toBe(404);
      }
      await t.http().post('/api/audit').set('Authorization', admin()).send({}).expect(404);
    });

    it('refuses UPDATE and DELETE in the database itself', async () => {
      const before = await auditCount();

      await expect(t.dataSource.query(`UPDATE audit_events SET action = 'x' WHERE seq = 1`)).rejects.toThrow(
        /append-only/,
      );
      await expect(t.dataSource.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);

      expect(await auditCount()).toBe(before);
    });
  });

  describe('coverage', () => {
    interface Expected {
      action: string;
      entity: string;
      entityId: string;
    }

    // Runs one write through the API and returns the audit events it added.
    async function audited(write: () => Promise<{ status: number }>): Promise<Expected[]> {
      const before = await auditCount();
      const res = await write();
      expect(res.status).toBeLessThan(300);
      const page = await t
        .http()
        .get(`/api/audit?limit=200&offset=${before}`)
        .set('Authorization', admin())
        .expect(200);
      return page.body.items.map((e: Expected & { actorId: string }) => ({
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        actorId: e.actorId,
      }));
    }

    it('writes one audit event, by the right actor, for every create, update, void, custody event, scope and user change', async () => {
      const eo = t.auth(Role.ExhibitsOfficer);
      const lab = t.auth(Role.Lab);
      const [eoId, labId, adminId] = [Role.ExhibitsOfficer, Role.Lab, Role.Admin].map((r) => t.userIds[r]);
      const post = (path: string, auth: string, body: object) =>
        t.http().post(path).set('Authorization', auth).send(body);
      const patch = (path: string, auth: string, version: number, body: object) =>
        t.http().patch(path).set('Authorization', auth).set('If-Match', `"${version}"`).send(body);
      const ids: Record<string, string> = {};
      const remember = (key: string) => (res: { status: number; body: { id: string } }) => {
        ids[key] = res.body.id;
        return res;
      };

      const steps: [string, () => Promise<{ status: number }>, (ids: Record<string, string>) => object[]][] =
        [
          [
            'case create',
            () => post('/api/cases', eo, caseDto()).then(remember('case')),
            (i) => [{ action: 'case.create', entity: 'case', entityId: i.case, actorId: eoId }],
          ],
          [
            'case update',
            () => patch(`/api/cases/${ids.case}`, eo, 1, { policeOutcome: '2' }),
            (i) => [{ action: 'case.update', entity: 'case', entityId: i.case, actorId: eoId }],
          ],
          [
            'device create',
            () => post('/api/devices', eo, deviceDto(ids.case)).then(remember('device')),
            (i) => [{ action: 'device.create', entity: 'device', entityId: i.device, actorId: eoId }],
          ],
          [
            'device update',
            () => patch(`/api/devices/${ids.device}`, eo, 1, { make: 'Meross' }),
            (i) => [{ action: 'device.update', entity: 'device', entityId: i.device, actorId: eoId }],
          ],
          [
            'custody event',
            () =>
              post(`/api/devices/${ids.device}/custody-events`, eo, custodyEventDto()).then(
                remember('custody'),
              ),
            (i) => [
              { action: 'custody.record', entity: 'custody_event', entityId: i.custody, actorId: eoId },
              { action: 'device.update', entity: 'device', entityId: i.device, actorId: eoId },
            ],
          ],
          [
            'examination create',
            () =>
              post(
                '/api/examinations',
                lab,
                examinationDto(ids.device, { requestedAt: '2025-03-02T09:00:00Z' }),
              ).then(remember('exam')),
            (i) => [
              { action: 'examination.create', entity: 'examination', entityId: i.exam, actorId: labId },
            ],
          ],
          [
            'examination update',
            () => patch(`/api/examinations/${ids.exam}`, lab, 1, { methods: 'Chip-off' }),
            (i) => [
              { action: 'examination.update', entity: 'examination', entityId: i.exam, actorId: labId },
            ],
          ],
          [
            'examination void',
            () => post(`/api/examinations/${ids.exam}/void`, lab, { reason: 'Entered in error' }),
            (i) => [{ action: 'examination.void', entity: 'examination', entityId: i.exam, actorId: labId }],
          ],
          [
            'scope create',
            () => post('/api/accreditation/scope-entries', lab, scopeEntryDto()).then(remember('scope')),
            (i) => [{ action: 'scope.create', entity: 'scope_entry', entityId: i.scope, actorId: labId }],
          ],
          [
            'scope void',
            () =>
              post(`/api/accreditation/scope-entries/${ids.scope}/void`, lab, { reason: 'Entered in error' }),
            (i) => [{ action: 'scope.void', entity: 'scope_entry', entityId: i.scope, actorId: labId }],
          ],
          [
            'device void',
            () => post(`/api/devices/${ids.device}/void`, eo, { reason: 'Entered in error' }),
            (i) => [{ action: 'device.void', entity: 'device', entityId: i.device, actorId: eoId }],
          ],
          [
            'case void',
            () => post(`/api/cases/${ids.case}/void`, eo, { reason: 'Entered in error' }),
            (i) => [{ action: 'case.void', entity: 'case', entityId: i.case, actorId: eoId }],
          ],
          [
            'user create',
            () =>
              post('/api/users', admin(), { name: 'Audited', role: 'foi' }).then((res) => {
                ids.user = res.body.id;
                ids.token = res.body.tokenId;
                return res;
              }),
            (i) => [
              { action: 'user.create', entity: 'user', entityId: i.user, actorId: adminId },
              { action: 'token.issue', entity: 'api_token', entityId: i.token, actorId: adminId },
            ],
          ],
          [
            'token revoke',
            () => post(`/api/users/${ids.user}/tokens/${ids.token}/revoke`, admin(), {}),
            (i) => [{ action: 'token.revoke', entity: 'api_token', entityId: i.token, actorId: adminId }],
          ],
          [
            'user disable',
            () => post(`/api/users/${ids.user}/disable`, admin(), {}),
            (i) => [{ action: 'user.disable', entity: 'user', entityId: i.user, actorId: adminId }],
          ],
        ];

      for (const [name, write, expected] of steps) {
        const events = await audited(write);
        expect(
          [...events].sort((a, b) => a.action.localeCompare(b.action)),
          name,
        ).toEqual(expected(ids).sort((a, b) => (a as Expected).action.localeCompare((b as Expected).action)));
      }
    });
  });

  describe('record history', () => {
    let caseId: string;
    let deviceId: string;
    let examId: string;

    beforeAll(async () => {
      const eo = t.auth(Role.ExhibitsOfficer);
      caseId = (await t.http().post('/api/cases').set('Authorization', eo).send(caseDto()).expect(201)).body
        .id;
      await t
        .http()
        .patch(`/api/cases/${caseId}`)
        .set('Authorization', eo)
        .set('If-Match', '"1"')
        .send({ policeOutcome: '2' })
        .expect(200);
      deviceId = (
        await t.http().post('/api/devices').set('Authorization', eo).send(deviceDto(caseId)).expect(201)
      ).body.id;
      await t
        .http()
        .post(`/api/devices/${deviceId}/custody-events`)
        .set('Authorization', eo)
        .send(custodyEventDto())
        .expect(201);
      examId = (
        await t
          .http()
          .post('/api/examinations')
          .set('Authorization', t.auth(Role.Lab))
          .send(examinationDto(deviceId, { requestedAt: '2025-03-02T09:00:00Z' }))
          .expect(201)
      ).body.id;
      await t
        .http()
        .patch(`/api/examinations/${examId}`)
        .set('Authorization', t.auth(Role.Lab))
        .set('If-Match', '"1"')
        .send({ methods: 'Chip-off and UART console', findingsSummary: 'Schedule shows evening use' })
        .expect(200);
    });

    it('shows a case its create and update, oldest first, to the roles that may read it', async () => {
      for (const role of [Role.ExhibitsOfficer, Role.Lab, Role.Admin]) {
        const res = await t
          .http()
          .get(`/api/cases/${caseId}/history`)
          .set('Authorization', t.auth(role))
          .expect(200);
        expect(res.body).toMatchObject({ entity: 'case', id: caseId, total: 2 });
        expect(res.body.items.map((e: { action: string }) => e.action)).toEqual([
          'case.create',
          'case.update',
        ]);
        expect(res.body.items[1].changes).toMatchObject({
          before: { policeOutcome: null, version: 1 },
          after: { policeOutcome: '2', version: 2 },
        });
      }
      await t.http().get(`/api/cases/${caseId}/history`).set('Authorization', t.auth(Role.Foi)).expect(403);
    });

    it("includes a device's custody events in its history", async () => {
      const res = await t
        .http()
        .get(`/api/devices/${deviceId}/history`)
        .set('Authorization', t.auth(Role.Lab))
        .expect(200);

      expect(res.body.items.map((e: { action: string }) => e.action)).toEqual([
        'device.create',
        'custody.record',
        'device.update',
      ]);
    });

    it('redacts restricted examination fields from the history for roles other than lab and admin', async () => {
      const asLab = await t
        .http()
        .get(`/api/examinations/${examId}/history`)
        .set('Authorization', t.auth(Role.Lab))
        .expect(200);
      const asOfficer = await t
        .http()
        .get(`/api/examinations/${examId}/history`)
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .expect(200);

      expect(asLab.body.items[1].changes.after).toMatchObject({ methods: 'Chip-off and UART console' });
      expect(asOfficer.body.items[1].changes.after).toMatchObject({
        methods: '[restricted]',
        findingsSummary: '[restricted]',
      });
      expect(JSON.stringify(asOfficer.body)).not.toMatch(/Chip-off|evening use/);
      await t
        .http()
        .get(`/api/examinations/${examId}/history`)
        .set('Authorization', t.auth(Role.Foi))
        .expect(403);
    });

    it('answers 404 for a record that does not exist and 400 for an id that is not a UUID', async () => {
      for (const resource of ['cases', 'devices', 'examinations']) {
        const res = await t
          .http()
          .get(`/api/${resource}/${randomUUID()}/history`)
          .set('Authorization', t.auth(Role.Lab))
          .expect(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
        await t
          .http()
          .get(`/api/${resource}/nope/history`)
          .set('Authorization', t.auth(Role.Lab))
          .expect(400);
      }
    });
  });

  describe('verification', () => {
    it('reports an intact chain with its length and head hash', async () => {
      const count = await auditCount();
      const [head] = await t.dataSource.query('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1');

      const res = await t.http().get('/api/audit/verify').set('Authorization', admin()).expect(200);

      expect(res.body).toMatchObject({ intact: true, events: count, headSeq: count, headHash: head.hash });
      expect(res.body.message).toContain(`intact: ${count} events`);
    });

    it('walks a chain longer than one batch', async () => {
      const report = await t.app.get(AuditQueryService).verify(3);

      expect(report).toMatchObject({ intact: true, events: await auditCount() });
    });

    it('checks a head hash recorded earlier (--anchor): still there, or missing', async () => {
      const [head] = await t.dataSource.query('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
      const command = new AuditVerifyCommand(t.app.get(AuditQueryService));
      const run = async (anchor: string) => {
        const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
        try {
          await command.run([], { anchor: command.parseAnchor(anchor) });
          return spy.mock.calls.map((call) => String(call[0])).join('');
        } finally {
          spy.mockRestore();
        }
      };

      expect(await run(`${head.seq}:${head.hash}`)).toContain(`Anchor event ${head.seq} matches.`);
      expect(process.exitCode ?? 0).toBe(0);
      expect(await run(`99999:${head.hash}`)).toContain('Anchor MISSING: event 99999');
      expect(process.exitCode).toBe(1);
      process.exitCode = 0;
      expect(() => command.parseAnchor('12:nothex')).toThrow(/--anchor must be/);
    });

    it('names the event an attacker edited in the database file, through the API and the command', async () => {
      // As an attacker with file (or superuser) access would: drop the append-only trigger, then edit.
      const forged = '{"after":{"role":"admin"},"before":null}';
      if (t.dataSource.options.type === 'postgres') {
        await t.dataSource.query('DROP TRIGGER audit_events_no_update_delete ON audit_events');
        await t.dataSource.query('UPDATE audit_events SET changes = $1 WHERE seq = 3', [forged]);
      } else {
        const db = openSqliteFile(databaseFile());
        try {
          db.exec('DROP TRIGGER audit_events_no_update');
          db.prepare('UPDATE audit_events SET changes = ? WHERE seq = 3').run(forged);
        } finally {
          db.close();
        }
      }

      const res = await t.http().get('/api/audit/verify').set('Authorization', admin()).expect(200);
      expect(res.body).toMatchObject({ intact: false, firstBadSeq: 3, reason: 'hash-mismatch', events: 2 });
      expect(res.body.message).toMatch(/BROKEN at event 3 \(hash-mismatch\)/);

      const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      let output: string[];
      try {
        await new AuditVerifyCommand(t.app.get(AuditQueryService)).run([], {});
      } finally {
        output = spy.mock.calls.map((call) => String(call[0]));
        spy.mockRestore();
      }
      expect(output.join('')).toMatch(/BROKEN at event 3 \(hash-mismatch\)/);
      expect(process.exitCode).toBe(1);
      process.exitCode = 0;
    });
  });
});
