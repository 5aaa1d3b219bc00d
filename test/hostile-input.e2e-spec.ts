import { Logger } from '@nestjs/common';
import fc from 'fast-check';
import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto, countRows } from './factories/case.factory.js';
import { custodyEventDto, deviceDto } from './factories/device.factory.js';
import { examinationDto } from './factories/examination.factory.js';
import { scopeEntryDto } from './factories/scope-entry.factory.js';

const TABLES = [
  'cases',
  'devices',
  'custody_events',
  'examinations',
  'scope_entries',
  'users',
  'api_tokens',
  'audit_events',
];
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const LEAKS = /QueryFailedError|SQLITE|SELECT |INSERT |UPDATE |node_modules|\.ts:\d+|\bat [A-Z]\w+\./;

// Values a hostile or careless client might send in any field.
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a'.repeat(5000),
    '1e309',
    '-1',
    'NaN',
    '2024-02-30T00:00:00Z',
    '2024-01-01',
    "'; DROP TABLE cases; --",
    '<script>alert(1)</script>',
    '__proto__',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

// A valid body with fields replaced, removed or added; or an arbitrary object; or not an object at all.
function bodyArb(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const mutated = fc
    .tuple(
      fc.dictionary(keys.length ? fc.constantFrom(...keys) : fc.string(), hostileValue, { maxKeys: 3 }),
      fc.subarray(keys, { maxLength: Math.min(2, keys.length) }),
      fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 2 }),
      fc.boolean(),
    )
    .map(([replaced, removed, extra, addExtra]) => {
      const body: Record<string, unknown> = { ...valid, ...replaced };
      for (const key of removed) delete body[key];
      return addExtra ? { ...body, ...extra } : body;
    });
  const arbitrary = fc.dictionary(
    fc.oneof(fc.constantFrom(...keys, 'id', 'version'), fc.string()),
    hostileValue,
  );
  return fc.oneof({ weight: 3, arbitrary: mutated }, arbitrary, fc.jsonValue({ maxDepth: 2 }));
}

const contentTypeArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/xml',
    'application/json; charset=latin1',
  ),
);

interface WriteOperation {
  method: 'post' | 'patch';
  path: string;
  valid: Record<string, unknown>;
  version?: string;
}

describe('hostile input', () => {
  let t: TestApp;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const eo = t.auth(Role.ExhibitsOfficer);
    const create = async (path: string, body: object, role = Role.ExhibitsOfficer) =>
      (await t.http().post(path).set('Authorization', t.auth(role)).send(body).expect(201)).body;
    const kase = await create('/api/cases', caseDto());
    const device = await create('/api/devices', deviceDto(kase.id));
    const exam = await create(
      '/api/examinations',
      examinationDto(device.id, { requestedAt: '2025-03-02T09:00:00Z' }),
      Role.Lab,
    );
    const scope = await create('/api/accreditation/scope-entries', scopeEntryDto(), Role.Lab);
    const spare = await create('/api/users', { name: 'Spare', role: 'foi' }, Role.Admin);
    ids = {
      cases: kase.id,
      devices: device.id,
      examinations: exam.id,
      'scope-entries': scope.id,
      users: spare.id,
      tokenId: spare.tokenId,
    };
    expect(eo).toBeTruthy();
  });

  afterAll(async () => {
    await t.close();
  });

  const admin = () => t.auth(Role.Admin);
  const counts = () => countRows(t.dataSource, TABLES);

  // Fills {id} and {tokenId} with the records made above, by the path's resource.
  function fillPath(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (name === 'tokenId') return ids.tokenId;
      const resource = Object.keys(ids).find((r) => template.includes(`/${r}/{${name}}`));
      return resource ? ids[resource] : '00000000-0000-4000-8000-000000000000';
    });
  }

  const VALID: Record<string, () => Record<string, unknown>> = {
    'post /api/cases': () => caseDto(),
    'patch /api/cases/{id}': () => ({ offenceSubgroup: 'DRUG_TRAFFICKING' }),
    'post /api/devices': () => deviceDto(ids.cases) as Record<string, unknown>,
    'patch /api/devices/{id}': () => ({ make: 'Meross' }),
    'post /api/devices/{id}/custody-events': () => custodyEventDto(),
    'post /api/examinations': () => examinationDto(ids.devices, { requestedAt: '2025-03-02T09:00:00Z' }),
    'patch /api/examinations/{id}': () => ({ codeCompliance: 'COMPLIANT' }),
    'post /api/accreditation/scope-entries': () => scopeEntryDto(),
    'post /api/users': () => ({ name: 'Fuzz', role: 'foi' }),
    'post /api/users/{id}/tokens': () => ({ label: 'fuzz' }),
  };

  async function openApi(): Promise<Record<string, Record<string, unknown>>> {
    return (await t.http().get('/docs-json').expect(200)).body.paths;
  }

  // Every POST and PATCH in the API document; the ones that end a record's life run last.
  async function writeOperations(): Promise<WriteOperation[]> {
    const ops: WriteOperation[] = [];
    for (const [path, methods] of Object.entries(await openApi())) {
      for (const method of ['post', 'patch'] as const) {
        if (!methods[method] || path.includes('/imports/')) continue;
        const key = `${method} ${path}`;
        const valid = VALID[key]?.() ?? (path.endsWith('/void') ? { reason: 'Entered in error' } : {});
        ops.push({ method, path, valid });
      }
    }
    const last = (op: WriteOperation) => (/\/(void|disable|revoke)$/.test(op.path) ? 1 : 0);
    return ops.sort((a, b) => last(a) - last(b));
  }

  it('never answers a generated body with 5xx, and a rejected write leaves every table as it was', async () => {
    const operations = await writeOperations();
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(['post /api/cases', 'patch /api/devices/{id}', 'post /api/users']),
    );
    const statuses = new Map<string, Set<number>>();
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(
          bodyArb(op.valid),
          contentTypeArb,
          fc.oneof(fc.constant('current'), fc.string({ maxLength: 8 }), fc.constant('')),
          async (body, contentType, ifMatch) => {
            const path = fillPath(op.path);
            let req = t
              .http()
              [op.method](path)
              .set('Authorization', admin())
              .set('Content-Type', contentType);
            if (op.method === 'patch' && ifMatch) {
              const current = await t.http().get(path).set('Authorization', admin());
              req = req.set('If-Match', ifMatch === 'current' ? `"${current.body.version}"` : ifMatch);
            }
            const before = await counts();
            const res = await req.send(JSON.stringify(body));
            const context = `${op.method.toUpperCase()} ${op.path} -> ${res.status} ${res.text.slice(0, 300)}`;
            statuses.set(op.path, (statuses.get(op.path) ?? new Set()).add(res.status));
            expect(res.status, context).toBeLessThan(500);
            if (res.status >= 400) {
              expect(res.headers['content-type'], context).toContain('application/problem+json');
              expect(res.text, context).not.toMatch(LEAKS);
              expect(await counts(), context).toEqual(before);
            }
          },
        ),
        { numRuns: RUNS },
      );
    }
    if (process.env.FUZZ_REPORT)
      console.log(
        operations.map((o) => `${o.method} ${o.path} ${[...(statuses.get(o.path) ?? [])].join(',')}`),
      );
    // The generated bodies got past the body parser to the validation of the main resources.
    for (const path of ['/api/cases', '/api/devices', '/api/examinations']) {
      expect([...(statuses.get(path) ?? [])]).toEqual(expect.arrayContaining([400]));
    }
    const verify = await t.http().get('/api/audit/verify').set('Authorization', admin()).expect(200);
    expect(verify.body.intact).toBe(true);
  }, 120_000);

  it('never answers a generated query string with 5xx, and never returns more than 200 items', async () => {
    const paths = Object.entries(await openApi())
      .filter(([path, methods]) => methods.get && path.startsWith('/api/'))
      .map(([path]) => path);
    expect(paths).toEqual(expect.arrayContaining(['/api/cases', '/api/devices', '/api/audit']));
    const knownKeys = fc.constantFrom(
      'limit',
      'offset',
      'cursor',
      'includeVoided',
      'caseId',
      'deviceId',
      'deviceType',
      'status',
      'from',
      'to',
      'seizedFrom',
      'seizedTo',
      'entity',
      'entityId',
      'actorId',
      'period',
      'year',
      'referenceDate',
      'scopeOn',
      'suppressBelow',
      'on',
      'reference',
      'kind',
      '__proto__',
      'constructor[prototype][x]',
    );
    const queryArb = fc.array(
      fc.tuple(
        fc.oneof({ weight: 4, arbitrary: knownKeys }, fc.string()),
        // JSON for objects: String({ toString: 1 }) would throw inside the generator.
        hostileValue.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))),
      ),
      { maxLength: 5 },
    );
    const idArb = fc.oneof(
      { weight: 4, arbitrary: fc.constant('') },
      fc.uuid(),
      fc.string({ maxLength: 40 }),
    );
    for (const template of paths) {
      await fc.assert(
        fc.asyncProperty(queryArb, idArb, async (pairs, badId) => {
          const path = badId
            ? template.replace(/\{\w+\}/g, encodeURIComponent(badId) || 'x')
            : fillPath(template);
          const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
          const res = await t.http().get(`${path}?${query}`).set('Authorization', admin());
          const context = `GET ${path}?${query} -> ${res.status} ${res.text?.slice(0, 300)}`;
          expect(res.status, context).toBeLessThan(500);
          if (res.status >= 400) expect(res.text, context).not.toMatch(LEAKS);
          if (res.status === 200 && Array.isArray(res.body?.items)) {
            expect(res.body.items.length, context).toBeLessThanOrEqual(200);
          }
        }),
        { numRuns: RUNS },
      );
    }
  }, 120_000);

  it('bounds every list: at most 200 items a page, a bigger limit is a 400 naming it', async () => {
    const paths = Object.entries(await openApi())
      .filter(([path, methods]) => methods.get && path.startsWith('/api/'))
      .map(([path]) => fillPath(path));
    const lists: string[] = [];
    for (const path of paths) {
      const res = await t.http().get(path).set('Authorization', admin());
      if (res.status === 200 && Array.isArray(res.body?.items)) lists.push(path);
    }
    expect(lists).toEqual(
      expect.arrayContaining(['/api/cases', '/api/devices', '/api/examinations', '/api/audit']),
    );

    for (const path of lists) {
      const ok = await t.http().get(`${path}?limit=200`).set('Authorization', admin());
      expect(ok.status, path).toBe(200);
      expect(ok.body.items.length, path).toBeLessThanOrEqual(200);
      const tooMany = await t.http().get(`${path}?limit=201`).set('Authorization', admin());
      expect(tooMany.status, path).toBe(400);
      expect(
        tooMany.body.errors.map((e: { field: string }) => e.field),
        path,
      ).toContain('limit');
    }
  });

  it('never answers a generated import upload with 5xx, and a rejected import writes nothing', async () => {
    const cell = fc.oneof(
      hostileValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      fc.constantFrom('SMART_PLUG', 'CR/1/25', 'AB/1'),
    );
    const csv = fc
      .array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 })
      .map((rows) =>
        Buffer.from(rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n')),
      );
    const file = fc.oneof(
      csv,
      fc.uint8Array({ maxLength: 4096 }).map((b) => Buffer.from(b)),
    );
    const name = fc.constantFrom('devices.csv', 'devices.xlsx', 'devices.txt', '../../etc/passwd', 'x');

    await fc.assert(
      fc.asyncProperty(
        file,
        name,
        fc.constantFrom('', '?dryRun=true', '?dryRun=maybe'),
        async (bytes, fileName, query) => {
          const before = await counts();
          const res = await t
            .http()
            .post(`/api/imports/devices${query}`)
            .set('Authorization', t.auth(Role.ExhibitsOfficer))
            .attach('file', bytes, fileName);
          const context = `${fileName}${query} -> ${res.status} ${res.text?.slice(0, 300)}`;
          expect(res.status, context).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.text, context).not.toMatch(LEAKS);
            expect(await counts(), context).toEqual(before);
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  describe('requests refused before they reach the API', () => {
    it('answers a body over 1 MiB with a 413 problem and writes nothing', async () => {
      const before = await counts();

      const res = await t
        .http()
        .post('/api/cases')
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ ...caseDto(), padding: 'x'.repeat(1024 * 1024) }));

      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 413 });
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['__proto__', `{"reference":"CR/P1/25","kind":"CRIME","__proto__":{"kind":"INCIDENT"}}`],
      [
        'constructor.prototype',
        `{"reference":"CR/P2/25","kind":"CRIME","constructor":{"prototype":{"x":1}}}`,
      ],
    ])('rejects a body with %s with a 400 problem and writes nothing', async (_name, raw) => {
      const before = await counts();

      const res = await t
        .http()
        .post('/api/cases')
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .set('Content-Type', 'application/json')
        .send(raw);

      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(({} as Record<string, unknown>).kind).toBeUndefined();
      expect(await counts()).toEqual(before);
    });

    it('sends security headers on API answers, errors and /health', async () => {
      for (const res of [
        await t.http().get('/api/cases').set('Authorization', t.auth(Role.Lab)),
        await t.http().get('/api/cases'),
        await t.http().get('/health'),
      ]) {
        expect(res.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': expect.stringContaining('max-age='),
          'content-security-policy': expect.stringContaining("default-src 'self'"),
        });
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('answers with a request id, keeping a well-formed one from the client', async () => {
      const given = await t.http().get('/health').set('X-Request-Id', 'proxy-42').expect(200);
      const bad = await t.http().get('/health').set('X-Request-Id', 'x'.repeat(200)).expect(200);

      expect(given.headers['x-request-id']).toBe('proxy-42');
      expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('keeps the API docs page working under the content security policy', async () => {
      const page = await t.http().get('/docs').redirects(1).expect(200);

      expect(page.text).toContain('swagger-ui');
      expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      const scripts = [...page.text.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    });

    it('hides database errors behind a plain 500 problem without SQL or a stack', async () => {
      const logged = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      await t.dataSource.query('ALTER TABLE scope_entries RENAME TO scope_entries_gone');
      try {
        const res = await t
          .http()
          .get('/api/accreditation/scope-entries')
          .set('Authorization', t.auth(Role.Lab));

        expect(res.status).toBe(500);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body).toEqual({
          type: 'about:blank',
          title: 'Internal Server Error',
          status: 500,
          detail: 'An unexpected error occurred. It has been logged.',
        });
        expect(logged).toHaveBeenCalled();
      } finally {
        logged.mockRestore();
        await t.dataSource.query('ALTER TABLE scope_entries_gone RENAME TO scope_entries');
      }
    });
  });

  describe('tokens', () => {
    const reference = (token: string) =>
      t.http().get('/api/reference').set('Authorization', `Bearer ${token}`);

    it('stops a revoked token and a disabled user on the very next request', async () => {
      const created = await t
        .http()
        .post('/api/users')
        .set('Authorization', admin())
        .send({ name: 'Short lived', role: 'lab' })
        .expect(201);
      const second = await t
        .http()
        .post(`/api/users/${created.body.id}/tokens`)
        .set('Authorization', admin())
        .send({ label: 'second' })
        .expect(201);
      await reference(created.body.token).expect(200);

      await t
        .http()
        .post(`/api/users/${created.body.id}/tokens/${created.body.tokenId}/revoke`)
        .set('Authorization', admin())
        .expect(201);
      await reference(created.body.token).expect(401);
      await reference(second.body.token).expect(200);

      await t.http().post(`/api/users/${created.body.id}/disable`).set('Authorization', admin()).expect(201);
      await reference(second.body.token).expect(401);
    });

    it('stops a token at its expiry instant', async () => {
      const expiresAt = new Date(Date.now() + 1500).toISOString();
      const issued = await t
        .http()
        .post(`/api/users/${t.userIds[Role.Lab]}/tokens`)
        .set('Authorization', admin())
        .send({ label: 'brief', expiresAt })
        .expect(201);
      await reference(issued.body.token).expect(200);

      await new Promise((resolve) => setTimeout(resolve, Date.parse(expiresAt) - Date.now() + 50));

      await reference(issued.body.token).expect(401);
    });
  });
});

describe('failed authentication limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ authFailuresPerMinute: 5 });
  });

  afterAll(async () => {
    await t.close();
  });

  it('does not count successful requests', async () => {
    for (let i = 0; i < 30; i++) {
      await t.http().get('/api/reference').set('Authorization', t.auth(Role.Lab)).expect(200);
    }
  });

  it('answers 429 with Retry-After to a client that keeps sending a bad token; other tokens from it still work', async () => {
    const bad = 'Bearer sr_guessguessguessguessguessguess';
    for (let i = 0; i < 5; i++) {
      await t.http().get('/api/cases').set('Authorization', bad).expect(401);
    }

    const blocked = await t.http().get('/api/cases').set('Authorization', bad);
    const good = await t.http().get('/api/reference').set('Authorization', t.auth(Role.Lab));
    const otherBad = await t
      .http()
      .get('/api/cases')
      .set('Authorization', 'Bearer sr_anotherguessanotherguess');

    expect(blocked.status).toBe(429);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(good.status).toBe(200);
    expect(otherBad.status).toBe(401);
    await t.http().get('/health').expect(200);
  });
});
