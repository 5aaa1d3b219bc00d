import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto } from './factories/case.factory.js';
import { custodyEventDto, deviceDto } from './factories/device.factory.js';
import { examinationDto } from './factories/examination.factory.js';

// Issue 13, part 3: finding devices by exhibit reference (as the register normalises it), MAC in any
// notation, serial, seal, or part of a reference, make, model or serial; cases by part of a reference;
// list items that name their case and device.
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe('finding things', () => {
  let t: TestApp;
  let kitchen: { id: string; reference: string };
  let garage: { id: string; reference: string };
  let plug: { id: string };
  let camera: { id: string };

  const post = (path: string, body: object, role = Role.ExhibitsOfficer) =>
    t.http().post(path).set('Authorization', t.auth(role)).send(body);
  const find = async (query: string, role = Role.ExhibitsOfficer) =>
    (await t.http().get(`/api/devices?${query}`).set('Authorization', t.auth(role)).expect(200)).body as {
      total: number;
      items: { id: string; caseReference: string }[];
    };
  const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();

  beforeAll(async () => {
    t = await createTestApp();
    kitchen = (await post('/api/cases', caseDto({ reference: 'CR/55501/25' })).expect(201)).body;
    garage = (await post('/api/cases', caseDto({ reference: 'INC/7788/26' })).expect(201)).body;
    plug = (
      await post(
        '/api/devices',
        deviceDto(kitchen.id, {
          exhibitRef: 'QW/001',
          make: 'TP-Link',
          model: 'Tapo P110',
          serialNumber: 'ZX9-AB12',
          macAddress: 'a4:c1:38:aa:bb:01',
        }),
      ).expect(201)
    ).body;
    camera = (
      await post(
        '/api/devices',
        deviceDto(garage.id, {
          exhibitRef: 'QW/1/2',
          deviceType: 'IP_CAMERA',
          make: 'Hikvision',
          model: 'DS-2CD',
          serialNumber: 'HK-000777',
          macAddress: 'a4:c1:38:aa:bb:02',
        }),
      ).expect(201)
    ).body;
    await post(`/api/devices/${plug.id}/custody-events`, custodyEventDto({ sealNumber: 'SEAL-Q-42' })).expect(
      201,
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it('exhibitRef matches as the register normalises it (QW/1 = QW/001, any letter case)', async () => {
    expect(ids(await find('exhibitRef=qw/1'))).toEqual([plug.id]);
    expect(ids(await find('exhibitRef=QW/0001'))).toEqual([plug.id]);
    expect(ids(await find('exhibitRef=QW/01/002'))).toEqual([camera.id]);
    expect((await find('exhibitRef=QW/10')).total).toBe(0);
  });

  it('macAddress in any notation; a text that is no MAC address is 400 naming it', async () => {
    expect(ids(await find('macAddress=A4-C1-38-AA-BB-01'))).toEqual([plug.id]);
    expect(ids(await find('macAddress=a4c1.38aa.bb02'))).toEqual([camera.id]);
    const bad = await t
      .http()
      .get('/api/devices?macAddress=kitchen')
      .set('Authorization', t.auth(Role.Lab))
      .expect(400);
    expect(fieldsOf(bad.body)).toEqual(['macAddress']);
  });

  it('serialNumber in any letter case, sealNumber on any custody event that stands', async () => {
    expect(ids(await find('serialNumber=zx9-ab12'))).toEqual([plug.id]);
    expect(ids(await find('sealNumber=SEAL-Q-42'))).toEqual([plug.id]);
    expect((await find('sealNumber=SEAL-NONE')).total).toBe(0);
  });

  it('q finds part of a case reference, exhibit reference, make, model or serial, in any letter case', async () => {
    expect(ids(await find('q=5550'))).toEqual([plug.id]);
    expect(ids(await find('q=inc/77'))).toEqual([camera.id]);
    expect(ids(await find('q=hikv'))).toEqual([camera.id]);
    expect(ids(await find('q=apo p1'))).toEqual([plug.id]);
    expect(ids(await find('q=000777'))).toEqual([camera.id]);
    expect(ids(await find('q=QW/'))).toEqual([camera.id, plug.id].sort());
    expect((await find('q=QW/&deviceType=IP_CAMERA')).total).toBe(1);
    expect((await find('q=100%25')).total).toBe(0);
    const short = await t.http().get('/api/devices?q=ab').set('Authorization', t.auth(Role.Lab)).expect(400);
    expect(fieldsOf(short.body)).toEqual(['q']);
  });

  it('q follows changes: an edited make and a moved device are found by their new values', async () => {
    const device = (await post('/api/devices', deviceDto(kitchen.id, { make: 'Meross' })).expect(201)).body;
    await t
      .http()
      .patch(`/api/devices/${device.id}`)
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .set('If-Match', '"1"')
      .send({ make: 'Shelly' })
      .expect(200);
    await t
      .http()
      .post(`/api/devices/${device.id}/move`)
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .set('If-Match', '"2"')
      .send({ caseId: garage.id, reason: 'Wrong case' })
      .expect(200);

    expect((await find('q=meross')).total).toBe(0);
    expect(ids(await find('q=shelly'))).toEqual([device.id]);
    expect(ids(await find(`q=inc/7788&caseId=${garage.id}`))).toEqual([camera.id, device.id].sort());
  });

  it('device list items carry their case reference', async () => {
    const page = await find(`exhibitRef=QW/1`);
    expect(page.items[0].caseReference).toBe('CR/55501/25');
  });

  it('GET /api/cases?q= finds part of a reference, in any letter case', async () => {
    const res = await t
      .http()
      .get('/api/cases?q=cr/555')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .expect(200);
    const short = await t
      .http()
      .get('/api/cases?q=c')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .expect(400);

    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([kitchen.id]);
    expect(fieldsOf(short.body)).toEqual(['q']);
  });

  it('examination list items carry the exhibit reference, case reference and device type', async () => {
    await post(
      '/api/examinations',
      examinationDto(camera.id, { requestedAt: '2025-03-02T09:00:00Z' }),
      Role.Lab,
    ).expect(201);
    const res = await t
      .http()
      .get(`/api/examinations?deviceId=${camera.id}`)
      .set('Authorization', t.auth(Role.Lab))
      .expect(200);

    expect(res.body.items[0]).toMatchObject({
      exhibitRef: 'QW/1/2',
      caseReference: 'INC/7788/26',
      deviceType: 'IP_CAMERA',
    });
  });
});
