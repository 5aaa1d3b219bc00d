import { Role } from '../../src/auth/role.enum.js';
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

describeInBrowser('exhibits officer journey in Chromium', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
  }, BROWSER_TEST_MS);
  afterAll(async () => b?.close());

  it('logs a case and two devices, records a custody event, every page accessible', async () => {
    const page = await newPage(b);
    await signIn(page, b.baseUrl, Role.ExhibitsOfficer);
    await page.getByRole('link', { name: 'Log a new case' }).click();
    await expectAccessible(page);
    // Nothing filled in: the error summary links to the fields, named by their labels.
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForSelector('.govuk-error-summary');
    await expectAccessible(page);
    await page.getByLabel('Reference').fill('CR/2468/25');
    await page.getByLabel('Crime', { exact: true }).check();
    await page.getByLabel('Offence', { exact: true }).selectOption({ label: 'Drug trafficking' }).catch(async () => {
      await page.getByLabel('Offence', { exact: true }).selectOption({ index: 1 });
    });
    await screenshot(page, 'case-new');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    expect(await page.textContent('h1')).toContain('Case CR/2468/25');

    for (const exhibit of ['AB/1', 'AB/2']) {
      await page.getByRole('button', { name: 'Add a device' }).click();
      await page.getByLabel('Exhibit reference').fill(exhibit);
      await page.getByLabel('Make (optional)').fill('TP-Link');
      await page.getByLabel('Day').fill('2');
      await page.getByLabel('Month').fill('3');
      await page.getByLabel('Year').fill('2025');
      await page.getByLabel('Time (24-hour clock, local time)').fill('09:30');
      await page.getByLabel('Seized by').fill('PC 1234');
      await page.getByLabel('On', { exact: true }).check();
      if (exhibit === 'AB/1') {
        await expectAccessible(page);
        await screenshot(page, 'device-new');
      }
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/devices\/[0-9a-f-]{36}$/);
      await page.getByRole('link', { name: /Back to case/ }).click();
    }
    expect((await page.locator('table a').allTextContents()).sort()).toEqual(['AB/1', 'AB/2']);
    await expectAccessible(page);
    await screenshot(page, 'case');

    await page.getByRole('link', { name: 'AB/1' }).click();
    await page.getByLabel('Day').fill('2');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2025');
    await page.getByLabel('Time (24-hour clock, local time)').fill('11:00');
    await page.getByLabel('To', { exact: true }).fill('Main property store');
    await page.getByLabel('New custody status').selectOption('IN_MAIN_STORE');
    await page.getByRole('button', { name: 'Record the custody event' }).click();
    await page.waitForSelector('.moj-timeline');
    expect(await page.textContent('.moj-timeline')).toContain('Main property store');
    await expectAccessible(page);
    await screenshot(page, 'device');

    await page.goto(`${b.baseUrl}/cases?q=2468/2`);
    expect(await page.locator('table a').allTextContents()).toEqual(['CR/2468/25']);
    await expectAccessible(page);
    await screenshot(page, 'cases');
    await page.context().close();
  }, BROWSER_TEST_MS);
});
