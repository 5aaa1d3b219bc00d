import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from '../create-test-app.js';
import { caseDto } from '../factories/case.factory.js';
import { deviceDto } from '../factories/device.factory.js';
import { givePasswords, signedInAgent } from './page-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await givePasswords(t);
  const c = await t.http().post('/api/cases').set('Authorization', t.auth(Role.ExhibitsOfficer)).send(caseDto({ reference: 'CR/FOI/1', offenceSubgroup: 'DRUG_TRAFFICKING' })).expect(201);
  for (const n of [1, 2, 3, 4, 5, 6]) {
    await t.http().post('/api/devices').set('Authorization', t.auth(Role.ExhibitsOfficer))
      .send(deviceDto(c.body.id, { exhibitRef: `FO/${n}`, deviceType: 'SMART_PLUG', seizedAt: '2025-05-0' + n + 'T10:00:00Z' })).expect(201);
  }
});
afterAll(async () => t?.close());

describe('FOI page', () => {
  it('answers on screen with labels, suppression on by default, and downloads the same answer as a workbook', async () => {
    const foi = await signedInAgent(t, Role.Foi);
    const form = await foi.get('/foi').expect(200);
    expect(form.text).toMatch(/name="suppress" type="checkbox" value="on" checked/);
    expect(form.text).toMatch(/<a class="govuk-link" href="\/foi\/counts">Build a count<\/a>/);
    const answer = await foi.get('/foi?asked=1&period=calendar-year&year=2025&deviceType=SMART_PLUG&suppress=on').expect(200);
    expect(answer.text).toContain('Q1: devices seized');
    expect(answer.text).toMatch(/Total<\/th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">6</);
    expect(answer.text).toContain('Trafficking of drugs (Drug offences)');
    expect(answer.text).toContain('&lt;5');
    expect(answer.text).not.toContain('DRUG_TRAFFICKING');
    expect(answer.text).not.toContain('CR/FOI/1');
    const link = /href="(\/foi\/workbook\?[^"]+)"/.exec(answer.text)![1].replace(/&amp;/g, '&');
    const file = await foi.get(link).buffer(true).expect(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toMatch(/attachment; filename="foi-/);

    const bad = await foi.get('/foi?asked=1&period=calendar-year&year=20x5&deviceType=SMART_PLUG').expect(400);
    expect(bad.text).toContain('govuk-error-summary');
    expect(bad.text).toContain('href="#year"');

    const officer = await signedInAgent(t, Role.ExhibitsOfficer);
    await officer.get('/foi').expect(403);
    await officer.get(link).expect(403);
  });
});
