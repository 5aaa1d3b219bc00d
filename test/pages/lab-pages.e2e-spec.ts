import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from '../create-test-app.js';
import { caseDto } from '../factories/case.factory.js';
import { deviceDto } from '../factories/device.factory.js';
import { QueryCapture } from '../bench/query-capture.js';
import { csrfOf, givePasswords, signedInAgent } from './page-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await givePasswords(t);
});
afterAll(async () => t?.close());

describe('lab pages', () => {
  it('requests, starts and completes an examination; the queue lists it oldest first with its references', async () => {
    const caseRes = await t.http().post('/api/cases').set('Authorization', t.auth(Role.ExhibitsOfficer)).send(caseDto({ reference: 'CR/LAB/1' })).expect(201);
    const dev = await t.http().post('/api/devices').set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(deviceDto(caseRes.body.id, { exhibitRef: 'LB/1', seizedAt: '2025-01-02T10:00:00Z' })).expect(201);
    const lab = await signedInAgent(t, Role.Lab);
    const devicePage = await lab.get(`/devices/${dev.body.id}`).expect(200);
    const requested = await lab.post(`/devices/${dev.body.id}/examinations`).type('form').send({ _csrf: csrfOf(devicePage.text) }).expect(303);
    const examPath = requested.headers.location as string;

    const queue = await lab.get('/examinations').expect(200);
    expect(queue.text).toContain('LB/1');
    expect(queue.text).toContain('CR/LAB/1');
    expect(queue.text).toContain('Smart plug');

    let page = await lab.get(examPath).expect(200);
    const version = () => /name="version" value="(\d+)"/.exec(page.text)![1];
    await lab.post(examPath).type('form')
      .send({ _csrf: csrfOf(page.text), version: version(), step: 'start', methods: 'Chip-off' })
      .expect(303);
    page = await lab.get(examPath).expect(200);
    expect(page.text).toContain('Chip-off');
    // A completion before the start is the API's rule, shown on the form.
    const early = await lab.post(examPath).type('form')
      .send({ _csrf: csrfOf(page.text), version: version(), step: 'complete', 'completedAt-day': '2', 'completedAt-month': '1', 'completedAt-year': '2025', 'completedAt-time': '09:00' });
    expect(early.status).toBeGreaterThanOrEqual(400);
    expect(early.text).toContain('Date and time completed');
    await lab.post(examPath).type('form')
      .send({ _csrf: csrfOf(page.text), version: version(), step: 'complete', dataRecovered: 'yes' })
      .expect(303);
    const rows = await t.query<{ status: string; methods: string }>('SELECT "status", "methods" FROM "examinations"');
    expect(rows).toEqual([{ status: 'COMPLETED', methods: 'Chip-off' }]);

    // Officers read the examination without its restricted fields.
    const officer = await signedInAgent(t, Role.ExhibitsOfficer);
    const seen = await officer.get(examPath).expect(200);
    expect(seen.text).not.toContain('Chip-off');
    await officer.post(examPath).type('form').send({ _csrf: csrfOf(seen.text), step: 'cancel' }).expect(403);
  });

  it('records a scope change and answers the status on a date', async () => {
    const lab = await signedInAgent(t, Role.Lab);
    const form = await lab.get('/scope?deviceType=SMART_PLUG').expect(200);
    await lab.post('/scope').type('form').send({
      _csrf: csrfOf(form.text), deviceType: 'SMART_PLUG', status: 'ACCREDITED', scopeType: 'FLEXIBLE', scheduleReference: '7737',
      'effectiveFrom-day': '1', 'effectiveFrom-month': '9', 'effectiveFrom-year': '2023',
    }).expect(303);
    const page = await lab.get('/scope?deviceType=SMART_PLUG&on-day=1&on-month=10&on-year=2023').expect(200);
    expect(page.text).toContain('moj-timeline');
    expect(page.text).toMatch(/On <strong>1 October 2023<\/strong>: Accredited/);
    const before = await lab.get('/scope?deviceType=SMART_PLUG&on-day=1&on-month=6&on-year=2023').expect(200);
    expect(before.text).toMatch(/On <strong>1 June 2023<\/strong>: Not accredited/i);
    const bad = await lab.post('/scope').type('form').send({ _csrf: csrfOf(form.text), deviceType: 'SMART_PLUG', status: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('govuk-error-summary');
  });

  it('pages the queue oldest first, reading each page\'s devices and cases in one statement (no N+1)', async () => {
    const officer = t.auth(Role.ExhibitsOfficer);
    const caseIds: string[] = [];
    for (const n of [1, 2, 3]) {
      const c = await t.http().post('/api/cases').set('Authorization', officer).send(caseDto({ reference: `CR/Q/${n}` })).expect(201);
      caseIds.push(c.body.id as string);
    }
    for (let n = 0; n < 55; n += 1) {
      const d = await t.http().post('/api/devices').set('Authorization', officer)
        .send(deviceDto(caseIds[n % 3], { exhibitRef: `QU/${n}`, seizedAt: '2024-01-01T10:00:00Z' })).expect(201);
      const requestedAt = new Date(Date.UTC(2024, 1, 1) + (55 - n) * 3_600_000).toISOString();
      await t.http().post('/api/examinations').set('Authorization', t.auth(Role.Lab))
        .send({ deviceId: d.body.id, requestedAt }).expect(201);
    }
    const lab = await signedInAgent(t, Role.Lab);
    const capture = new QueryCapture(t.dataSource);
    let first;
    let statements;
    try {
      statements = await capture.during(async () => {
        first = await lab.get('/examinations').expect(200);
      });
    } finally {
      capture.restore();
    }
    const exhibits = (html: string) => [...html.matchAll(/href="\/examinations\/[0-9a-f-]{36}">([^<]+)</g)].map((m) => m[1]);
    // The oldest request (QU/54) first; 50 on a page, the rest on page 2.
    expect(exhibits(first!.text).slice(0, 2)).toEqual(['QU/54', 'QU/53']);
    expect(exhibits(first!.text)).toHaveLength(50);
    expect(first!.text).toContain('href="/examinations?page=2"');
    const second = await lab.get('/examinations?page=2').expect(200);
    expect(exhibits(second.text)).toEqual(['QU/4', 'QU/3', 'QU/2', 'QU/1', 'QU/0']);
    expect(first!.text).toContain('CR/Q/1');
    const reads = statements!.filter((q) => /"?(devices|cases)"?/i.test(q.sql) && !/sessions|users/i.test(q.sql));
    expect(reads.length, reads.map((q) => q.sql).join('\n')).toBe(1);
  });
});
