import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto } from './factories/case.factory.js';
import { deviceDto } from './factories/device.factory.js';

const sqliteOnly = process.env.TEST_DATABASE_URL ? describe.skip : describe;

// On SQLite every statement shares one connection: without serialised transactions a rollback of one
// request's transaction would also undo another request's acknowledged write.
sqliteOnly('SQLite transactions of concurrent requests', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const insertUser = (manager: { query: (sql: string, params: unknown[]) => Promise<unknown> }, id: string) =>
    manager.query(
      `INSERT INTO users (id, name, role, "createdAt") VALUES (?, 'Probe', 'lab', '2026-01-01T00:00:00.000Z')`,
      [id],
    );

  it('keeps a committed write when a concurrent transaction rolls back', async () => {
    let letFailingOneGo!: () => void;
    const gate = new Promise<void>((resolve) => (letFailingOneGo = resolve));
    const failing = t.dataSource.transaction(async (manager) => {
      await insertUser(manager, '00000000-0000-4000-8000-00000000000a');
      await gate;
      throw new Error('rolled back on purpose');
    });
    const committed = t.dataSource.transaction(async (manager) => {
      await insertUser(manager, '00000000-0000-4000-8000-00000000000b');
    });

    letFailingOneGo();
    await expect(failing).rejects.toThrow('rolled back on purpose');
    await committed;

    const rows = await t.dataSource.query(`SELECT id FROM users WHERE name = 'Probe'`);
    expect(rows).toEqual([{ id: '00000000-0000-4000-8000-00000000000b' }]);
  });

  it('keeps every acknowledged create when other requests fail at the same time', async () => {
    const sends = Array.from({ length: 12 }, (_, i) =>
      t
        .http()
        .post('/api/cases')
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .send(
          i % 2 === 0
            ? { reference: `SER/${i}`, kind: 'INCIDENT', incidentCategory: 'MISSING_PERSON' }
            : {
                reference: `SER/${i}`,
                kind: 'CRIME',
                homeOfficeCode: '92A',
                offenceSubgroup: 'VAP_HOMICIDE',
              },
        ),
    );

    const answers = await Promise.all(sends);

    const created = answers.filter((r) => r.status === 201).map((r) => r.body.reference as string);
    expect(created).toHaveLength(6);
    expect(answers.filter((r) => r.status === 422)).toHaveLength(6);
    const stored = await t.dataSource.query(`SELECT reference FROM cases WHERE reference LIKE 'SER/%'`);
    expect(stored.map((r: { reference: string }) => r.reference).sort()).toEqual(created.sort());
  });

  // POST /api/devices runs prepared statements straight on the driver (SqliteStatements): it takes its
  // turn in the same queue, so a rollback of another transaction cannot take the device with it.
  it('keeps a device created on the driver while another transaction is open and then rolls back', async () => {
    const officer = t.auth(Role.ExhibitsOfficer);
    const created = await t
      .http()
      .post('/api/cases')
      .set('Authorization', officer)
      .send(caseDto())
      .expect(201);
    let letFailingOneGo!: () => void;
    const gate = new Promise<void>((resolve) => (letFailingOneGo = resolve));
    const failing = t.dataSource.transaction(async (manager) => {
      await insertUser(manager, '00000000-0000-4000-8000-00000000000c');
      await gate;
      throw new Error('rolled back on purpose');
    });
    const posted = t
      .http()
      .post('/api/devices')
      .set('Authorization', officer)
      .send(deviceDto(created.body.id))
      .then((res) => res);

    await new Promise((resolve) => setTimeout(resolve, 50));
    letFailingOneGo();
    await expect(failing).rejects.toThrow('rolled back on purpose');
    const res = await posted;

    expect(res.status).toBe(201);
    expect(await t.query(`SELECT id FROM devices WHERE id = ?`, [res.body.id])).toHaveLength(1);
    expect(await t.query(`SELECT id FROM users WHERE id = '00000000-0000-4000-8000-00000000000c'`)).toEqual(
      [],
    );
  });
});
