import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { Role } from '../../src/auth/role.enum.js';
import { caseDto } from '../factories/case.factory.js';
import { deviceDto } from '../factories/device.factory.js';
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

// Tab forward until the element with this id has the focus (the control is in the tab order).
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`#${id} was not reached with Tab on ${page.url()}`);
}

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

describeInBrowser('FOI request log in Chromium', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
    const { t } = b;
    const c = await t.http().post('/api/cases').set('Authorization', t.auth(Role.ExhibitsOfficer)).send(caseDto({ reference: 'CR/BFOI/1' })).expect(201);
    for (const n of [1, 2, 3, 4, 5, 6]) {
      await t.http().post('/api/devices').set('Authorization', t.auth(Role.ExhibitsOfficer))
        .send(deviceDto(c.body.id, { exhibitRef: `BF/${n}`, deviceType: 'SMART_PLUG', seizedAt: `2025-0${n}-10T10:00:00Z` })).expect(201);
    }
  }, BROWSER_TEST_MS);
  afterAll(async () => b?.close());

  it('logs a request with the keyboard, issues it and downloads the answer as released', async () => {
    const page = await newPage(b);
    await signIn(page, b.baseUrl, Role.Foi);
    await page.getByRole('link', { name: 'FOI requests' }).first().click();
    await page.getByRole('heading', { name: 'FOI requests' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Log an FOI request' }).click();
    await page.getByRole('heading', { name: 'Log an FOI request' }).waitFor();
    await expectAccessible(page);

    // The form with the keyboard alone: Tab, typing, a letter to choose in a list, Enter to send.
    await typeInto(page, 'reference', 'FOI/2026/0777');
    await typeInto(page, 'receivedOn-day', '1');
    await typeInto(page, 'receivedOn-month', '12');
    await typeInto(page, 'receivedOn-year', '2026');
    await tabTo(page, 'channel');
    await page.keyboard.type('Web');
    expect(await page.locator('#channel').inputValue()).toBe('WEB_FORM');
    await typeInto(page, 'questions', 'How many smart plugs were seized in 2025?');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Which tools were used?');
    await tabTo(page, 'title');
    await Promise.all([page.waitForURL(/\/foi\/requests\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')]);
    await page.getByText('Request FOI/2026/0777 logged').waitFor();
    expect(await page.textContent('main')).toContain('Web form');
    await expectAccessible(page);

    // An error on a clock form: shown in the summary and beside the field, and still accessible.
    await page.getByText('Clarification asked for', { exact: true }).click();
    await page.getByRole('button', { name: 'Record the clarification request' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Issue the answer' }).click();
    await page.getByRole('heading', { name: 'Issue the answer' }).waitFor();
    await page.getByLabel('Decision on question 1').selectOption('DISCLOSED');
    await page.getByLabel('Decision on question 2').selectOption('WITHHELD');
    await page.getByLabel('A calendar year').check();
    await page.getByLabel('Year it starts in').fill('2025');
    await page.getByRole('button', { name: 'Issue the answer' }).click();
    // Withheld without its exemption: refused, naming the question.
    await page.locator('.govuk-error-summary').getByText('Exemption for question 2').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Exemption for question 2 (if withheld or partly disclosed)').fill('s.30(1)(a)(b)');
    await page.getByRole('button', { name: 'Issue the answer' }).click();
    await page.getByText('Answer issued').waitFor();
    expect(await page.textContent('main')).toContain('Withheld (exemption) (s.30(1)(a)(b))');
    await expectAccessible(page);
    await screenshot(page, 'foi-request');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the answer as released' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^foi-FOI_2026_0777-SMART_PLUG-2025-01-01-to-2025-12-31-suppressed-below-5\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].name).toBe('Response');

    await page.getByRole('link', { name: 'Back to FOI requests' }).click();
    await expectAccessible(page);
    await screenshot(page, 'foi-requests');
    await page.goto(`${b.baseUrl}/foi/statistics?year=2026`);
    await page.getByRole('heading', { name: 'FOI timeliness 2026' }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  }, BROWSER_TEST_MS);
});
