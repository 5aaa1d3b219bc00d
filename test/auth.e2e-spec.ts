import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';

describe('auth, users and tokens', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('serves /health without a token', async () => {
    const res = await t.http().get('/health').expect(200);

    expect(res.body).toEqual({ status: 'ok', database: t.dataSource.options.type });
  });

  it('rejects a request without a token with a 401 problem', async () => {
    const res = await t.http().get('/api/users').expect(401);

    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(res.body).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('rejects an unknown token with 401', async () => {
    await t.http().get('/api/users').set('Authorization', 'Bearer sr_notarealtokennotarealtoken').expect(401);
  });

  it('forbids the user admin API to every role but admin', async () => {
    for (const role of [Role.ExhibitsOfficer, Role.Lab, Role.Foi]) {
      const res = await t.http().get('/api/users').set('Authorization', t.auth(role)).expect(403);
      expect(res.body.status).toBe(403);
    }
    await t.http().get('/api/users').set('Authorization', t.auth(Role.Admin)).expect(200);
  });

  it('creates a user whose token works, and revokes it at once', async () => {
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', t.auth(Role.Admin))
      .send({ name: 'New Officer', role: 'exhibits_officer' })
      .expect(201);
    const token = created.body.token as string;
    await t.http().get('/api/reference').set('Authorization', `Bearer ${token}`).expect(200);

    await t
      .http()
      .post(`/api/users/${created.body.id}/tokens/${created.body.tokenId}/revoke`)
      .set('Authorization', t.auth(Role.Admin))
      .expect(201);

    await t.http().get('/api/reference').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('never lists token hashes', async () => {
    const res = await t
      .http()
      .get(`/api/users/${t.userIds[Role.Lab]}/tokens`)
      .set('Authorization', t.auth(Role.Admin))
      .expect(200);

    expect(res.body).toHaveLength(1);
    expect(JSON.stringify(res.body)).not.toMatch(/tokenHash|[0-9a-f]{64}/);
  });

  it('refuses a token expiry in the past, without an offset or in week form, naming expiresAt', async () => {
    for (const expiresAt of ['2020-01-01T00:00:00Z', '2030-01-01T00:00:00', '2030-W01-1', '2030-100']) {
      const res = await t
        .http()
        .post(`/api/users/${t.userIds[Role.Lab]}/tokens`)
        .set('Authorization', t.auth(Role.Admin))
        .send({ label: 'short', expiresAt })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'expiresAt' })]);
    }
  });

  it('lists every bad field of a user and unknown fields', async () => {
    const res = await t
      .http()
      .post('/api/users')
      .set('Authorization', t.auth(Role.Admin))
      .send({ name: '', role: 'boss', shoeSize: 9 })
      .expect(400);

    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'role', 'shoeSize']));
  });

  it('refuses a NUL character in a body field or query string, naming the field, and writes nothing', async () => {
    const before = await t.dataSource.query('SELECT COUNT(*) AS n FROM users');

    const body = await t
      .http()
      .post('/api/users')
      .set('Authorization', t.auth(Role.Admin))
      .send({ name: 'a\u0000b', role: 'lab' })
      .expect(400);
    const query = await t
      .http()
      .get('/api/users?limit=1%00')
      .set('Authorization', t.auth(Role.Admin))
      .expect(400);

    expect(body.body.errors).toEqual([{ field: 'name', message: 'must not contain a NUL character' }]);
    expect(query.body.errors[0].field).toBe('limit');
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM users')).toEqual(before);
  });

  it('answers a malformed JSON body with 400, not 500', async () => {
    const res = await t
      .http()
      .post('/api/users')
      .set('Authorization', t.auth(Role.Admin))
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);

    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('serves reference lists to every role', async () => {
    for (const role of Object.values(Role)) {
      const res = await t
        .http()
        .get('/api/reference/device-types')
        .set('Authorization', t.auth(role))
        .expect(200);
      expect(res.body.items[0]).toMatchObject({ code: 'SMART_PLUG', label: 'Smart plug' });
    }
    await t.http().get('/api/reference/nope').set('Authorization', t.auth(Role.Lab)).expect(404);
  });

  it('serves the OpenAPI document without a token', async () => {
    const res = await t.http().get('/docs-json').expect(200);

    expect(res.body.paths).toHaveProperty('/api/users');
  });
});
