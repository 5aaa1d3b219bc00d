import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto, countRows, uniqueCaseReference } from './factories/case.factory.js';
import { deviceDto } from './factories/device.factory.js';
import { binaryBody, csvBuffer, DEVICE_HEADINGS, deviceRow } from './factories/device-sheet.factory.js';

// The case's optional policing area (force-curated list policing-areas): API, import and export.
describe('policing area on cases', () => {
  let t: TestApp;
  const officer = () => t.auth(Role.ExhibitsOfficer);

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('is a reference list served like the others', async () => {
    const res = await t
      .http()
      .get('/api/reference/policing-areas')
      .set('Authorization', officer())
      .expect(200);
    const codes = (res.body.items ?? res.body).map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['CE', 'NW', 'SW']));
  });

  it('is stored on create, changed and cleared by PATCH, and filters the case list', async () => {
    const created = await t
      .http()
      .post('/api/cases')
      .set('Authorization', officer())
      .send(caseDto({ policingArea: 'NW' }))
      .expect(201);
    expect(created.body.policingArea).toBe('NW');

    const changed = await t
      .http()
      .patch(`/api/cases/${created.body.id}`)
      .set('Authorization', officer())
      .set('If-Match', '"1"')
      .send({ policingArea: 'CE' })
      .expect(200);
    expect(changed.body.policingArea).toBe('CE');

    const listed = await t
      .http()
      .get('/api/cases?policingArea=CE')
      .set('Authorization', officer())
      .expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);

    const cleared = await t
      .http()
      .patch(`/api/cases/${created.body.id}`)
      .set('Authorization', officer())
      .set('If-Match', '"2"')
      .send({ policingArea: null })
      .expect(200);
    expect(cleared.body.policingArea).toBeNull();
  });

  it('refuses a code that is not on the list (400 naming the field, nothing written)', async () => {
    const before = await countRows(t.dataSource, ['cases']);
    const res = await t
      .http()
      .post('/api/cases')
      .set('Authorization', officer())
      .send(caseDto({ policingArea: 'ATLANTIS' }))
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['policingArea']);
    expect(await countRows(t.dataSource, ['cases'])).toEqual(before);
  });

  it('is read by the import (by code or label) and written by the export', async () => {
    const reference = uniqueCaseReference();
    const headings = [...DEVICE_HEADINGS, 'BCU'];
    const file = csvBuffer(
      [
        deviceRow({
          'Case reference': reference,
          'Exhibit reference': 'PA/1',
          BCU: 'Central North (Camden, Islington)',
        }),
      ],
      headings,
    );
    await t
      .http()
      .post('/api/imports/devices')
      .set('Authorization', officer())
      .attach('file', file, 'devices.csv')
      .expect(201);
    const [row] = await t.query<{ policingArea: string }>(
      'SELECT "policingArea" FROM cases WHERE reference = ?',
      [reference],
    );
    expect(row.policingArea).toBe('CN');

    const bad = csvBuffer(
      [deviceRow({ 'Case reference': uniqueCaseReference(), 'Exhibit reference': 'PA/2', BCU: 'Atlantis' })],
      headings,
    );
    const refused = await t
      .http()
      .post('/api/imports/devices')
      .set('Authorization', officer())
      .attach('file', bad, 'devices.csv')
      .expect(422);
    expect(JSON.stringify(refused.body)).toContain('policingArea');

    const caseId = (
      await t
        .http()
        .post('/api/cases')
        .set('Authorization', officer())
        .send(caseDto({ policingArea: 'SW' }))
    ).body.id as string;
    await t.http().post('/api/devices').set('Authorization', officer()).send(deviceDto(caseId)).expect(201);
    const csv = await t
      .http()
      .get('/api/devices.csv')
      .set('Authorization', officer())
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const lines = (csv.body as Buffer).toString('utf8').trim().split('\r\n');
    const column = lines[0].split(',').indexOf('Policing area');
    expect(column).toBeGreaterThan(-1);
    expect(lines.slice(1).map((l) => l.split(',')[column])).toEqual(expect.arrayContaining(['CN', 'SW']));
  });
});
