import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from '../create-test-app.js';
import { caseDto } from '../factories/case.factory.js';
import { deviceDto } from '../factories/device.factory.js';
import { csrfOf, givePasswords, signedInAgent, submit } from './page-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await givePasswords(t);
});
afterAll(async () => t?.close());

const expectStatus = (res: { status: number; text: string }, status: number) => {
  expect(res.status, res.text.slice(0, 2000)).toBe(status);
  return res as typeof res & { headers: Record<string, string> };
};

const count = async (table: string) => Number((await t.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n);

describe('case and device pages', () => {
  it('logs a case, adds a device and a custody event, edits with the version read, and voids', async () => {
    const officer = await signedInAgent(t, Role.ExhibitsOfficer);
    // Errors come back as the API's problems, named by the form's labels.
    const bad = expectStatus(await submit(officer, '/cases/new', '/cases/new', { reference: '', kind: 'CRIME', offenceSubgroup: '' }), 400);
    expect(bad.text).toContain('There is a problem');
    expect(bad.text).toMatch(/href="#reference"/);
    expect(bad.text).toMatch(/Reference must be/);

    const created = expectStatus(await submit(officer, '/cases/new', '/cases/new', {
      reference: 'CR/777/25',
      kind: 'CRIME',
      offenceSubgroup: 'DRUG_TRAFFICKING',
      policingArea: 'CN',
      'courtResultAt-day': '',
      'courtResultAt-month': '',
      'courtResultAt-year': '',
    }), 303);
    const casePath = created.headers.location as string;
    expect(casePath).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    const casePage = await officer.get(casePath).expect(200);
    expect(casePage.text).toContain('Case CR/777/25');
    expect(casePage.text).toContain('Case CR/777/25 logged.');
    expect(casePage.text).toMatch(/Policing area\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Central North \(Camden, Islington\)/);
    expect(casePage.text).toMatch(/<option value="CN" selected>Central North/);

    // Part of a reference, any letter case (the API's q); too short a part is the API's 400, on the form.
    const list = await officer.get('/cases?q=777%2F2').expect(200);
    expect(list.text).toContain(`href="${casePath}"`);
    expect((await officer.get('/cases?q=cr%2F77').expect(200)).text).toContain(`href="${casePath}"`);
    expect((await officer.get('/cases?q=CR%2F778').expect(200)).text).not.toContain(`href="${casePath}"`);
    const short = await officer.get('/cases?q=77').expect(400);
    expect(short.text).toContain('href="#q"');
    expect(short.text).toContain('Reference, or part of it must be 3 to 100 characters');

    const futureYear = String(new Date().getFullYear() + 1);
    const wrong = await submit(officer, `${casePath}/devices/new`, `${casePath}/devices/new`, {
      exhibitRef: 'JD/1', deviceType: 'SMART_PLUG', 'seizedAt-day': '1', 'seizedAt-month': '3', 'seizedAt-year': futureYear,
      'seizedAt-time': '10:15', seizedBy: 'PC 1234',
    });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(wrong.text).toContain('Date and time seized');
    expect(await count('devices')).toBe(0);

    const device = expectStatus(await submit(officer, `${casePath}/devices/new`, `${casePath}/devices/new`, {
      exhibitRef: 'jd/1', deviceType: 'SMART_PLUG', make: 'TP-Link', macAddress: 'a4-c1-38-12-34-56',
      'seizedAt-day': '1', 'seizedAt-month': '3', 'seizedAt-year': '2025', 'seizedAt-time': '10:15', seizedBy: 'PC 1234',
      powerStateAtSeizure: 'ON',
    }), 303);
    const devicePath = device.headers.location as string;
    const stored = await t.query<{ seizedAt: string; exhibitRef: string; macAddress: string }>(
      'SELECT "seizedAt", "exhibitRef", "macAddress" FROM "devices"',
    );
    expect(stored).toEqual([{ seizedAt: '2025-03-01T10:15:00.000Z', exhibitRef: 'JD/1', macAddress: 'A4:C1:38:12:34:56' }]);

    expectStatus(await submit(officer, devicePath, `${devicePath}/custody-events`, {
      'at-day': '1', 'at-month': '3', 'at-year': '2025', 'at-time': '11:40', toHolder: 'Main property store',
      toStatus: 'IN_MAIN_STORE', sealNumber: 'SEAL-0001', sealIntact: 'yes',
    }), 303);
    const devicePage = await officer.get(devicePath).expect(200);
    expect(devicePage.text).toContain('moj-timeline');
    expect(devicePage.text).toContain('Main property store');
    expect(devicePage.text).toContain('Test exhibits_officer recorded a custody event');

    // Two people edit the same case: the second sees what the first changed.
    const first = await officer.get(casePath).expect(200);
    const second = await officer.get(casePath).expect(200);
    const formOf = (html: string) => ({
      _csrf: csrfOf(html),
      version: /name="version" value="(\d+)"/.exec(html)![1],
      ...Object.fromEntries([...html.matchAll(/name="(read-[a-zA-Z]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]])),
      offenceSubgroup: 'DRUG_TRAFFICKING',
    });
    await officer.post(casePath).type('form').send({ ...formOf(first.text), policeOutcome: '1', policingArea: 'CS' }).expect(303);
    expect((await t.query<{ policingArea: string }>('SELECT "policingArea" FROM "cases"'))[0].policingArea).toBe('CS');
    const unknownArea = await officer.post(casePath).type('form').send({ ...formOf((await officer.get(casePath)).text), policingArea: 'NOWHERE' });
    expect(unknownArea.status).toBe(400);
    expect(unknownArea.text).toContain('href="#policingArea"');
    const stale = await officer.post(casePath).type('form').send({ ...formOf(second.text), courtStage: 'NOT_CHARGED', policingArea: 'CS' }).expect(412);
    expect(stale.text).toContain('Someone else changed this case');
    expect(stale.text).toMatch(/Police outcome<\/th>\s*<td class="govuk-table__cell">Not recorded<\/td>\s*<td class="govuk-table__cell">Charged/);

    // Void needs a reason; a case with open devices cannot be voided (the API's rule, shown as an error).
    const noReason = expectStatus(await submit(officer, casePath, `${casePath}/void`, { reason: '' }), 400);
    expect(noReason.text).toContain('Enter why the case is being voided');
    const hasDevices = expectStatus(await submit(officer, casePath, `${casePath}/void`, { reason: 'Entered twice' }), 409);
    expect(hasDevices.text).toContain('void its devices first');
  });

  it('refuses a CSRF-less POST and writes nothing; other roles get 403 pages', async () => {
    const officer = await signedInAgent(t, Role.ExhibitsOfficer);
    const before = await count('cases');
    await officer.post('/cases/new').type('form').send({ reference: 'CR/NO/CSRF', kind: 'CRIME' }).expect(403);
    expect(await count('cases')).toBe(before);

    const foi = await signedInAgent(t, Role.Foi);
    const refused = await foi.get('/cases').expect(403);
    expect(refused.text).toContain('You cannot open this page');
    const lab = await signedInAgent(t, Role.Lab);
    await lab.get('/cases').expect(200);
    await lab.get('/cases/new').expect(403);
    const page = await lab.get('/cases').expect(200);
    await lab.post('/cases/new').type('form').send({ _csrf: csrfOf(page.text), reference: 'CR/LAB', kind: 'CRIME' }).expect(403);
    expect(await count('cases')).toBe(before);
    await officer.get('/cases/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('pages a case\'s devices, 50 at a time', async () => {
    const officer = t.auth(Role.ExhibitsOfficer);
    const c = await t.http().post('/api/cases').set('Authorization', officer).send(caseDto({ reference: 'CR/MANY/1' })).expect(201);
    for (let n = 1; n <= 52; n += 1) {
      await t.http().post('/api/devices').set('Authorization', officer).send(deviceDto(c.body.id, { exhibitRef: `MN/${n}` })).expect(201);
    }
    const agent = await signedInAgent(t, Role.ExhibitsOfficer);
    const exhibits = (html: string) => [...html.matchAll(/href="\/devices\/[0-9a-f-]{36}">(MN\/\d+)</g)].map((m) => m[1]);

    const first = await agent.get(`/cases/${c.body.id}`).expect(200);
    const second = await agent.get(`/cases/${c.body.id}?page=2`).expect(200);

    expect(exhibits(first.text)).toHaveLength(50);
    expect(first.text).toContain('Devices 1 to 50 of 52.');
    expect(first.text).toContain(`href="/cases/${c.body.id}?page=2"`);
    expect(exhibits(second.text)).toHaveLength(2);
    expect(new Set([...exhibits(first.text), ...exhibits(second.text)]).size).toBe(52);
  });
});
