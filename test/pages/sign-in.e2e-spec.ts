import request from 'supertest';
import { Role } from '../../src/auth/role.enum.js';
import { UsersService } from '../../src/auth/users.service.js';
import { DenialAudit } from '../../src/security/denial-audit.js';
import { CredentialsService } from '../../src/sign-in/credentials.service.js';
import { createTestApp, type TestApp } from '../create-test-app.js';
import { csrfOf, givePasswords, PASSWORD, signedInAgent } from './page-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ authFailuresPerMinute: 6 });
  await givePasswords(t);
});
afterAll(async () => t?.close());

const sessionCookie = (res: request.Response) =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('register_session='));

describe('sign-in and sessions', () => {
  it('sends signed-out users to the sign-in page, and a bearer token never opens a page', async () => {
    const res = await t.http().get('/?reference=X').expect(303);
    expect(res.headers.location).toBe('/sign-in?returnTo=%2F%3Freference%3DX');
    await t.http().get('/').set('Authorization', t.auth(Role.Admin)).expect(303);
  });

  it('answers an unknown address with the "Page not found" page, and an unknown /api address with a problem', async () => {
    const page = await t.http().get('/no-such-page').expect(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('Page not found');
    expect(page.text).toContain('lang="en-GB"');
    const api = await t.http().get('/api/no-such-thing').set('Authorization', t.auth(Role.Admin)).expect(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('signs in with a session cookie that is HttpOnly, SameSite=Lax and signed, new at every sign-in', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in').expect(200);
    expect(form.text).toContain('<html lang="en-GB"');
    expect(form.text).toContain('<title>Sign in – Seizure register</title>');
    const first = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(form.text), username: 'LAB', password: PASSWORD, returnTo: '/examinations' })
      .expect(303);
    expect(first.headers.location).toBe('/examinations');
    const cookie = sessionCookie(first)!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie.split(';')[0]).toMatch(/^register_session=[^.]+\.[^.]+$/);
    const home = await agent.get('/').expect(200);
    expect(home.text).toContain('Test lab');

    // Signing in again from the same browser: a new session id, and the old cookie no longer works.
    const again = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(home.text), username: 'lab', password: PASSWORD, returnTo: '/' })
      .expect(303);
    const second = sessionCookie(again)!;
    expect(second.split(';')[0]).not.toBe(cookie.split(';')[0]);
    await t.http().get('/').set('Cookie', cookie.split(';')[0]).expect(303);
    await t.http().get('/').set('Cookie', second.split(';')[0]).expect(200);
    // A tampered signature is no session at all.
    await t.http().get('/').set('Cookie', `${second.split(';')[0]}x`).expect(303);
  });

  it('refuses a wrong password and an unknown username with the same words, audited without either', async () => {
    const before = await t.query<{ n: number }>('SELECT COUNT(*) AS n FROM "web_sessions"');
    const answers = [];
    for (const [username, password] of [
      ['lab', 'not-the-password'],
      ['nobody-here', PASSWORD],
    ]) {
      const agent = request.agent(t.app.getHttpServer());
      const form = await agent.get('/sign-in');
      const res = await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrfOf(form.text), username, password })
        .expect(401);
      answers.push(res.text.match(/govuk-error-summary__list[\s\S]*?<\/ul>/)![0]);
    }
    expect(answers[0]).toBe(answers[1]);
    expect(answers[0]).toContain('The username or password is not right');
    const after = await t.query<{ n: number }>('SELECT COUNT(*) AS n FROM "web_sessions"');
    expect(Number(after[0].n)).toBe(Number(before[0].n));
    const failures = await t.query<{ entityId: string; changes: string }>(
      `SELECT "entityId", "changes" FROM "audit_events" WHERE "action" = 'session.sign-in-failed' ORDER BY "seq"`,
    );
    expect(failures.map((f) => f.entityId)).toEqual([t.userIds[Role.Lab], 'unknown']);
    expect(JSON.stringify(failures)).not.toMatch(/nobody-here|not-the-password/);
  });

  it('refuses a form POST without its CSRF token (403) and writes nothing', async () => {
    const events = await t.query<{ n: number }>('SELECT COUNT(*) AS n FROM "audit_events"');
    const res = await t.http().post('/sign-in').type('form').send({ username: 'lab', password: PASSWORD }).expect(403);
    expect(res.text).toContain('This form has expired');
    expect(sessionCookie(res)).toBeUndefined();
    const agent = await signedInAgent(t, Role.ExhibitsOfficer);
    await agent.post('/sign-out').type('form').send({}).expect(403);
    await agent.post('/sign-out').type('form').send({ _csrf: 'forged' }).expect(403);
    await agent.get('/').expect(200);
    const after = await t.query<{ n: number }>('SELECT COUNT(*) AS n FROM "audit_events"');
    // Only the sign-in of the agent above was written.
    expect(Number(after[0].n)).toBe(Number(events[0].n) + 1);
  });

  it('never lets a page session call the API', async () => {
    const agent = await signedInAgent(t, Role.Admin);
    await agent.get('/api/cases').expect(401);
    await agent.get('/api/users').expect(401);
  });

  it('signs out (POST) and the cookie stops working', async () => {
    const agent = await signedInAgent(t, Role.Foi);
    const home = await agent.get('/').expect(200);
    const out = await agent.post('/sign-out').type('form').send({ _csrf: csrfOf(home.text) }).expect(303);
    expect(out.headers.location).toBe('/sign-in');
    await agent.get('/').expect(303);
  });

  it('ends sessions at once when a password is reset or the user is disabled, and after idle or absolute time', async () => {
    const officer = await signedInAgent(t, Role.ExhibitsOfficer);
    await t.app.get(CredentialsService).setPassword(t.userIds[Role.ExhibitsOfficer], 'a-new-long-passphrase', null);
    await officer.get('/').expect(303);
    await t.app.get(CredentialsService).setPassword(t.userIds[Role.ExhibitsOfficer], PASSWORD, null);

    const idle = await signedInAgent(t, Role.ExhibitsOfficer);
    await idle.get('/').expect(200);
    await t.query(`UPDATE "web_sessions" SET "lastSeenAt" = ? WHERE "endedAt" IS NULL AND "userId" = ?`, [
      new Date(Date.now() - 31 * 60_000).toISOString(),
      t.userIds[Role.ExhibitsOfficer],
    ]);
    await idle.get('/').expect(303);

    const long = await signedInAgent(t, Role.ExhibitsOfficer);
    await t.query(`UPDATE "web_sessions" SET "createdAt" = ? WHERE "endedAt" IS NULL AND "userId" = ?`, [
      new Date(Date.now() - 12 * 3_600_000 - 1000).toISOString(),
      t.userIds[Role.ExhibitsOfficer],
    ]);
    await long.get('/').expect(303);

    const foi = await signedInAgent(t, Role.Foi);
    await foi.get('/').expect(200);
    await t.app.get(UsersService).disable(t.userIds[Role.Foi], t.userIds[Role.Admin]);
    await foi.get('/').expect(303);
  });

  it('gives pages a CSP with a nonce and no unsafe-inline scripts, and no framing; the API keeps its own', async () => {
    const page = await t.http().get('/sign-in').expect(200);
    const csp = page.headers['content-security-policy'];
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(csp).toMatch(/script-src 'self' 'nonce-/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(page.text).toContain(`<script nonce="${nonce}">`);
    expect(page.text.match(/<script(?![^>]*\bsrc=)[^>]*>/g)!.every((tag) => tag.includes(`nonce="${nonce}"`))).toBe(true);
    const api = await t.http().get('/health');
    expect(api.headers['content-security-policy']).not.toMatch(/nonce/);
  });

  it('throttles failed sign-ins per address and username: another user behind the same address still signs in', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const attempt = async (username: string, password: string) => {
      const form = await agent.get('/sign-in').expect(200);
      return agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), username, password, returnTo: '/' });
    };
    let status = 0;
    for (let i = 0; i < 10 && status !== 429; i += 1) status = (await attempt('exhibits-officer', 'wrong-wrong-wrong')).status;
    expect(status).toBe(429);

    // Locked: even the right password is refused for this username from this address, with Retry-After.
    const locked = await attempt('EXHIBITS-OFFICER', PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.text).toContain('Too many failed sign-ins with this username');
    // Everyone else behind the address (a NAT) signs in, and bad API tokens from it do not lock pages.
    const other = await attempt('lab', PASSWORD);
    expect(other.status).toBe(303);
    for (let i = 0; i < 8; i += 1) await t.http().get('/api/cases').set('Authorization', 'Bearer sr_nonsense0000000');
    await agent.get('/').expect(200);
    await t.app.get(DenialAudit).settled();
    const lockouts = await t.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "audit_events" WHERE "action" = 'auth.lockout'`);
    expect(Number(lockouts[0].n)).toBeGreaterThanOrEqual(1);
  });

  it('refuses a form that is not UTF-8 or holds invisible control characters (400), writing nothing', async () => {
    const agent = await signedInAgent(t, Role.Admin);
    const form = await agent.get('/admin/users').expect(200);
    const csrf = encodeURIComponent(csrfOf(form.text));
    const before = await t.query<{ n: number }>('SELECT COUNT(*) AS n FROM "users"');
    for (const name of ['Ann%FFe', 'Ann%ED%A0%80e', 'Ann%E2%80%AEe']) {
      const res = await agent.post('/admin/users').type('form').send(`_csrf=${csrf}&name=${name}&role=lab`);
      expect(res.status, res.text.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').slice(0, 1500)).toBe(400);
      expect(res.text).toContain('name ');
      expect(res.text).not.toContain('\uFFFD');
    }
    const raw = await agent.post('/admin/users').set('content-type', 'application/x-www-form-urlencoded')
      .serialize((body: Buffer) => body as never)
      .send(Buffer.concat([Buffer.from(`_csrf=${csrf}&role=lab&name=Ann`), Buffer.from([0xc3, 0x28])]));
    expect(raw.status, raw.text.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').slice(0, 1500)).toBe(400);
    expect(raw.text).toContain('not valid UTF-8');
    expect(await t.query<{ n: number }>('SELECT COUNT(*) AS n FROM "users"')).toEqual(before);
  });
});
