import { createHash } from 'node:crypto';
import request from 'supertest';
import { Role } from '../../src/auth/role.enum.js';
import { FoiRequestsService } from '../../src/foi-requests/foi-requests.service.js';
import { createTestApp, type TestApp } from '../create-test-app.js';
import { caseDto } from '../factories/case.factory.js';
import { deviceDto } from '../factories/device.factory.js';
import { csrfOf, givePasswords, signedInAgent, submit } from './page-helpers.js';

type Agent = ReturnType<typeof request.agent>;

const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const count = async (t: TestApp, table: string) => Number((await t.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n);

let t: TestApp;
let foi: Agent;
beforeAll(async () => {
  t = await createTestApp();
  await givePasswords(t);
  const c = await t.http().post('/api/cases').set('Authorization', t.auth(Role.ExhibitsOfficer)).send(caseDto({ reference: 'CR/FOIP/1' })).expect(201);
  for (const n of [1, 2, 3, 4, 5, 6, 7]) {
    await t.http().post('/api/devices').set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(deviceDto(c.body.id, { exhibitRef: `FP/${n}`, deviceType: 'SMART_PLUG', seizedAt: `2025-0${n}-10T10:00:00Z` })).expect(201);
  }
  foi = await signedInAgent(t, Role.Foi);
}, 120_000);
afterAll(async () => t?.close());

// GET the page, POST its form (CSRF filled in), and check the answer's status.
async function send(pagePath: string, action: string, values: Record<string, string | string[]>, status: number) {
  const res = await submit(foi, pagePath, action, values);
  expect(res.status, res.text.slice(0, 2000)).toBe(status);
  return res;
}

const newRequest = (values: Record<string, string>, status: number) =>
  send('/foi/requests/new', '/foi/requests/new', {
    reference: '', 'receivedOn-day': '', 'receivedOn-month': '', 'receivedOn-year': '', channel: '', requesterType: '', questions: '', title: '',
    ...values,
  }, status);

describe('FOI request log pages', () => {
  it('refuses a bad request form with the API problems as labelled errors, writing nothing', async () => {
    const before = await count(t, 'foi_requests');
    const res = await newRequest({ 'receivedOn-day': '31', 'receivedOn-month': '2', 'receivedOn-year': '2026' }, 400);
    expect(res.text).toContain('govuk-error-summary');
    expect(res.text).toContain('href="#receivedOn-day"');
    expect(res.text).toContain('Date received must be a real date');
    const blank = await newRequest({}, 400);
    expect(blank.text).toContain('href="#reference"');
    expect(blank.text).toContain('Select how the request was received');
    expect(blank.text).toContain('Enter the questions asked');
    expect(blank.text).toContain('Enter the day, month and year: date received');
    expect(blank.text).not.toMatch(/>\s*(WEB_FORM|WHATSDOTHEYKNOW)|one of the following values/);
    expect(await count(t, 'foi_requests')).toBe(before);

    // A form POST without its CSRF token is refused and writes nothing.
    await foi.post('/foi/requests/new').type('form').send({ reference: 'FOI/NO-CSRF', channel: 'EMAIL' }).expect(403);
    expect(await count(t, 'foi_requests')).toBe(before);
  });

  it('logs a request, runs its clock from the request page, issues it and serves the answer as stored', async () => {
    const created = await newRequest({
      reference: 'FOI/2026/0100',
      'receivedOn-day': '19', 'receivedOn-month': '12', 'receivedOn-year': '2025',
      channel: 'WHATSDOTHEYKNOW',
      requesterType: 'MEDIA',
      questions: 'How many smart plugs were seized in 2025?\r\n\r\nWhich tools were used to examine them?',
    }, 303);
    const location = created.headers.location as string;
    expect(location).toMatch(/^\/foi\/requests\/[0-9a-f-]{36}$/);
    const page = await foi.get(location).expect(200);
    // Fri 19 Dec 2025: due Thu 22 Jan 2026 (Christmas, Boxing Day, New Year and Scotland's 2 January skipped).
    expect(page.text).toContain('Request FOI/2026/0100 logged: due on 22 January 2026.');
    expect(page.text).toContain('WhatDoTheyKnow');
    expect(page.text).toContain('Journalist or media');
    expect(page.text).toContain('Which tools were used to examine them?');
    expect(page.text).not.toMatch(/WHATSDOTHEYKNOW|MEDIA|>OPEN</);

    // The clock: a clarification before receipt is refused inline; asked and received restarts it.
    const early = await send(location, `${location}/clock/clarification-requested`, {
      'clarification-requested-on-day': '1', 'clarification-requested-on-month': '12', 'clarification-requested-on-year': '2025',
    }, 422);
    expect(early.text).toContain('href="#clarification-requested-on-day"');
    expect(early.text).toMatch(/Date must not be before/);
    await send(location, `${location}/clock/clarification-requested`, {
      'clarification-requested-on-day': '22', 'clarification-requested-on-month': '12', 'clarification-requested-on-year': '2025',
    }, 303);
    const stopped = await foi.get(location).expect(200);
    expect(stopped.text).toContain('Awaiting clarification');
    expect(stopped.text).toContain('The clock is stopped');
    await send(location, `${location}/clock/clarification-received`, {
      'clarification-received-on-day': '5', 'clarification-received-on-month': '1', 'clarification-received-on-year': '2026',
    }, 303);
    const restarted = await foi.get(location).expect(200);
    expect(restarted.text).toContain('2 February 2026');
    expect(restarted.text).toContain('Clarification received: 20 working days from this day');

    // Issuing: a withheld question without its exemption is refused with the question named.
    const id = location.split('/').pop()!;
    const issueValues = {
      'decision-1': 'DISCLOSED', 'exemption-1': '',
      'decision-2': 'WITHHELD', 'exemption-2': '',
      period: 'calendar-year', year: '2025', deviceType: 'SMART_PLUG', suppress: 'on',
      'respondedOn-day': '30', 'respondedOn-month': '1', 'respondedOn-year': '2026',
    };
    const missing = await send(`${location}/issue`, `${location}/issue`, issueValues, 400);
    expect(missing.text).toContain('href="#exemption-2"');
    expect(missing.text).toContain('Exemption for question 2');
    expect(missing.text).not.toContain('WITHHELD needs');
    const badYear = await send(`${location}/issue`, `${location}/issue`, { ...issueValues, 'exemption-2': 's.30(1)(a)(b)', year: '20x5' }, 400);
    expect(badYear.text).toContain('href="#year"');
    expect(await count(t, 'foi_answers')).toBe(0);

    const issued = await send(`${location}/issue`, `${location}/issue`, { ...issueValues, 'exemption-2': 's.30(1)(a)(b)' }, 303);
    expect(issued.headers.location).toBe(location);
    const answered = await foi.get(location).expect(200);
    expect(answered.text).toContain('Answer issued');
    expect(answered.text).toContain('Answered');
    expect(answered.text).toContain('Withheld (exemption) (s.30(1)(a)(b))');
    expect(answered.text).toContain(`href="/foi/requests/${id}/answer.xlsx"`);

    // The download is the stored workbook, byte for byte, as the API serves it.
    const file = await foi.get(`${location}/answer.xlsx`).buffer(true).parse(binary as never).expect(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toMatch(/attachment; filename="foi-FOI_2026_0100-/);
    const stored = await t.http().get(`/api/foi/requests/${id}/answer`).set('Authorization', t.auth(Role.Foi)).expect(200);
    expect(createHash('sha256').update(file.body as Buffer).digest('hex')).toBe(stored.body.workbookSha256);

    // Recheck on the request page: unchanged, then a device logged since is a figure that moved.
    const same = await foi.get(`${location}?recheck=1`).expect(200);
    expect(same.text).toContain('asked again today, the answer is the same');
    const device = await t.query<{ id: string }>(`SELECT "id" FROM "devices" WHERE "exhibitRef" = 'FP/7'`);
    await t.http().post('/api/devices').set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(deviceDto((await t.query<{ caseId: string }>(`SELECT "caseId" FROM "devices" WHERE "id" = ?`, [device[0].id]))[0].caseId, { exhibitRef: 'FP/8', deviceType: 'SMART_PLUG', seizedAt: '2025-08-10T10:00:00Z' }))
      .expect(201);
    const moved = await foi.get(`${location}?recheck=1`).expect(200);
    expect(moved.text).toContain('Figures that moved since the answer was released');
    expect(moved.text).toContain('Q1 · by month · August 2025 · devices');

    // The log: the request in words; the statistics count it as answered in time.
    const log = await foi.get('/foi/requests').expect(200);
    expect(log.text).toContain('FOI/2026/0100');
    const stats = await foi.get('/foi/statistics?year=2026').expect(200);
    expect(stats.text).toMatch(/Jan to Mar 2026/);
    expect(stats.text).toContain('Good (95% or more)');
    const badStats = await foi.get('/foi/statistics?year=1999').expect(400);
    expect(badStats.text).toContain('href="#year"');
    const csv = await foi.get('/foi/disclosure-log.csv?year=2026').expect(200);
    expect(csv.text).toContain('FOI/2026/0100');
  });

  it('lists overdue requests first, paginated, statuses in words', async () => {
    const service = t.app.get(FoiRequestsService);
    for (let n = 1; n <= 26; n += 1) {
      await service.create({ reference: `FOI/LIST/${String(n).padStart(2, '0')}`, receivedOn: '2026-11-30', channel: 'EMAIL', questions: [{ text: 'Q' }] }, null);
    }
    await service.create({ reference: 'FOI/LATE/1', receivedOn: '2026-01-05', channel: 'POST', questions: [{ text: 'Late one' }] }, null);
    const first = await foi.get('/foi/requests').expect(200);
    const refs = [...first.text.matchAll(/href="\/foi\/requests\/[0-9a-f-]{36}">([^<]+)</g)].map((m) => m[1]);
    expect(refs[0]).toBe('FOI/LATE/1');
    expect(refs).toHaveLength(25);
    expect(first.text).toMatch(/Overdue by \d+ working days/);
    expect(first.text).toContain('govuk-pagination');
    const second = await foi.get('/foi/requests?page=2').expect(200);
    expect([...second.text.matchAll(/href="\/foi\/requests\/[0-9a-f-]{36}">([^<]+)</g)].length).toBeGreaterThan(0);
    const answered = await foi.get('/foi/requests?status=ANSWERED').expect(200);
    expect(answered.text).toContain('FOI/2026/0100');
    expect(answered.text).not.toContain('FOI/LATE/1');
  });

  it('is for the FOI team and admins; links from /foi and the home page', async () => {
    const home = await foi.get('/').expect(200);
    expect(home.text).toContain('href="/foi/requests"');
    const answerPage = await foi.get('/foi').expect(200);
    expect(answerPage.text).toContain('href="/foi/requests"');
    const admin = await signedInAgent(t, Role.Admin);
    await admin.get('/foi/requests').expect(200);
    // An admin voids a released answer with a reason; the FOI team cannot (no form, and a 403).
    const [{ id }] = await t.query<{ id: string }>(`SELECT "id" FROM "foi_requests" WHERE "reference" = 'FOI/2026/0100'`);
    expect((await foi.get(`/foi/requests/${id}`).expect(200)).text).not.toContain('Void the answer');
    const adminPage = await admin.get(`/foi/requests/${id}`).expect(200);
    expect(adminPage.text).toContain('Void the answer');
    const noReason = await admin.post(`/foi/requests/${id}/answer/void`).type('form').send({ _csrf: csrfOf(adminPage.text), reason: '' }).expect(400);
    expect(noReason.text).toContain('href="#reason"');
    await admin.post(`/foi/requests/${id}/answer/void`).type('form').send({ _csrf: csrfOf(adminPage.text), reason: 'Sent to the wrong requester' }).expect(303);
    expect((await admin.get(`/foi/requests/${id}`).expect(200)).text).toContain('Answer voided: the request is open again.');
    const foiForm = await foi.get('/foi/requests').expect(200);
    await foi.post(`/foi/requests/${id}/answer/void`).type('form').send({ _csrf: csrfOf(foiForm.text), reason: 'Not mine to void' }).expect(403);
    const officer = await signedInAgent(t, Role.ExhibitsOfficer);
    await officer.get('/foi/requests').expect(403);
    await officer.get('/foi/statistics').expect(403);
    const form = await officer.get('/').expect(200);
    await officer.post('/foi/requests/new').type('form').send({ _csrf: csrfOf(form.text), reference: 'FOI/X' }).expect(403);
  });
});
