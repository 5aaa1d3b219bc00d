import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto } from './factories/case.factory.js';
import { deviceDto } from './factories/device.factory.js';

// Device families: deviceType=SMART_PLUG is the one type, deviceFamily=SMART_PLUG is smart plugs with
// and without energy monitoring. Hand-counted: calendar year 2024 holds 3 SMART_PLUG, 2
// SMART_PLUG_ENERGY and 1 SMART_BULB; one SMART_PLUG_ENERGY is seized in 2023 (outside).
describe('FOI device families', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const post = async (path: string, body: object) => {
      const res = await t.http().post(path).set('Authorization', t.auth(Role.ExhibitsOfficer)).send(body);
      if (res.status !== 201) throw new Error(`${path} ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body as { id: string };
    };
    const caseId = (await post('/api/cases', caseDto())).id;
    const seized: [string, string][] = [
      ['SMART_PLUG', '2024-01-10T10:00:00Z'],
      ['SMART_PLUG', '2024-05-10T10:00:00Z'],
      ['SMART_PLUG', '2024-12-31T10:00:00Z'],
      ['SMART_PLUG_ENERGY', '2024-02-10T10:00:00Z'],
      ['SMART_PLUG_ENERGY', '2024-07-10T10:00:00Z'],
      ['SMART_PLUG_ENERGY', '2023-07-10T10:00:00Z'],
      ['SMART_BULB', '2024-03-10T10:00:00Z'],
    ];
    for (const [deviceType, seizedAt] of seized) {
      await post('/api/devices', deviceDto(caseId, { deviceType, seizedAt }));
    }
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  const get = (query: Record<string, string | string[]>) =>
    t
      .http()
      .get('/api/foi/report')
      .query({ period: 'calendar-year', year: '2024', suppressBelow: '0', ...query })
      .set('Authorization', t.auth(Role.Foi));

  it('keeps deviceType=SMART_PLUG as the one type', async () => {
    const { body } = await get({ deviceType: 'SMART_PLUG' }).expect(200);

    expect(body.q1.total).toBe(3);
    expect(body.meta).toMatchObject({ deviceTypes: ['SMART_PLUG'], deviceFamilies: [] });
  });

  it('counts the smart plug family (with energy monitoring) for deviceFamily=SMART_PLUG, and says which types', async () => {
    const { body } = await get({ deviceFamily: 'SMART_PLUG' }).expect(200);

    expect(body.q1.total).toBe(5);
    expect(body.q1.byDeviceType).toEqual([
      { deviceType: 'SMART_PLUG', deviceTypeLabel: 'Smart plug', devices: 3 },
      { deviceType: 'SMART_PLUG_ENERGY', deviceTypeLabel: 'Smart plug with energy monitoring', devices: 2 },
    ]);
    expect(body.meta).toMatchObject({
      deviceTypes: ['SMART_PLUG', 'SMART_PLUG_ENERGY'],
      deviceFamilies: ['SMART_PLUG'],
    });
  });

  it('adds further device types to a family', async () => {
    const { body } = await get({ deviceFamily: 'SMART_PLUG', deviceType: 'SMART_BULB' }).expect(200);

    expect(body.q1.total).toBe(6);
    expect(body.meta.deviceTypes).toEqual(['SMART_PLUG', 'SMART_PLUG_ENERGY', 'SMART_BULB']);
  });

  it.each([
    [{ deviceFamily: 'TOASTERS' }, 'deviceFamily'],
    [{ deviceFamily: 'SMART_PLUG_ENERGY' }, 'deviceFamily'],
    [{ deviceFamily: 'SMART_PLUG', deviceType: 'ALL' }, 'deviceType'],
  ])('rejects %j naming %s', async (query, field) => {
    const res = await get(query).expect(400);

    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('serves the families, and every device type names one', async () => {
    const families = await t
      .http()
      .get('/api/reference/device-families')
      .set('Authorization', t.auth(Role.Foi))
      .expect(200);
    const types = await t
      .http()
      .get('/api/reference/device-types')
      .set('Authorization', t.auth(Role.Foi))
      .expect(200);

    const codes = families.body.items.map((f: { code: string }) => f.code);
    expect(codes).toContain('SMART_PLUG');
    for (const type of types.body.items as { code: string; attributes: { family?: string } }[]) {
      expect(codes).toContain(type.attributes.family);
    }
  });
});
