import { CUSTODY_EVENT_EXAMPLE, DEVICE_EXAMPLE } from '../../src/common/openapi/examples.js';
import { CreateDeviceDto } from '../../src/devices/dto/create-device.dto.js';

// A plain object (not a class instance) with the create DTO's fields.
export type DeviceBody = { [K in keyof CreateDeviceDto]: CreateDeviceDto[K] };

let sequence = 0;

// A valid smart plug seized switched on (the /docs example, DEVICE_EXAMPLE), filed under caseId with a
// fresh exhibit reference.
export function deviceDto(caseId: string, overrides: Partial<DeviceBody> = {}): DeviceBody {
  sequence += 1;
  return {
    ...DEVICE_EXAMPLE,
    caseId,
    exhibitRef: `JD/${sequence}`,
    serialNumber: `SN${String(sequence).padStart(6, '0')}`,
    ...overrides,
  };
}

// A valid custody movement: into the main store an hour after the default seizure.
// (the /docs example, CUSTODY_EVENT_EXAMPLE)
export function custodyEventDto(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...CUSTODY_EVENT_EXAMPLE,
    ...overrides,
  };
}
