import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/role.enum.js';
import { AuditQueryService } from '../src/audit/audit-query.service.js';
import { openSqliteFile } from '../src/audit/sqlite-file.js';
import { AuditVerifyCommand } from '../src/cli/audit-verify.command.js';
import { createTestApp, TestApp } from './create-test-app.js';

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

    it('names the event an attacker edited in the database file, through the API and the command', async () => {
      const db = openSqliteFile(databaseFile());
      try {
        db.exec('DROP TRIGGER audit_events_no_update');
        db.prepare(`UPDATE audit_events SET changes = ? WHERE seq = 3`).run(
          '{"after":{"role":"admin"},"before":null}',
        );
      } finally {
        db.close();
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
