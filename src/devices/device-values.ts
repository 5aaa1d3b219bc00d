import { toInstant } from '../common/columns.js';
import type { Device } from './device.entity.js';
import type { CreateDeviceDto } from './dto/create-device.dto.js';

// A new device's own columns from a checked create body: absent optional fields are null, power state
// and evidential use default to UNKNOWN, the seizure time is stored as ISO UTC. POST /api/devices and
// the spreadsheet import both build a device's values here.
export type DeviceCreateValues = Pick<
  Device,
  | 'exhibitRef'
  | 'deviceType'
  | 'make'
  | 'model'
  | 'serialNumber'
  | 'macAddress'
  | 'firmwareVersion'
  | 'seizedAt'
  | 'seizedBy'
  | 'seizureLocation'
  | 'powerStateAtSeizure'
  | 'photographedInSitu'
  | 'networkIsolated'
  | 'companionApp'
  | 'cloudAccountIdentifier'
  | 'evidentialUse'
>;

export function deviceCreateValues(dto: Omit<CreateDeviceDto, 'caseId'>): DeviceCreateValues {
  return {
    exhibitRef: dto.exhibitRef,
    deviceType: dto.deviceType,
    make: dto.make ?? null,
    model: dto.model ?? null,
    serialNumber: dto.serialNumber ?? null,
    macAddress: dto.macAddress ?? null,
    firmwareVersion: dto.firmwareVersion ?? null,
    seizedAt: toInstant(dto.seizedAt),
    seizedBy: dto.seizedBy,
    seizureLocation: dto.seizureLocation ?? null,
    powerStateAtSeizure: dto.powerStateAtSeizure ?? 'UNKNOWN',
    photographedInSitu: dto.photographedInSitu ?? null,
    networkIsolated: dto.networkIsolated ?? null,
    companionApp: dto.companionApp ?? null,
    cloudAccountIdentifier: dto.cloudAccountIdentifier ?? null,
    evidentialUse: dto.evidentialUse ?? 'UNKNOWN',
  };
}
