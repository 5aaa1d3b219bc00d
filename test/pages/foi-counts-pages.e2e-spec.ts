import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from '../create-test-app.js';
import { caseDto } from '../factories/case.factory.js';
import { deviceDto } from '../factories/device.factory.js';
import { givePasswords, signedInAgent } from './page-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await givePasswords(t);
  const officer = t.auth(Role.ExhibitsOfficer);
  for (const [area, seizedAt] of [
    ['NW', '2025-02-03T10:00:00Z'],
    ['NW', '2025-05-03T10:00:00Z'],
    [null, '2025-05-04T10:00:00Z'],
  ] as const) {
    const c = await t
      .http()
      .post('/api/cases')
      .set('Authorization', officer)
      .send(caseDto({ policingArea: area }))
      .expect(201);
    await t
      .http()
      .post('/api/devices')
      .set('Authorization', officer)
      .send(deviceDto(c.body.id, { seizedAt }))
      .expect(201);
  }
});
afterAll(async () => t?.close());

describe('"Build a count" page (/foi/counts)', () => {
  it('offers the dimensions by their labels and shows the table the API gives', async () => {
    const foi = await signedInAgent(t, Role.Foi);
    const form = await foi.get('/foi/counts').expect(200);
    expect(form.text).toContain('Build a count');
    expect(form.text).toContain('>Policing area<');
    expect(form.text).toContain('>Custody status at the end of the window<');

    const page = await foi
      .get('/foi/counts')
      .query({
        measure: 'devices',
        by1: 'policingArea',
        by2: 'quarter',
        period: 'calendar-year',
        year: '2025',
        suppressBelow: '0',
      })
      .expect(200);
    expect(page.text).toContain('Devices seized: 3 in total');
    expect(page.text).toContain('North West (Barnet, Brent, Harrow)');
    expect(page.text).toContain('Not recorded');
    expect(page.text).toContain('2025 Q2 (April to June)');
    expect(page.text).toContain('Totals by policing area');
    const api = await t
      .http()
      .get('/api/foi/counts')
      .query({
        measure: 'devices',
        by: 'policingArea,quarter',
        period: 'calendar-year',
        year: '2025',
        suppressBelow: '0',
      })
      .set('Authorization', t.auth(Role.Foi))
      .expect(200);
    expect(api.body.total).toBe(3);
  });

  it('names a bad choice on the form, as the API would', async () => {
    const foi = await signedInAgent(t, Role.Foi);
    const page = await foi
      .get('/foi/counts')
      .query({ measure: 'cases', by1: 'deviceType', period: 'calendar-year', year: '2025' });
    expect(page.status).toBe(400);
    expect(page.text).toContain('govuk-error-summary');
    expect(page.text).toContain('case-level');
  });

  it('is for the FOI team', async () => {
    const officer = await signedInAgent(t, Role.ExhibitsOfficer);
    const res = await officer.get('/foi/counts');
    expect(res.status).toBe(403);
  });
});
