import { CreateDeviceDto } from '../../src/devices/dto/create-device.dto.js';

// A plain object (not a class instance) with the create DTO's fields.
export type DeviceBody = { [K in keyof CreateDeviceDto]: CreateDeviceDto[K] };

let sequence = 0;

// A valid smart plug seized switched on, filed under caseId with a fresh exhibit reference.
export function deviceDto(caseId: string, overrides: Partial<DeviceBody> = {}): DeviceBody {
  sequence += 1;
  return {
    caseId,
    exhibitRef: `JD/${sequence}`,
    deviceType: 'SMART_PLUG',
    make: 'TP-Link',
    model: 'Tapo P110',
    serialNumber: `SN${String(sequence).padStart(6, '0')}`,
    macAddress: 'a4:c1:38:12:34:56',
    firmwareVersion: '1.2.3',
    seizedAt: '2025-03-01T10:15:00+00:00',
    seizedBy: 'PC 1234',
    seizureLocation: '12 Example Street, Anytown',
    powerStateAtSeizure: 'ON',
    photographedInSitu: true,
    networkIsolated: true,
    companionApp: 'Tapo',
    cloudAccountIdentifier: 'owner@example.com',
    evidentialUse: 'UNKNOWN',
    ...overrides,
  };
}

// A valid custody movement: into the main store an hour after the default seizure.
export function custodyEventDto(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    at: '2025-03-01T11:15:00Z',
    toHolder: 'Main property store',
    toStatus: 'IN_MAIN_STORE',
    purpose: 'BOOK_IN',
    sealNumber: 'SEAL-0001',
    sealIntact: true,
    ...overrides,
  };
}
