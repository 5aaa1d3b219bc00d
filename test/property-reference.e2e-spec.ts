import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto } from './factories/case.factory.js';
import {
  binaryBody,
  csvBuffer,
  DEVICE_HEADINGS,
  deviceRow,
  readWorkbook,
} from './factories/device-sheet.factory.js';
import { deviceDto } from './factories/device.factory.js';

// A device's property reference (the force property system's item number): optional, trimmed and
// upper-cased, kept through POST, PATCH, the list filter, the import, the export, the template and
// the OpenAPI document.
describe('device propertyReference', () => {
  let t: TestApp;
  let caseId: string;

  const as = (role = Role.ExhibitsOfficer) => t.auth(role);
  const postDevice = (body: object) => t.http().post('/api/devices').set('Authorization', as()).send(body);
  const list = async (query: string) =>
    (await t.http().get(`/api/devices?${query}`).set('Authorization', as()).expect(200)).body as {
      items: { id: string; propertyReference: string | null }[];
      total: number;
    };

  beforeAll(async () => {
    t = await createTestApp();
    caseId = (await t.http().post('/api/cases').set('Authorization', as()).send(caseDto()).expect(201)).body
      .id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('POST stores it trimmed and upper-cased; left out it is null', async () => {
    const res = await postDevice(deviceDto(caseId, { propertyReference: '  pr/100234/24 ' })).expect(201);
    const bare = await postDevice(deviceDto(caseId)).expect(201);

    expect(res.body.propertyReference).toBe('PR/100234/24');
    expect(bare.body.propertyReference).toBeNull();
    const read = await t
      .http()
      .get(`/api/devices/${res.body.id}`)
      .set('Authorization', as(Role.Lab))
      .expect(200);
    expect(read.body.propertyReference).toBe('PR/100234/24');
  });

  it.each([[''], ['   '], ['P'.repeat(51)], [12], ['line\nbreak']])(
    'refuses %j with a 400 naming the field, writing nothing',
    async (value) => {
      const [{ n: before }] = await t.query('SELECT COUNT(*) AS n FROM devices');
      const res = await postDevice(deviceDto(caseId, { propertyReference: value as string })).expect(400);

      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('propertyReference');
      expect((await t.query('SELECT COUNT(*) AS n FROM devices'))[0].n).toEqual(before);
    },
  );

  it('PATCH sets and clears it, audited', async () => {
    const { id } = (await postDevice(deviceDto(caseId)).expect(201)).body as { id: string };
    const patch = (version: number, body: object) =>
      t
        .http()
        .patch(`/api/devices/${id}`)
        .set('Authorization', as())
        .set('If-Match', `"${version}"`)
        .send(body);

    expect((await patch(1, { propertyReference: 'pr/7 ' }).expect(200)).body.propertyReference).toBe('PR/7');
    expect((await patch(2, { propertyReference: null }).expect(200)).body.propertyReference).toBeNull();
    const history = await t.http().get(`/api/devices/${id}/history`).set('Authorization', as()).expect(200);
    expect(JSON.stringify(history.body)).toContain('PR/7');
  });

  it('filters GET /api/devices by it, in any letter case, with the right total', async () => {
    const { id } = (await postDevice(deviceDto(caseId, { propertyReference: 'PR/555/25' })).expect(201)).body;

    const page = await list('propertyReference=%20pr/555/25');
    expect(page.items.map((d) => d.id)).toEqual([id]);
    expect(page.total).toBe(1);
    expect((await list('propertyReference=PR/NONE')).total).toBe(0);
    await t
      .http()
      .get(`/api/devices?propertyReference=${'x'.repeat(51)}`)
      .set('Authorization', as())
      .expect(400);
  });

  it('is imported (by heading or a synonym), exported, and in the template', async () => {
    const headings = [...DEVICE_HEADINGS, 'Property ref'];
    const file = csvBuffer(
      [deviceRow({ 'Case reference': 'PROP/1', 'Exhibit reference': 'PRP/1', 'Property ref': ' pr/900/25' })],
      headings,
    );
    await t
      .http()
      .post('/api/imports/devices')
      .set('Authorization', as())
      .attach('file', file, 'd.csv')
      .expect(201);
    expect((await list('propertyReference=PR/900/25')).total).toBe(1);

    const csv = await t
      .http()
      .get('/api/devices.csv?propertyReference=pr/900/25')
      .set('Authorization', as())
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const [heading, row] = (csv.body as Buffer).toString('utf8').trim().split('\r\n');
    expect(heading.split(',')).toContain('Property reference');
    expect(row).toContain('PR/900/25');

    const template = await t
      .http()
      .get('/api/imports/devices/template.xlsx')
      .set('Authorization', as())
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const { rows } = await readWorkbook(template.body as Buffer);
    expect(rows[0]).toContain('Property reference');
  });

  // The OpenAPI document takes DTO properties from the @nestjs/swagger compiler plugin, which runs in
  // `nest build` (npm test builds first): the built DTOs carry the field; the served document too
  // wherever the tests load the plugin's metadata.
  it('is in the OpenAPI document: the create body, the response and the list filter', async () => {
    type Dto = { _OPENAPI_METADATA_FACTORY: () => Record<string, unknown> };
    const built = async (file: string, name: string) =>
      ((await import(`../dist/devices/dto/${file}.js`)) as Record<string, Dto>)[
        name
      ]._OPENAPI_METADATA_FACTORY();
    expect(await built('create-device.dto', 'CreateDeviceDto')).toHaveProperty('propertyReference');
    expect(await built('device-response.dto', 'DeviceResponseDto')).toHaveProperty('propertyReference');
    expect(await built('device-query.dto', 'DeviceQueryDto')).toHaveProperty('propertyReference');

    const doc = (await t.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const served = doc.components.schemas.CreateDeviceDto.properties ?? {};
    if ('exhibitRef' in served) {
      expect(served).toHaveProperty('propertyReference');
      expect(doc.components.schemas.DeviceResponseDto.properties).toHaveProperty('propertyReference');
      expect(doc.paths['/api/devices'].get.parameters?.map((p) => p.name)).toContain('propertyReference');
    }
  });
});
