import request from 'supertest';
import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from '../create-test-app.js';
import { csrfOf, givePasswords, signedInAgent, PASSWORD } from './page-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await givePasswords(t);
});
afterAll(async () => t?.close());

describe('admin pages', () => {
  it('creates a user who can sign in, issues and revokes a token, resets the password, disables; the audit trail verifies', async () => {
    const admin = await signedInAgent(t, Role.Admin);
    let page = await admin.get('/admin/users').expect(200);
    const weak = await admin.post('/admin/users').type('form').send({ _csrf: csrfOf(page.text), name: 'PC Weak', role: 'exhibits_officer', username: 'pc.weak', password: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('Password is too common');
    const created = await admin.post('/admin/users').type('form')
      .send({ _csrf: csrfOf(page.text), name: 'PC New', role: 'exhibits_officer', username: 'pc.new', password: PASSWORD }).expect(200);
    const token = /<code>([^<]+)<\/code>/.exec(created.text)![1];
    await t.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);

    const userId = (await t.query<{ userId: string }>(`SELECT "userId" FROM "password_credentials" WHERE "username" = 'pc.new'`))[0].userId;
    const user = request.agent(t.app.getHttpServer());
    const form = await user.get('/sign-in');
    await user.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), username: 'pc.new', password: PASSWORD }).expect(303);
    await user.get('/').expect(200);

    page = await admin.get(`/admin/users/${userId}`).expect(200);
    const issued = await admin.post(`/admin/users/${userId}/tokens`).type('form').send({ _csrf: csrfOf(page.text), label: 'laptop' }).expect(200);
    const second = /<code>([^<]+)<\/code>/.exec(issued.text)![1];
    await t.http().get('/api/me').set('Authorization', `Bearer ${second}`).expect(200);
    const tokenId = (await t.query<{ id: string }>(`SELECT "id" FROM "api_tokens" WHERE "label" = 'laptop'`))[0].id;
    await admin.post(`/admin/users/${userId}/tokens/${tokenId}/revoke`).type('form').send({ _csrf: csrfOf(issued.text) }).expect(303);
    await t.http().get('/api/me').set('Authorization', `Bearer ${second}`).expect(401);

    page = await admin.get(`/admin/users/${userId}`).expect(200);
    await admin.post(`/admin/users/${userId}/password`).type('form').send({ _csrf: csrfOf(page.text), password: 'another-long-passphrase' }).expect(303);
    await user.get('/').expect(303);
    await admin.post(`/admin/users/${userId}/disable`).type('form').send({ _csrf: csrfOf(page.text) }).expect(303);
    await t.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);

    const audit = await admin.get(`/admin/audit?entityId=${userId}`).expect(200);
    expect(audit.text).toContain('Test admin');
    const verified = await admin.get('/admin/audit?verify=1').expect(200);
    expect(verified.text).toContain('Audit trail intact');

    const officer = await signedInAgent(t, Role.ExhibitsOfficer);
    await officer.get('/admin/users').expect(403);
    await officer.get('/admin/audit').expect(403);
  });
});
