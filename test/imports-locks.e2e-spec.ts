import type { Test } from 'supertest';
import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto } from './factories/case.factory.js';
import { csvBuffer, deviceRow } from './factories/device-sheet.factory.js';

// PostgreSQL runs transactions side by side. An import files devices under existing cases without a
// lock per case: it takes one advisory lock exclusively, and voiding a case takes it shared, so the
// two never interleave. The test holds the case row (FOR UPDATE) so the first request stops part-way
// (the void at its UPDATE, the import at its device's foreign-key check), starts the second, waits
// until both are blocked, then lets go. SQLite runs one writer at a time.
describe.runIf(process.env.TEST_DATABASE_URL)('an import racing a case void (PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const voidCase = (id: string) =>
    t
      .http()
      .post(`/api/cases/${id}/void`)
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send({ reason: 'Entered twice in error' });
  const importDevice = (reference: string) =>
    t
      .http()
      .post('/api/imports/devices')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .attach(
        'file',
        csvBuffer([deviceRow({ 'Case reference': reference, 'Exhibit reference': 'LCK/1' })]),
        'd.csv',
      );
  const newCase = async () =>
    (
      await t
        .http()
        .post('/api/cases')
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .send(caseDto())
        .expect(201)
    ).body as { id: string; reference: string };

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

  it('an import after a void in progress waits for it, then refuses the voided case', async () => {
    const created = await newCase();

    const [voided, imported] = await race(
      created.id,
      () => voidCase(created.id),
      () => importDevice(created.reference),
    );

    expect([voided.status, imported.status]).toEqual([200, 422]);
    expect(imported.body.errors).toEqual([
      expect.objectContaining({
        field: 'reference',
        // The import names the column (issue 13 part 6).
        message: 'Case reference: the case is voided; a device cannot be added to it',
      }),
    ]);
    expect(await openDevices(created.id)).toBe(0);
  });

  it('a void after an import in progress waits for it, then finds the new device (409)', async () => {
    const created = await newCase();

    const [imported, voided] = await race(
      created.id,
      () => importDevice(created.reference),
      () => voidCase(created.id),
    );

    expect([imported.status, voided.status]).toEqual([201, 409]);
    expect(voided.body.code).toBe('CASE_HAS_DEVICES');
    expect(await openDevices(created.id)).toBe(1);
  });
});
