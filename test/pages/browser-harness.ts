import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from '../create-test-app.js';
import { givePasswords, PASSWORD, usernameOf } from './page-helpers.js';

// Debian's chromium (Playwright's own browser download does not work on these machines).
export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => !!path && existsSync(path),
);

if (!CHROMIUM) {
  console.warn(
    'BROWSER TESTS SKIPPED: no Chromium found (CHROMIUM_PATH, /usr/bin/chromium). Install it: apt-get install -y chromium',
  );
}

// describe() when a Chromium is present, describe.skip() otherwise (with the warning above).
export const describeInBrowser = describe.skipIf(!CHROMIUM) as typeof describe;

// A browser journey on a shared 2-core machine: generous, and never a timing assertion.
export const BROWSER_TEST_MS = 300_000;

export interface BrowserApp {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close: () => Promise<void>;
}

// The real app on a temporary SQLite file, listening on 127.0.0.1 at a free port, users with passwords,
// and a headless Chromium.
export async function startBrowserApp(): Promise<BrowserApp> {
  const t = await createTestApp();
  await givePasswords(t);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

// A page in a fresh browser context (its own cookies); axe needs pages made this way.
export async function newPage(b: BrowserApp): Promise<Page> {
  const context = await b.browser.newContext();
  return context.newPage();
}

export async function signIn(page: Page, baseUrl: string, role: Role): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Username').fill(usernameOf(role));
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

// axe-core on the page as it is now: no serious or critical violation (WCAG 2.2 AA rules).
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${page.url()}`).toEqual([]);
}

export const SCREENSHOTS = join(process.cwd(), 'docs', 'screenshots');

// A full-page screenshot for the README (docs/screenshots/<name>.png).
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
