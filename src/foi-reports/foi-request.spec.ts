import { ValidationFailedError } from '../common/errors.js';
import { type FoiRequestInput, resolveFoiRequest } from './foi-request.js';

const SETTINGS = {
  timeZone: 'Europe/London',
  defaultSuppressBelow: 5,
  devices: {
    deviceTypes: ['SMART_PLUG', 'SMART_PLUG_ENERGY', 'SMART_BULB', 'IP_CAMERA'],
    families: new Map([
      ['SMART_PLUG', ['SMART_PLUG', 'SMART_PLUG_ENERGY']],
      ['SMART_BULB', ['SMART_BULB']],
      ['CAMERA', ['IP_CAMERA']],
    ]),
  },
  now: new Date('2024-05-15T10:00:00Z'),
};

function fieldsOf(input: FoiRequestInput): string[] {
  try {
    resolveFoiRequest(input, SETTINGS);
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.errors.map((e) => e.field);
    throw error;
  }
  throw new Error('expected a ValidationFailedError');
}

describe('resolveFoiRequest', () => {
  const year = { period: 'calendar-year', year: '2023' };

  it('defaults to smart plugs and the configured threshold', () => {
    const request = resolveFoiRequest(year, SETTINGS);

    expect(request.deviceTypes).toEqual(['SMART_PLUG']);
    expect(request.suppressBelow).toBe(5);
    expect(request.window).toMatchObject({ from: '2023-01-01', to: '2024-01-01' });
  });

  it('takes repeated and comma-separated device types, once each, in the order given', () => {
    const request = resolveFoiRequest(
      { ...year, deviceType: ['IP_CAMERA,SMART_PLUG', 'IP_CAMERA'] },
      SETTINGS,
    );

    expect(request.deviceTypes).toEqual(['IP_CAMERA', 'SMART_PLUG']);
  });

  it('reads ALL as every device type', () => {
    expect(resolveFoiRequest({ ...year, deviceType: 'ALL' }, SETTINGS).deviceTypes).toBeNull();
  });

  it('keeps deviceType=SMART_PLUG as the one type, and counts the family for deviceFamily=SMART_PLUG', () => {
    expect(resolveFoiRequest({ ...year, deviceType: 'SMART_PLUG' }, SETTINGS)).toMatchObject({
      deviceTypes: ['SMART_PLUG'],
      deviceFamilies: [],
    });
    expect(resolveFoiRequest({ ...year, deviceFamily: 'SMART_PLUG' }, SETTINGS)).toMatchObject({
      deviceTypes: ['SMART_PLUG', 'SMART_PLUG_ENERGY'],
      deviceFamilies: ['SMART_PLUG'],
    });
  });

  it('counts a family and further types together, each type once, in reference order', () => {
    const request = resolveFoiRequest(
      { ...year, deviceFamily: 'CAMERA,SMART_PLUG', deviceType: ['SMART_PLUG', 'SMART_BULB'] },
      SETTINGS,
    );

    expect(request.deviceTypes).toEqual(['SMART_PLUG', 'SMART_PLUG_ENERGY', 'SMART_BULB', 'IP_CAMERA']);
    expect(request.deviceFamilies).toEqual(['CAMERA', 'SMART_PLUG']);
  });

  it('takes suppressBelow 0 as no suppression', () => {
    expect(resolveFoiRequest({ ...year, suppressBelow: '0' }, SETTINGS).suppressBelow).toBe(0);
  });

  it.each([
    [{ ...year, deviceType: 'TOASTER' }, ['deviceType']],
    [{ ...year, deviceType: ['ALL', 'SMART_PLUG'] }, ['deviceType']],
    [{ ...year, deviceType: 'ALL', deviceFamily: 'SMART_PLUG' }, ['deviceType']],
    [{ ...year, deviceFamily: 'TOASTERS' }, ['deviceFamily']],
    [{ ...year, deviceFamily: 'SMART_PLUG_ENERGY' }, ['deviceFamily']],
    [{ ...year, suppressBelow: '-1' }, ['suppressBelow']],
    [{ ...year, suppressBelow: '2.5' }, ['suppressBelow']],
    [{ ...year, suppressBelow: '1001' }, ['suppressBelow']],
    [{ deviceType: 'TOASTER', from: '2023-02-29', to: '2023-01-01' }, ['deviceType', 'from']],
  ])('rejects %j naming %j', (input, fields) => {
    expect(fieldsOf(input)).toEqual(fields);
  });
});
