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
import { PASSWORD } from './page-helpers.js';

describeInBrowser('sign-in in Chromium', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
  }, BROWSER_TEST_MS);
  afterAll(async () => b?.close());

  it('signs in with the keyboard alone, shows the home page for the role, and signs out', async () => {
    const page = await newPage(b);
    const errors: string[] = [];
    // No script error, no CSP refusal, no missing asset (the failed sign-in's own 401 aside).
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('status of 401')) errors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && response.status() !== 401) errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${b.baseUrl}/`);
    await page.waitForURL(/\/sign-in\?returnTo=%2F$/);
    expect(await page.title()).toBe('Sign in – Seizure register');
    expect(await page.getAttribute('html', 'lang')).toBe('en-GB');
    await expectAccessible(page);
    await screenshot(page, 'sign-in');

    // Wrong password first: the error summary takes the focus and names no field as the wrong one.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.getByLabel('Username').focus();
    await page.keyboard.type('exhibits-officer');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.title()).toBe('Error: Sign in – Seizure register');
    await expectAccessible(page);

    await page.getByLabel('Password', { exact: true }).focus();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${b.baseUrl}/`);
    expect(await page.title()).toBe('Home – Seizure register');
    expect(await page.textContent('.moj-identity-bar')).toContain('Test exhibits_officer');
    const nav = await page.locator('.govuk-service-navigation__link').allTextContents();
    expect(nav.map((s) => s.trim())).toEqual(['Home', 'Cases', 'Import', 'Export', 'Scope register']);
    await expectAccessible(page);
    await screenshot(page, 'home-exhibits-officer');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    expect(await page.textContent('.govuk-notification-banner')).toContain('You have signed out');
    expect(errors, errors.join("\n")).toEqual([]);
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('shows each role its own home page', async () => {
    for (const role of [Role.Lab, Role.Foi, Role.Admin]) {
      const context = await b.browser.newContext();
      const page = await context.newPage();
      await signIn(page, b.baseUrl, role);
      const links = (await page.locator('.app-card a').allTextContents()).map((s) => s.trim());
      expect(links.length).toBeGreaterThan(0);
      if (role === Role.Foi) expect(links).toEqual(expect.arrayContaining(['Answer an FOI question', 'FOI requests']));
      if (role === Role.Lab) expect(links[0]).toBe('Examination queue');
      await expectAccessible(page);
      await context.close();
    }
  }, BROWSER_TEST_MS);
});
