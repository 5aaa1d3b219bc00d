import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../src/auth/role.enum.js';
import { caseDto } from '../factories/case.factory.js';
import { deviceDto } from '../factories/device.factory.js';
import { csvBuffer, deviceRow } from '../factories/device-sheet.factory.js';
import {
  BROWSER_TEST_MS,
  describeInBrowser,
  expectAccessible,
  newPage,
  screenshot,
  signIn,
  startBrowserApp,
  type BrowserApp,
} from './browser-harness.js';

describeInBrowser('lab, FOI, admin and import journeys in Chromium', () => {
  let b: BrowserApp;
  let deviceId: string;
  let caseId: string;
  beforeAll(async () => {
    b = await startBrowserApp();
    const { t } = b;
    const c = await t.http().post('/api/cases').set('Authorization', t.auth(Role.ExhibitsOfficer)).send(caseDto({ reference: 'CR/BR/1' })).expect(201);
    const d = await t.http().post('/api/devices').set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(deviceDto(c.body.id, { exhibitRef: 'BR/1', seizedAt: '2025-02-01T10:00:00Z' })).expect(201);
    deviceId = d.body.id;
    caseId = c.body.id;
  }, BROWSER_TEST_MS);
  afterAll(async () => b?.close());

  it('lab: requests, starts and completes an examination, records a scope change', async () => {
    const page = await newPage(b);
    await signIn(page, b.baseUrl, Role.Lab);
    await page.goto(`${b.baseUrl}/devices/${deviceId}`);
    await page.getByRole('button', { name: 'Request an examination' }).click();
    await page.waitForURL(/\/examinations\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    await page.getByLabel('Methods (optional, restricted to the lab)').fill('Logical extraction');
    await page.getByRole('button', { name: 'Start the examination' }).click();
    await page.getByText('Examination started.').waitFor();
    await page.getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Complete the examination' }).click();
    await page.getByText('Examination completed.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'examination');
    await page.goto(`${b.baseUrl}/examinations`);
    await expectAccessible(page);
    await screenshot(page, 'examination-queue');

    await page.goto(`${b.baseUrl}/scope`);
    await page.getByLabel('Status', { exact: true }).selectOption('ACCREDITED');
    await page.getByLabel('Flexible').check();
    await page.locator('#effectiveFrom-day').fill('1');
    await page.locator('#effectiveFrom-month').fill('9');
    await page.locator('#effectiveFrom-year').fill('2023');
    await page.getByRole('button', { name: 'Record the change' }).click();
    await page.getByText('Scope change recorded.').waitFor();
    expect(await page.textContent('.moj-timeline')).toContain('Accredited');
    await expectAccessible(page);
    await screenshot(page, 'scope');
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('FOI: the answer on screen and its workbook', async () => {
    const page = await newPage(b);
    await signIn(page, b.baseUrl, Role.Foi);
    await page.goto(`${b.baseUrl}/foi`);
    await expectAccessible(page);
    await page.getByLabel('A calendar year').check();
    await page.getByLabel('Year it starts in').fill('2025');
    await page.getByRole('button', { name: 'Get the answer' }).click();
    await page.locator('#answer').waitFor();
    expect(await page.textContent('main')).toContain('Q1: devices seized');
    await expectAccessible(page);
    await screenshot(page, 'foi-answer');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the workbook' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^foi-.*\.xlsx$/);
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('admin: users and the audit trail, verified', async () => {
    const page = await newPage(b);
    await signIn(page, b.baseUrl, Role.Admin);
    await page.goto(`${b.baseUrl}/admin/users`);
    await expectAccessible(page);
    await screenshot(page, 'admin-users');
    await page.goto(`${b.baseUrl}/admin/audit`);
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByText('Audit trail intact').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-audit');
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('officer: an import with an error, then a good one; the export page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-import-'));
    const bad = join(dir, 'bad.csv');
    const good = join(dir, 'good.csv');
    writeFileSync(bad, csvBuffer([deviceRow({ 'Case reference': 'CR/IMP/1', 'Exhibit reference': 'not an exhibit' })]));
    writeFileSync(good, csvBuffer([deviceRow({ 'Case reference': 'CR/IMP/1', 'Exhibit reference': 'IM/1' })]));
    const page = await newPage(b);
    await signIn(page, b.baseUrl, Role.ExhibitsOfficer);
    await page.goto(`${b.baseUrl}/imports`);
    await expectAccessible(page);
    await page.getByLabel('Spreadsheet (.xlsx or .csv, up to 50 MB)').setInputFiles(bad);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('The file was not imported').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'import-errors');
    await page.getByLabel('Spreadsheet (.xlsx or .csv, up to 50 MB)').setInputFiles(good);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('The file passed the check').waitFor();
    await page.getByLabel('Spreadsheet (.xlsx or .csv, up to 50 MB)').setInputFiles(good);
    await page.getByRole('button', { name: 'Import the file' }).click();
    await page.getByRole('heading', { name: 'Import a spreadsheet' }).waitFor();
    await page.waitForFunction(() => !document.body.textContent?.includes('passed the check'));
    const rows = await b.t.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "devices" WHERE "exhibitRef" = 'IM/1'`);
    expect(Number(rows[0].n)).toBe(1);
    await page.goto(`${b.baseUrl}/exports`);
    await expectAccessible(page);
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('every page passes axe with no serious or critical violation, error pages included', async () => {
    const { t } = b;
    const exam = await t.http().post('/api/examinations').set('Authorization', t.auth(Role.Lab))
      .send({ deviceId, requestedAt: '2025-02-02T10:00:00Z' }).expect(201);
    const foiRequest = await t.http().post('/api/foi/requests').set('Authorization', t.auth(Role.Foi))
      .send({ reference: 'FOI/AXE/1', receivedOn: '2025-03-03', channel: 'EMAIL', questions: [{ text: 'How many smart plugs were seized?' }] })
      .expect(201);
    const admin = await newPage(b);
    await signIn(admin, b.baseUrl, Role.Admin);
    const paths = [
      '/', '/cases', '/cases?q=CR/', '/cases?q=x', '/cases/new', `/cases/${caseId}`, `/cases/${caseId}/devices/new`,
      `/devices/${deviceId}`, '/examinations', `/examinations/${exam.body.id}`, '/scope', '/foi', '/foi/counts',
      '/imports', '/exports', '/admin/users', `/admin/users/${t.userIds[Role.Lab]}`, '/admin/audit',
      '/foi/requests', '/foi/requests/new', `/foi/requests/${foiRequest.body.id}`, '/foi/statistics',
      '/cases/00000000-0000-4000-8000-000000000000', '/no-such-page',
    ];
    for (const path of paths) {
      await admin.goto(`${b.baseUrl}${path}`);
      await expectAccessible(admin);
    }
    await admin.context().close();
    // The 403 page, as the FOI team sees it.
    const foi = await newPage(b);
    await signIn(foi, b.baseUrl, Role.Foi);
    await foi.goto(`${b.baseUrl}/cases`);
    expect(await foi.textContent('h1')).toContain('You cannot open this page');
    await expectAccessible(foi);
    await foi.context().close();
  }, BROWSER_TEST_MS);
});
