import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from '../create-test-app.js';
import { binaryBody, csvBuffer, deviceRow } from '../factories/device-sheet.factory.js';
import { csrfOf, givePasswords, signedInAgent } from './page-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await givePasswords(t);
});
afterAll(async () => t?.close());

const count = async (table: string) => Number((await t.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n);

describe('import and export pages', () => {
  it('checks a file first, shows row errors with the errors workbook, then imports a good file; exports it', async () => {
    const officer = await signedInAgent(t, Role.ExhibitsOfficer);
    let page = await officer.get('/imports').expect(200);
    const action = () => /action="(\/imports\?[^"]+)"/.exec(page.text)![1].replace(/&amp;/g, '&');
    const bad = csvBuffer([deviceRow({ 'Exhibit reference': 'AB/1' }), deviceRow({ 'Exhibit reference': 'not an exhibit', 'MAC address': 'aa-bb-cc-dd-ee-02' })]);
    page = await officer.post(action()).attach('file', bad, 'devices.csv').expect(422);
    expect(page.text).toContain('The file was not imported');
    expect(page.text).toMatch(/<td class="govuk-table__cell govuk-table__cell--numeric">3<\/td>/);
    expect(page.text).toContain('the file would add 1 device(s) and 1 new case(s)');
    const link = /href="(\/imports\/errors\/[^"]+)"/.exec(page.text)![1];
    const workbook = await officer.get(link).buffer(true).parse(binaryBody).expect(200);
    expect(workbook.headers['content-type']).toContain('spreadsheetml');
    expect(await count('devices')).toBe(0);
    // Someone else cannot fetch that workbook.
    const other = await signedInAgent(t, Role.Admin);
    await other.get(link).expect(404);

    const good = csvBuffer([deviceRow({ 'Exhibit reference': 'AB/1' }), deviceRow({ 'Exhibit reference': 'AB/2', 'MAC address': 'aa-bb-cc-dd-ee-02' })]);
    page = await officer.post(action()).attach('file', good, 'devices.csv').expect(200);
    expect(page.text).toContain('The file passed the check');
    expect(page.text).toMatch(/New devices would be added\s*<\/dt>\s*<dd[^>]*>\s*2\s*</);
    expect(await count('devices')).toBe(0);
    expect(action()).toContain('dryRun=false');
    page = await officer.post(action()).attach('file', good, 'devices.csv').expect(200);
    expect(await count('devices')).toBe(2);

    // Without the token in the action, nothing is written.
    await officer.post('/imports?dryRun=false').attach('file', good, 'devices.csv').expect(403);

    const csv = await officer.get('/exports/download?format=csv&deviceType=SMART_PLUG').expect(200);
    expect(csv.headers['content-disposition']).toMatch(/devices-.*\.csv/);
    expect(csv.text).toContain('AB/2');
    const form = await officer.get('/exports').expect(200);
    expect(csrfOf(form.text)).toBeTruthy();
    const badDates = await officer.get('/exports/download?seizedFrom-day=31&seizedFrom-month=2&seizedFrom-year=2025').expect(400);
    expect(badDates.text).toContain('Seized from must be a real date');
  });
});
