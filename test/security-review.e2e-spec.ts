import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto, countRows } from './factories/case.factory.js';
import { custodyEventDto, deviceDto } from './factories/device.factory.js';
import { examinationDto } from './factories/examination.factory.js';
import { scopeEntryDto } from './factories/scope-entry.factory.js';

const TABLES = ['cases', 'devices', 'custody_events', 'examinations', 'scope_entries', 'users', 'api_tokens'];
const HEX64 = /[0-9a-f]{64}/;

// The rest of the security review (issue 14, part 4): caching, hashes in histories, JSON depth, text.
describe('security review', () => {
  let t: TestApp;
  let caseId: string;
  let deviceId: string;
  let examId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const eo = t.auth(Role.ExhibitsOfficer);
    caseId = (await t.http().post('/api/cases').set('Authorization', eo).send(caseDto()).expect(201)).body.id;
    deviceId = (
      await t.http().post('/api/devices').set('Authorization', eo).send(deviceDto(caseId)).expect(201)
    ).body.id;
    await t
      .http()
      .post(`/api/devices/${deviceId}/custody-events`)
      .set('Authorization', eo)
      .send(custodyEventDto())
      .expect(201);
    examId = (
      await t
        .http()
        .post('/api/examinations')
        .set('Authorization', t.auth(Role.Lab))
        .send(examinationDto(deviceId, { requestedAt: '2025-03-02T09:00:00Z' }))
        .expect(201)
    ).body.id;
    await t
      .http()
      .patch(`/api/examinations/${examId}`)
      .set('Authorization', t.auth(Role.Lab))
      .set('If-Match', '"1"')
      .send({ methods: 'JTAG', findingsSummary: 'Nothing of note' })
      .expect(200);
  });

  afterAll(async () => {
    await t.close();
  });

  const admin = () => t.auth(Role.Admin);
  const counts = () => countRows(t.dataSource, TABLES);

  describe('Cache-Control', () => {
    it('is no-store on every /api answer: records, errors, token-issuing answers, exports and reports', async () => {
      const created = await t
        .http()
        .post('/api/users')
        .set('Authorization', admin())
        .send({ name: 'Cache check', role: 'lab' })
        .expect(201);
      const answers = [
        created,
        await t
          .http()
          .post(`/api/users/${created.body.id}/tokens`)
          .set('Authorization', admin())
          .send({ label: 'x' })
          .expect(201),
        await t.http().get('/api/cases').set('Authorization', admin()).expect(200),
        await t.http().get(`/api/devices/${deviceId}`).set('Authorization', admin()).expect(200),
        await t.http().get('/api/devices.csv').set('Authorization', admin()).expect(200),
        await t.http().get('/api/devices.xlsx').set('Authorization', admin()).expect(200),
        await t.http().get('/api/foi/report?period=last-12-months').set('Authorization', admin()).expect(200),
        await t.http().get('/api/foi/report.xlsx?period=last-12-months').set('Authorization', admin()).expect(200),
        await t.http().get('/api/imports/devices/template.xlsx').set('Authorization', admin()).expect(200),
        await t.http().get('/api/cases').expect(401),
        await t.http().get('/api/users').set('Authorization', t.auth(Role.Lab)).expect(403),
        await t.http().get('/api/no-such-route').set('Authorization', admin()).expect(404),
        await t.http().post('/api/cases').set('Authorization', admin()).send({}).expect(400),
      ];
      for (const res of answers) {
        expect(res.headers['cache-control'], JSON.stringify(res.headers)).toBe('no-store');
      }
    });
  });

  describe('hashes in histories', () => {
    it('shows event hashes to admins only, so a restricted value cannot be confirmed offline', async () => {
      for (const role of [Role.ExhibitsOfficer, Role.Lab]) {
        for (const path of [
          `/api/examinations/${examId}/history`,
          `/api/devices/${deviceId}/history`,
          `/api/cases/${caseId}/history`,
        ]) {
          const res = await t.http().get(path).set('Authorization', t.auth(role)).expect(200);
          expect(res.body.items.length, path).toBeGreaterThan(0);
          for (const item of res.body.items) {
            expect(item, `${role} ${path}`).not.toHaveProperty('hash');
            expect(item, `${role} ${path}`).not.toHaveProperty('prevHash');
          }
          expect(JSON.stringify(res.body), `${role} ${path}`).not.toMatch(HEX64);
        }
      }
      const asAdmin = await t
        .http()
        .get(`/api/examinations/${examId}/history`)
        .set('Authorization', admin())
        .expect(200);
      expect(asAdmin.body.items[0]).toMatchObject({
        hash: expect.stringMatching(HEX64),
        prevHash: expect.any(String),
      });
      const log = await t.http().get('/api/audit').set('Authorization', admin()).expect(200);
      expect(log.body.items[0]).toHaveProperty('hash');
    });
  });

  describe('JSON depth', () => {
    const nested = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

    it.each([33, 1000, 100_000])(
      'answers a body nested %i deep with a 400 naming the body',
      async (depth) => {
        const before = await counts();
        const res = await t
          .http()
          .post('/api/cases')
          .set('Authorization', admin())
          .set('Content-Type', 'application/json')
          .send(`{"reference":"CR/DEEP/25","kind":"CRIME","x":${nested(depth - 1)}}`);

        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.errors).toEqual([{ field: 'body', message: expect.stringContaining('32') }]);
        expect(await counts()).toEqual(before);
      },
    );

    it('parses a body 32 deep (and then refuses its unknown field), brackets inside strings not counted', async () => {
      const res = await t
        .http()
        .post('/api/cases')
        .set('Authorization', admin())
        .set('Content-Type', 'application/json')
        .send(`{"reference":"CR/[[[[{{{{/25","kind":"CRIME","x":${nested(31)}}`);

      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('x');
    });
  });

  describe('text the register refuses', () => {
    const post = (path: string, body: unknown, role = Role.ExhibitsOfficer) =>
      t
        .http()
        .post(path)
        .set('Authorization', t.auth(role))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body));

    it.each([
      ['U+202E right-to-left override', '\u202E'],
      ['U+202A left-to-right embedding', '\u202A'],
      ['U+2066 left-to-right isolate', '\u2066'],
      ['U+2069 pop directional isolate', '\u2069'],
      ['U+200B zero-width space', '\u200B'],
      ['U+200F right-to-left mark', '\u200F'],
      ['U+FEFF byte order mark', '\uFEFF'],
      ['U+00AD soft hyphen (Cf)', '\u00AD'],
      ['U+0007 bell (Cc)', '\u0007'],
      ['U+001B escape (Cc)', '\u001B'],
      ['U+0085 next line (Cc)', '\u0085'],
      ['a tab in a one-line field', '\t'],
      ['a line feed in a one-line field', '\n'],
      ['U+2028 line separator', '\u2028'],
    ])(
      'refuses %s in a case reference, a device make and a user name: 400 naming the field',
      async (_name, ch) => {
        const before = await counts();

        const kase = await post('/api/cases', caseDto({ reference: `CR/1${ch}2/25` }));
        const device = await post('/api/devices', deviceDto(caseId, { make: `TP${ch}Link` }));
        const user = await post('/api/users', { name: `Jane${ch}Smith`, role: 'lab' }, Role.Admin);

        for (const [res, field] of [
          [kase, 'reference'],
          [device, 'make'],
          [user, 'name'],
        ] as const) {
          expect(res.status, field).toBe(400);
          expect(res.body.errors, field).toEqual([
            { field, message: expect.stringMatching(/must not contain/) },
          ]);
        }
        expect(await counts()).toEqual(before);
      },
    );

    it('refuses a control character in a nested field and in a query string, naming it', async () => {
      const patch = await t
        .http()
        .patch(`/api/devices/${deviceId}`)
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .set('If-Match', '"2"')
        .send({ model: 'Tapo\u202EP110' });
      const query = await t
        .http()
        .get(`/api/cases?reference=${encodeURIComponent('CR\u202E1')}`)
        .set('Authorization', admin());

      expect(patch.status).toBe(400);
      expect(patch.body.errors).toEqual([expect.objectContaining({ field: 'model' })]);
      expect(query.status).toBe(400);
      expect(query.body.errors).toEqual([expect.objectContaining({ field: 'reference' })]);
    });

    it('accepts line breaks and tabs in multi-line fields, but not bidirectional controls', async () => {
      const ok = await post(
        '/api/accreditation/scope-entries',
        scopeEntryDto({ deviceType: 'SMART_SPEAKER', notes: 'First line\r\nSecond line\twith a tab' }),
        Role.Lab,
      );
      const bidi = await post(
        '/api/accreditation/scope-entries',
        scopeEntryDto({ deviceType: 'SMART_SPEAKER', notes: 'First line\n\u202Eenil dnoceS' }),
        Role.Lab,
      );

      expect(ok.status).toBe(201);
      expect(ok.body.notes).toBe('First line\r\nSecond line\twith a tab');
      expect(bidi.status).toBe(400);
      expect(bidi.body.errors).toEqual([{ field: 'notes', message: expect.stringContaining('U+202E') }]);
    });

    it('keeps ordinary letters of every script, combining marks and emoji', async () => {
      const name = 'Zoë Ñúñez-Łukasz محمد 李小龍 Ελένη e\u0301 \u{1F469}\u{1F3FD}';
      const res = await post('/api/users', { name, role: 'lab' }, Role.Admin);
      // U+200D (the zero-width joiner of emoji sequences) is a format character: refused like the others.
      const joined = await post('/api/users', { name: `${name}\u200D\u{1F52C}`, role: 'lab' }, Role.Admin);

      expect(res.status).toBe(201);
      expect(res.body.name).toBe(name);
      expect(joined.status).toBe(400);
    });

    it('refuses a lone surrogate (escaped in JSON) naming the field, and bytes that are not UTF-8', async () => {
      const before = await counts();
      const lone = await t
        .http()
        .post('/api/cases')
        .set('Authorization', admin())
        .set('Content-Type', 'application/json')
        .send('{"reference":"CR/\\ud800/25","kind":"CRIME","offenceSubgroup":"DRUG_TRAFFICKING"}');
      // Raw bytes (supertest would send a Buffer as JSON): Fastify's own injection.
      const invalid = await t.app.getHttpAdapter().getInstance().inject({
        method: 'POST',
        url: '/api/cases',
        headers: { authorization: admin(), 'content-type': 'application/json' },
        payload: Buffer.concat([
          Buffer.from('{"reference":"CR/'),
          Buffer.from([0xff, 0xfe, 0xc3]),
          Buffer.from('/25","kind":"CRIME","offenceSubgroup":"DRUG_TRAFFICKING"}'),
        ]),
      });

      expect(lone.status).toBe(400);
      expect(lone.body.errors).toEqual([
        { field: 'reference', message: expect.stringContaining('surrogate') },
      ]);
      expect(invalid.statusCode).toBe(400);
      expect(invalid.headers['content-type']).toContain('application/problem+json');
      expect(invalid.json().errors).toEqual([{ field: 'body', message: 'must be UTF-8 text' }]);
      expect(await counts()).toEqual(before);
    });
  });
});
