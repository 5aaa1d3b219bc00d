import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto } from './factories/case.factory.js';
import { custodyEventDto, deviceDto } from './factories/device.factory.js';

// Issue 13 part 7: who is who.
describe('GET /api/me and names in histories', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('tells every role its own id, name, role and when its token expires', async () => {
    for (const role of Object.values(Role)) {
      const res = await t.http().get('/api/me').set('Authorization', t.auth(role)).expect(200);
      const [token] = await t.query<{ id: string; expiresAt: string }>(
        'SELECT id, "expiresAt" FROM api_tokens WHERE "userId" = ?',
        [t.userIds[role]],
      );
      expect(res.body).toEqual({
        id: t.userIds[role],
        name: `Test ${role}`,
        role,
        tokenId: token.id,
        tokenExpiresAt: token.expiresAt,
      });
      expect(JSON.stringify(res.body)).not.toContain(t.tokens[role]);
    }
    await t.http().get('/api/me').expect(401);
  });

  it('names the user who made each change in a record history, for every role that may read it', async () => {
    const kase = await t
      .http()
      .post('/api/cases')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(caseDto())
      .expect(201);
    await t
      .http()
      .patch(`/api/cases/${kase.body.id}`)
      .set('Authorization', t.auth(Role.Admin))
      .set('If-Match', '"1"')
      .send({ policeOutcome: '2' })
      .expect(200);

    for (const role of [Role.ExhibitsOfficer, Role.Lab, Role.Admin]) {
      const res = await t
        .http()
        .get(`/api/cases/${kase.body.id}/history`)
        .set('Authorization', t.auth(role))
        .expect(200);
      expect(res.body.items.map((e: { actorName: string }) => e.actorName)).toEqual([
        'Test exhibits_officer',
        'Test admin',
      ]);
    }
    const log = await t
      .http()
      .get(`/api/audit?entityId=${kase.body.id}`)
      .set('Authorization', t.auth(Role.Admin))
      .expect(200);
    expect(log.body.items[0].actorName).toBe('Test exhibits_officer');
  });

  it('names the users behind custody events (not only their ids) for every role that may read them', async () => {
    const kase = await t
      .http()
      .post('/api/cases')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(caseDto())
      .expect(201);
    const device = await t
      .http()
      .post('/api/devices')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(deviceDto(kase.body.id))
      .expect(201);
    const recorded = await t
      .http()
      .post(`/api/devices/${device.body.id}/custody-events`)
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(custodyEventDto())
      .expect(201);
    expect(recorded.body).toMatchObject({
      recordedBy: t.userIds[Role.ExhibitsOfficer],
      recordedByName: 'Test exhibits_officer',
      createdByName: 'Test exhibits_officer',
    });

    for (const role of [Role.ExhibitsOfficer, Role.Lab, Role.Admin]) {
      const list = await t
        .http()
        .get(`/api/devices/${device.body.id}/custody-events`)
        .set('Authorization', t.auth(role))
        .expect(200);
      expect(list.body.items[0]).toMatchObject({
        createdByName: 'Test exhibits_officer',
        recordedByName: 'Test exhibits_officer',
      });
      expect(JSON.stringify(list.body)).not.toMatch(/sr_/);
    }
  });
});
