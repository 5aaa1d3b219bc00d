import { Writable } from 'node:stream';
import { pino } from 'pino';
import { Role } from '../src/auth/role.enum.js';
import { UsersService } from '../src/auth/users.service.js';
import { UserCreateCommand } from '../src/cli/user-create.command.js';
import { CredentialsService } from '../src/sign-in/credentials.service.js';
import { DenialAudit } from '../src/security/denial-audit.js';
import { createTestApp, TestApp } from './create-test-app.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysFromNow = (iso: string) => (Date.parse(iso) - Date.now()) / DAY_MS;

// Issue 14 part 4: tokens expire by default; the failed-token limiter counts per address and token
// prefix; denials are logged with who, what and why, and repeated ones are audited.
describe('token lifetime', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const admin = () => t.auth(Role.Admin);
  const issue = (body: object) =>
    t.http().post(`/api/users/${t.userIds[Role.Lab]}/tokens`).set('Authorization', admin()).send(body);

  it('gives every new token an expiry 90 days ahead unless asked otherwise: API users, tokens and the command line', async () => {
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin())
      .send({ name: 'Expiring officer', role: 'exhibits_officer' })
      .expect(201);
    const issued = await issue({ label: 'script' }).expect(201);
    const listed = await t
      .http()
      .get(`/api/users/${created.body.id}/tokens`)
      .set('Authorization', admin())
      .expect(200);

    expect(daysFromNow(created.body.tokenExpiresAt)).toBeCloseTo(90, 1);
    expect(daysFromNow(issued.body.expiresAt)).toBeCloseTo(90, 1);
    expect(listed.body[0].expiresAt).toBe(created.body.tokenExpiresAt);

    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      await new UserCreateCommand(t.app.get(UsersService), t.app.get(CredentialsService)).run([], { name: 'CLI admin', role: 'admin' });
      await new UserCreateCommand(t.app.get(UsersService), t.app.get(CredentialsService)).run([], {
        name: 'CLI lab',
        role: 'lab',
        expiresInDays: '7',
      });
    } finally {
      spy.mockRestore();
    }
    const output = written.join('');
    const expiries = [...output.matchAll(/expires at (\S+) and is shown once/g)].map((m) => m[1]);
    expect(expiries).toHaveLength(2);
    expect(daysFromNow(expiries[0])).toBeCloseTo(90, 1);
    expect(daysFromNow(expiries[1])).toBeCloseTo(7, 1);
    const token = output.trim().split('\n').pop()!;
    await t.http().get('/api/reference').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('refuses an expiry beyond the longest lifetime (one year), 9999-12-31 included, naming expiresAt', async () => {
    const before = await t.query<{ n: number }>('SELECT COUNT(*) AS n FROM api_tokens');
    for (const expiresAt of ['9999-12-31T00:00:00Z', new Date(Date.now() + 366 * DAY_MS).toISOString()]) {
      const res = await issue({ expiresAt }).expect(400);
      expect(res.body.errors).toEqual([
        { field: 'expiresAt', message: expect.stringContaining('at most 365 days from now') },
      ]);
    }
    expect(await t.query('SELECT COUNT(*) AS n FROM api_tokens')).toEqual(before);

    const within = await issue({ expiresAt: new Date(Date.now() + 364 * DAY_MS).toISOString() }).expect(201);
    expect(daysFromNow(within.body.expiresAt)).toBeCloseTo(364, 1);
  });

  it('stops a token issued without an expiry (before this change) one year after its issue', async () => {
    const old = await issue({ label: 'legacy' }).expect(201);
    const recent = await issue({ label: 'legacy-recent' }).expect(201);
    const longAgo = new Date(Date.now() - 366 * DAY_MS).toISOString();
    await t.query('UPDATE api_tokens SET "expiresAt" = NULL, "createdAt" = ? WHERE id = ?', [
      longAgo,
      old.body.tokenId,
    ]);
    await t.query('UPDATE api_tokens SET "expiresAt" = NULL WHERE id = ?', [recent.body.tokenId]);

    await t.http().get('/api/reference').set('Authorization', `Bearer ${old.body.token}`).expect(401);
    await t.http().get('/api/reference').set('Authorization', `Bearer ${recent.body.token}`).expect(200);
  });
});

describe('token lifetime settings', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ security: { tokenLifetimeDays: 2, tokenMaxLifetimeDays: 10 } });
  });

  afterAll(async () => {
    await t.close();
  });

  it('follows TOKEN_LIFETIME_DAYS and TOKEN_MAX_LIFETIME_DAYS', async () => {
    const url = `/api/users/${t.userIds[Role.Lab]}/tokens`;
    const issued = await t.http().post(url).set('Authorization', t.auth(Role.Admin)).send({}).expect(201);
    const tooLong = await t
      .http()
      .post(url)
      .set('Authorization', t.auth(Role.Admin))
      .send({ expiresAt: new Date(Date.now() + 11 * DAY_MS).toISOString() })
      .expect(400);

    expect(daysFromNow(issued.body.expiresAt)).toBeCloseTo(2, 1);
    expect(tooLong.body.errors[0].message).toContain('at most 10 days');
  });
});

describe('denials: limiter, security log and audit', () => {
  let t: TestApp;
  const lines: Record<string, unknown>[] = [];
  const LIMIT = 4;

  beforeAll(async () => {
    const stream = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    t = await createTestApp({ authFailuresPerMinute: LIMIT, logger: pino({ level: 'info' }, stream) });
  });

  afterAll(async () => {
    await t.close();
  });

  const securityLines = () =>
    lines.filter((l) => l.security) as { security: Record<string, unknown>; msg: string }[];
  const auditOf = (action: string) =>
    t.query<{ action: string; actorId: string | null; changes: string }>(
      'SELECT action, "actorId", changes FROM audit_events WHERE action = ? ORDER BY seq',
      [action],
    );

  it('locks out one bad token from an address while the good tokens from that address keep working', async () => {
    const bad = 'Bearer sr_badbadbadbadbadbadbadbadbad';
    for (let i = 0; i < LIMIT; i++) await t.http().get('/api/cases').set('Authorization', bad).expect(401);

    await t.http().get('/api/cases').set('Authorization', bad).expect(429);
    for (const role of [Role.ExhibitsOfficer, Role.Lab, Role.Admin]) {
      await t.http().get('/api/cases').set('Authorization', t.auth(role)).expect(200);
    }
    await t.http().get('/api/cases').set('Authorization', 'Bearer sr_otherotherotherotherother').expect(401);
  });

  it('writes one audit event when the limit is crossed, not one per refused request', async () => {
    const bad = 'Bearer sr_floodfloodfloodfloodfloodflood';
    for (let i = 0; i < LIMIT * 3; i++) await t.http().get('/api/devices').set('Authorization', bad);
    await t.app.get(DenialAudit).settled();

    const events = await auditOf('auth.lockout');
    // One per address and window: the first test's lockout; this flood from the same address adds none.
    expect(events).toHaveLength(1);
    const after = JSON.parse(events[0].changes).after;
    expect(after).toMatchObject({ client: expect.any(String), reason: 'token-unknown', failures: LIMIT });
    expect(events[0].changes).not.toMatch(/sr_/);
    const verify = await t
      .http()
      .get('/api/audit/verify')
      .set('Authorization', t.auth(Role.Admin))
      .expect(200);
    expect(verify.body.intact).toBe(true);
  });

  it('audits a user refused again and again (403) once per threshold crossing, by that user', async () => {
    for (let i = 0; i < LIMIT * 2; i++) {
      await t.http().get('/api/users').set('Authorization', t.auth(Role.Foi)).expect(403);
    }
    await t.app.get(DenialAudit).settled();

    const events = await auditOf('auth.denied-repeatedly');
    expect(events).toHaveLength(1);
    expect(events[0].actorId).toBe(t.userIds[Role.Foi]);
    expect(JSON.parse(events[0].changes).after).toMatchObject({
      reason: 'ROLE_NOT_ALLOWED',
      route: '/api/users',
      denials: LIMIT,
    });
  });

  it('logs 401, 403 and 429 with the client address, the user when known, the route and the reason; never the token', async () => {
    const revoked = await t
      .http()
      .post('/api/users')
      .set('Authorization', t.auth(Role.Admin))
      .send({ name: 'Revoked Person', role: 'lab' })
      .expect(201);
    await t
      .http()
      .post(`/api/users/${revoked.body.id}/tokens/${revoked.body.tokenId}/revoke`)
      .set('Authorization', t.auth(Role.Admin))
      .expect(201);
    lines.length = 0;

    await t
      .http()
      .get(`/api/devices/${revoked.body.id}`)
      .set('Authorization', `Bearer ${revoked.body.token}`)
      .expect(401);
    await t.http().get('/api/cases?reference=Jane').expect(401);
    await t.http().get('/api/audit').set('Authorization', t.auth(Role.Lab)).expect(403);
    await t
      .http()
      .get('/api/cases')
      .set('Authorization', 'Bearer sr_badbadbadbadbadbadbadbadbad')
      .expect(429);

    const logged = securityLines();
    expect(logged.map((l) => l.security)).toEqual([
      {
        client: expect.any(String),
        userId: revoked.body.id,
        route: '/api/devices/:id',
        reason: 'token-revoked',
      },
      { client: expect.any(String), userId: null, route: '/api/cases', reason: 'no-token' },
      {
        client: expect.any(String),
        userId: t.userIds[Role.Lab],
        route: '/api/audit',
        reason: 'ROLE_NOT_ALLOWED',
      },
      {
        client: expect.any(String),
        userId: null,
        route: '/api/cases',
        reason: 'too-many-failed-authentications',
      },
    ]);
    expect(String(logged[0].security.client)).toMatch(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/);
    const text = JSON.stringify(lines);
    expect(text).not.toContain(revoked.body.token);
    expect(text).not.toMatch(/sr_[A-Za-z0-9_-]{4,}|Revoked Person|Jane|Test lab/);
  });
});
