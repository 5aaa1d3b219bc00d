import type { Page } from 'playwright-core';
import { Role } from '../../src/auth/role.enum.js';
import { caseDto } from '../factories/case.factory.js';
import { deviceDto } from '../factories/device.factory.js';
import { BROWSER_TEST_MS, describeInBrowser, expectAccessible, newPage, startBrowserApp, type BrowserApp } from './browser-harness.js';
import { PASSWORD, usernameOf } from './page-helpers.js';

// "Every journey can be done with the keyboard alone": no click, no fill, no focus() by script. Each
// control is reached with Tab (so it is in the tab order, in a sensible place) and used with typing,
// Enter, Space and the arrow keys, as a keyboard user would.

const MAX_TABS = 120;

// What the focused element is: its id, or the text of a link or button.
const focusedIs = (page: Page, target: string) =>
  page.evaluate((want) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return false;
    if (want.startsWith('#')) return el.id === want.slice(1);
    return (el.textContent ?? '').replace(/\s+/g, ' ').trim() === want;
  }, target);

// Tab forward until `target` (#id, or a link's or button's text) has the focus.
async function tabTo(page: Page, target: string): Promise<void> {
  for (let i = 0; i < MAX_TABS; i += 1) {
    if (await focusedIs(page, target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} was not reached with ${MAX_TABS} presses of Tab on ${page.url()}`);
}

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

// Follow a link or press a button reached by Tab; waits for the next page.
async function activate(page: Page, text: string, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, text);
  await Promise.all([page.waitForEvent('load'), page.keyboard.press(key)]);
}

async function signInByKeyboard(page: Page, baseUrl: string, role: Role): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await typeInto(page, '#username', usernameOf(role));
  await typeInto(page, '#password', PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.keyboard.press('Enter')]);
}

const value = (page: Page, id: string) => page.locator(`#${id}`).inputValue();

describeInBrowser('journeys with the keyboard alone in Chromium', () => {
  let b: BrowserApp;
  let labDeviceId: string;
  beforeAll(async () => {
    b = await startBrowserApp();
    const { t } = b;
    const c = await t.http().post('/api/cases').set('Authorization', t.auth(Role.ExhibitsOfficer)).send(caseDto({ reference: 'CR/KB/LAB' })).expect(201);
    const d = await t.http().post('/api/devices').set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(deviceDto(c.body.id, { exhibitRef: 'KL/1', seizedAt: '2025-02-01T10:00:00Z' })).expect(201);
    labDeviceId = d.body.id;
  }, BROWSER_TEST_MS);
  afterAll(async () => b?.close());

  it('officer: logs a case and a device and records a custody event', async () => {
    const page = await newPage(b);
    await signInByKeyboard(page, b.baseUrl, Role.ExhibitsOfficer);

    await activate(page, 'Log a new case');
    await typeInto(page, '#reference', 'CR/KEY/25');
    await tabTo(page, '#kind');
    await page.keyboard.press('Space');
    expect(await page.locator('#kind').isChecked()).toBe(true);
    await tabTo(page, '#offenceSubgroup');
    await page.keyboard.press('ArrowDown');
    expect(await value(page, 'offenceSubgroup')).not.toBe('');
    await tabTo(page, '#policingArea');
    await page.keyboard.press('ArrowDown');
    expect(await value(page, 'policingArea')).not.toBe('');
    await activate(page, 'Save');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    expect(await page.textContent('h1')).toContain('Case CR/KEY/25');

    await activate(page, 'Add a device');
    await typeInto(page, '#exhibitRef', 'KB/1');
    await typeInto(page, '#make', 'TP-Link');
    await typeInto(page, '#seizedAt-day', '2');
    await typeInto(page, '#seizedAt-month', '3');
    await typeInto(page, '#seizedAt-year', '2025');
    await typeInto(page, '#seizedAt-time', '09:30');
    await typeInto(page, '#seizedBy', 'PC 1234');
    await tabTo(page, '#powerStateAtSeizure');
    await page.keyboard.press('Space');
    await activate(page, 'Save');
    await page.waitForURL(/\/devices\/[0-9a-f-]{36}$/);
    expect(await page.textContent('h1')).toContain('KB/1');

    await typeInto(page, '#at-day', '2');
    await typeInto(page, '#at-month', '3');
    await typeInto(page, '#at-year', '2025');
    await typeInto(page, '#at-time', '11:00');
    await typeInto(page, '#toHolder', 'Main property store');
    await tabTo(page, '#toStatus');
    // Type-ahead in a closed select, as a keyboard user chooses by the label's first letters.
    await page.keyboard.type('In main');
    expect(await value(page, 'toStatus')).toBe('IN_MAIN_STORE');
    await activate(page, 'Record the custody event');
    await page.waitForSelector('.moj-timeline');
    expect(await page.textContent('.moj-timeline')).toContain('Main property store');
    await expectAccessible(page);
    const rows = await b.t.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "custody_events" e JOIN "devices" d ON d.id = e."deviceId" WHERE d."exhibitRef" = 'KB/1'`);
    expect(Number(rows[0].n)).toBeGreaterThanOrEqual(1);
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('lab: requests, starts and completes an examination', async () => {
    const page = await newPage(b);
    await signInByKeyboard(page, b.baseUrl, Role.Lab);
    await page.goto(`${b.baseUrl}/devices/${labDeviceId}`);
    await activate(page, 'Request an examination', 'Space');
    await page.waitForURL(/\/examinations\/[0-9a-f-]{36}$/);
    await typeInto(page, '#methods', 'Logical extraction');
    await activate(page, 'Start the examination');
    await page.getByText('Examination started.').waitFor();
    await tabTo(page, '#dataRecovered');
    await page.keyboard.press('Space');
    await activate(page, 'Complete the examination');
    await page.getByText('Examination completed.').waitFor();
    const rows = await b.t.query<{ status: string; dataRecovered: number | boolean }>(
      `SELECT e."status", e."dataRecovered" FROM "examinations" e WHERE e."deviceId" = ?`,
      [labDeviceId],
    );
    expect(rows.map((r) => [r.status, Boolean(r.dataRecovered)])).toEqual([['COMPLETED', true]]);
    await page.context().close();
  }, BROWSER_TEST_MS);

  it('FOI: chooses a calendar year with the arrow keys and gets the answer on screen', async () => {
    const page = await newPage(b);
    await signInByKeyboard(page, b.baseUrl, Role.Foi);
    await activate(page, 'Answer an FOI question');
    // Tab enters the radio group on the checked radio; the arrow keys move the choice.
    await tabTo(page, '#period');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#period-3').isChecked()).toBe(true);
    await typeInto(page, '#year', '2025');
    await activate(page, 'Get the answer');
    await page.locator('#answer').waitFor();
    expect(await page.textContent('main')).toContain('Q1: devices seized');
    expect(new URL(page.url()).searchParams.get('period')).toBe('calendar-year');
    await page.context().close();
  }, BROWSER_TEST_MS);
});
