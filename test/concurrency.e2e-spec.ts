import { Role } from '../src/auth/role.enum.js';
import { spawn } from 'node:child_process';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto } from './factories/case.factory.js';
import { deviceDto } from './factories/device.factory.js';

const PARALLEL = 12;

describe('concurrent writes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const eo = () => t.auth(Role.ExhibitsOfficer);
  const auditActions = async (id: string) =>
    (
      await t.dataSource
        .createQueryBuilder()
        .select('e.action', 'action')
        .from('audit_events', 'e')
        .where('e.entityId = :id', { id })
        .orderBy('e.seq')
        .getRawMany<{ action: string }>()
    ).map((r) => r.action);
  const casesWithReference = async (reference: string) =>
    t.dataSource
      .createQueryBuilder()
      .from('cases', 'c')
      .where('c.reference = :reference', { reference })
      .getCount();

  it('lets exactly one of N updates with the same If-Match win; the rest get 412 and nothing is lost', async () => {
    const created = await t.http().post('/api/cases').set('Authorization', eo()).send(caseDto()).expect(201);
    const subgroups = ['DRUG_POSSESSION', 'DRUG_TRAFFICKING'];

    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        t
          .http()
          .patch(`/api/cases/${created.body.id}`)
          .set('Authorization', eo())
          .set('If-Match', '"1"')
          .send({ offenceSubgroup: subgroups[i % 2], policeOutcome: String(i + 2) }),
      ),
    );

    const statuses = results.map((r) => r.status).sort((a, b) => a - b);
    expect(statuses).toEqual([200, ...Array(PARALLEL - 1).fill(412)]);
    const winner = results.find((r) => r.status === 200)!;
    const now = await t.http().get(`/api/cases/${created.body.id}`).set('Authorization', eo()).expect(200);
    expect(now.body).toMatchObject({ version: 2, policeOutcome: winner.body.policeOutcome });
    expect(await auditActions(created.body.id)).toEqual(['case.create', 'case.update']);
  });

  it('serialises updates that each read the latest version, so every one lands in turn', async () => {
    const created = await t.http().post('/api/cases').set('Authorization', eo()).send(caseDto()).expect(201);
    const id = created.body.id as string;

    // Each client retries on 412 with the version it reads back: all N updates must land.
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        for (let attempt = 0; attempt < 50; attempt++) {
          const current = await t.http().get(`/api/cases/${id}`).set('Authorization', eo());
          const res = await t
            .http()
            .patch(`/api/cases/${id}`)
            .set('Authorization', eo())
            .set('If-Match', `"${current.body.version}"`)
            .send({ policeOutcome: String(i + 2) });
          if (res.status === 200) return;
          expect(res.status).toBe(412);
        }
        throw new Error('update never landed');
      }),
    );

    const now = await t.http().get(`/api/cases/${id}`).set('Authorization', eo()).expect(200);
    expect(now.body.version).toBe(7);
    expect((await auditActions(id)).filter((a) => a === 'case.update')).toHaveLength(6);
  });

  it('lets exactly one of N parallel creates with the same case reference in', async () => {
    const body = caseDto();

    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        t.http().post('/api/cases').set('Authorization', eo()).send(body),
      ),
    );

    expect(results.map((r) => r.status).sort((a, b) => a - b)).toEqual([
      201,
      ...Array(PARALLEL - 1).fill(409),
    ]);
    expect(await casesWithReference(body.reference)).toBe(1);
  });

  it('keeps one unbroken audit chain under parallel writes to many records', async () => {
    const kase = await t.http().post('/api/cases').set('Authorization', eo()).send(caseDto()).expect(201);

    const results = await Promise.all([
      ...Array.from({ length: 10 }, () =>
        t.http().post('/api/cases').set('Authorization', eo()).send(caseDto()),
      ),
      ...Array.from({ length: 10 }, () =>
        t.http().post('/api/devices').set('Authorization', eo()).send(deviceDto(kase.body.id)),
      ),
    ]);

    expect(results.every((r) => r.status === 201)).toBe(true);
    const verify = await t
      .http()
      .get('/api/audit/verify')
      .set('Authorization', t.auth(Role.Admin))
      .expect(200);
    expect(verify.body.intact).toBe(true);
  });

  it('waits for a write by another process (e.g. a CLI command) instead of failing', async (ctx) => {
    if (t.dataSource.options.type !== 'better-sqlite3') return ctx.skip();
    const created = await t.http().post('/api/cases').set('Authorization', eo()).send(caseDto()).expect(201);
    // Another process holds the write lock for 400 ms and commits a change.
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(process.argv[1], { timeout: 5000 });
      db.exec('BEGIN IMMEDIATE');
      db.prepare('UPDATE reference_codes SET label = label WHERE rowid = 1').run();
      console.log('locked');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
      db.exec('COMMIT');
      db.close();`;
    const other = spawn('node', ['-e', script, t.dataSource.options.database as string], { stdio: 'pipe' });
    await new Promise((resolve) => other.stdout.once('data', resolve));

    const res = await t
      .http()
      .patch(`/api/cases/${created.body.id}`)
      .set('Authorization', eo())
      .set('If-Match', '"1"')
      .send({ policeOutcome: '2' });
    await new Promise((resolve) => (other.exitCode !== null ? resolve(null) : other.once('exit', resolve)));

    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
  });
});
