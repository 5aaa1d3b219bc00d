import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateCaseDto } from '../cases/dto/create-case.dto.js';
import { CreateDeviceDto } from '../devices/dto/create-device.dto.js';
import { DEVICE_CREATABLE } from '../devices/device-record.js';
import { FieldVerdicts } from './field-verdicts.js';
import {
  CASE_FIELD_RULES,
  CASE_TEMPLATE,
  DEVICE_FIELD_RULES,
  DEVICE_TEMPLATE,
  quickCase,
  quickDevice,
} from './quick-checks.js';

const VALIDATE = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;
const CASE_ID = '00000000-0000-4000-8000-000000000000';

const GOOD_DEVICE = {
  exhibitRef: 'abc/1',
  deviceType: 'SMART_PLUG',
  make: 'TP-Link',
  macAddress: 'aa-bb-cc-dd-ee-01',
  seizedAt: '2024-03-01T14:30:00.000Z',
  seizedBy: 'PC1234',
  seizureLocation: '1 Example Street',
  networkIsolated: true,
};

// One field changed at a time: good values, bad values and the edges of each rule.
const DEVICE_VARIANTS: [string, unknown][] = [
  ['exhibitRef', 'ABC/001/2'],
  ['exhibitRef', ' abc/1 '],
  ['exhibitRef', 'A/1'],
  ['exhibitRef', 'ABCDE/1'],
  ['exhibitRef', `AB/${'1'.repeat(28)}`],
  ['exhibitRef', `AB/${'1'.repeat(27)}`],
  ['exhibitRef', 'ab 1'],
  ['exhibitRef', ''],
  ['exhibitRef', 12],
  ['deviceType', ''],
  ['deviceType', 'X'.repeat(40)],
  ['deviceType', 'X'.repeat(41)],
  ['deviceType', true],
  ['make', 'a'.repeat(100)],
  ['make', 'a'.repeat(101)],
  ['make', ' lead'],
  ['make', 'tab\there'],
  ['make', 'line\nbreak'],
  ['make', 'é😀'],
  ['make', '\uFE0F'],
  ['make', '\uFE0Fx'],
  ['make', '😀'.repeat(60)],
  ['make', ''],
  ['model', 'm'.repeat(100)],
  ['model', 'm'.repeat(101)],
  ['model', 'trailing '],
  ['serialNumber', 's'.repeat(100)],
  ['serialNumber', 's'.repeat(101)],
  ['serialNumber', '\tSN1'],
  ['macAddress', 'AABB.CCDD.EEFF'],
  ['macAddress', 'aabbccddeeff'],
  ['macAddress', '00:00:00:00:00:00'],
  ['macAddress', 'zz:bb:cc:dd:ee:ff'],
  ['macAddress', 'aa:bb-cc:dd:ee:ff'],
  ['propertyReference', 'pr/123456/24'],
  ['propertyReference', 'P'.repeat(50)],
  ['propertyReference', 'P'.repeat(51)],
  ['propertyReference', ' PR/1'],
  ['propertyReference', ''],
  ['propertyReference', 5],
  ['firmwareVersion', 'v'.repeat(50)],
  ['firmwareVersion', 'v'.repeat(51)],
  ['seizedAt', '2024-03-01T14:30:00Z'],
  ['seizedAt', '2024-02-30T14:30:00.000Z'],
  ['seizedAt', '2024-03-01'],
  ['seizedAt', 20240301],
  ['seizedBy', 'x'.repeat(50)],
  ['seizedBy', 'x'.repeat(51)],
  ['seizedBy', 'trailing '],
  ['seizureLocation', 'l'.repeat(500)],
  ['seizureLocation', 'l'.repeat(501)],
  ['seizureLocation', ' spaces are fine here '],
  ['powerStateAtSeizure', 'ON'],
  ['powerStateAtSeizure', 'on'],
  ['photographedInSitu', false],
  ['photographedInSitu', 'yes'],
  ['networkIsolated', 1],
  ['companionApp', 'c'.repeat(100)],
  ['companionApp', 'c'.repeat(101)],
  ['cloudAccountIdentifier', 'c'.repeat(200)],
  ['cloudAccountIdentifier', 'c'.repeat(201)],
  ['evidentialUse', 'SERVED_EVIDENCE'],
  ['evidentialUse', 'E'.repeat(41)],
  ['unknownField', 'x'],
];

function viaClassValidator(input: Record<string, unknown>) {
  const dto = plainToInstance(CreateDeviceDto, { ...input, caseId: CASE_ID });
  return { dto, errors: validateSync(dto, VALIDATE) };
}

describe('quickDevice', () => {
  it('accepts the usual row, as class-validator does, with the same values', () => {
    const quick = quickDevice(GOOD_DEVICE);
    const { dto, errors } = viaClassValidator(GOOD_DEVICE);

    expect(errors).toEqual([]);
    expect(quick).toEqual({ ...GOOD_DEVICE, exhibitRef: 'ABC/1', macAddress: 'AA:BB:CC:DD:EE:01' });
    expect(quick).toEqual(
      expect.objectContaining({ exhibitRef: dto.exhibitRef, macAddress: dto.macAddress }),
    );
  });

  it.each(DEVICE_VARIANTS)('never accepts what class-validator refuses: %s = %j', (field, value) => {
    const input = { ...GOOD_DEVICE, [field]: value };

    const quick = quickDevice(input);
    const { dto, errors } = viaClassValidator(input);

    if (quick !== null) {
      expect(errors).toEqual([]);
      for (const [key, v] of Object.entries(quick)) expect(v).toEqual(dto[key as keyof CreateDeviceDto]);
    }
  });

  it('has variants for every field of the device record table a create body carries', () => {
    const varied = new Set(DEVICE_VARIANTS.map(([field]) => field));

    expect(DEVICE_CREATABLE.filter((field) => !varied.has(field))).toEqual([]);
  });

  it('leaves a missing required field to class-validator', () => {
    for (const field of ['exhibitRef', 'deviceType', 'seizedAt', 'seizedBy']) {
      const input: Record<string, unknown> = { ...GOOD_DEVICE };
      delete input[field];
      expect(quickDevice(input)).toBeNull();
    }
  });
});

const GOOD_CASE = { reference: 'CR/2024/0001', kind: 'CRIME', offenceSubgroup: 'DRUG_TRAFFICKING' };
const CASE_VARIANTS: [string, unknown][] = [
  ['reference', 'r'.repeat(50)],
  ['reference', 'r'.repeat(51)],
  ['reference', ' CR/1'],
  ['reference', 'CR\n1'],
  ['reference', ''],
  ['kind', 'INCIDENT'],
  ['kind', 'crime'],
  ['kind', undefined],
  ['homeOfficeCode', '92A'],
  ['homeOfficeCode', 'H'.repeat(41)],
  ['policeOutcome', 1],
  ['courtResultAt', '2024-02-29'],
  ['courtResultAt', '2023-02-29'],
  ['courtResultAt', '2024-13-01'],
  ['courtResultAt', '01/02/2024'],
  ['offenceGroup', 'DRUG'],
];

describe('quickCase', () => {
  it.each(CASE_VARIANTS)('never accepts what class-validator refuses: %s = %j', (field, value) => {
    const input = { ...GOOD_CASE, [field]: value };

    const quick = quickCase(input);
    const errors = validateSync(plainToInstance(CreateCaseDto, input), VALIDATE);

    if (quick !== null) expect(errors).toEqual([]);
  });

  it('accepts the usual case', () => {
    expect(quickCase(GOOD_CASE)).toEqual(GOOD_CASE);
  });
});

// Past the listed errors a bad row is only counted, from these verdicts: they must be class-validator's.
describe('FieldVerdicts (counting the cells of a bad row)', () => {
  const devices = new FieldVerdicts(CreateDeviceDto, DEVICE_TEMPLATE, DEVICE_FIELD_RULES);
  const cases = new FieldVerdicts(CreateCaseDto, CASE_TEMPLATE, CASE_FIELD_RULES);
  const refusedBy = (errors: { property: string }[], field: string) => errors.some((e) => e.property === field);
  const EXTRA_DEVICE: [string, unknown][] = [
    ['make', '😀'.repeat(101)],
    ['exhibitRef', 'abc/0001'],
    ['macAddress', 'FF:FF:FF:FF:FF:FF'],
    ['macAddress', 'not a mac'],
    ['seizedAt', '2024-03-01T14:30:00+01:00'],
    ['seizedAt', 'yesterday'],
    ['powerStateAtSeizure', 'SOMETIMES'],
  ];

  it.each([...DEVICE_VARIANTS, ...EXTRA_DEVICE].filter(([f, v]) => f !== 'unknownField' && v !== undefined))(
    'gives class-validator\'s verdict for a device field: %s = %j',
    (field, value) => {
      const { errors } = viaClassValidator({ ...DEVICE_TEMPLATE, [field]: value });
      expect(devices.refuses(field, value)).toBe(refusedBy(errors, field));
    },
  );

  it.each([...CASE_VARIANTS, ['policeOutcome', '1A'], ['courtStage', '😀'.repeat(30)]].filter(
    ([f, v]) => f !== 'offenceGroup' && v !== undefined,
  ) as [string, unknown][])('gives class-validator\'s verdict for a case field: %s = %j', (field, value) => {
    const errors = validateSync(plainToInstance(CreateCaseDto, { ...CASE_TEMPLATE, [field]: value }), VALIDATE);
    expect(cases.refuses(field, value)).toBe(refusedBy(errors, field));
  });
});
