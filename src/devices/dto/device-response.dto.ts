import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../../auth/role.enum.js';
import type { Device, PowerState } from '../device.entity.js';
import type { Covers, FieldSpec } from '../../common/record-fields.js';
import { DEVICE_RECORD, type DeviceField } from '../device-record.js';
import { POWER_STATES } from './create-device.dto.js';

// Roles that may see the personal fields (seizureLocation, cloudAccountIdentifier).
export const PERSONAL_DATA_READERS: readonly Role[] = [Role.ExhibitsOfficer, Role.Lab, Role.Admin];

export class DeviceResponseDto {
  id: string;
  caseId: string;
  exhibitRef: string;
  deviceType: string;
  make: string | null;
  model: string | null;
  serialNumber: string | null;
  macAddress: string | null;
  firmwareVersion: string | null;
  seizedAt: string;
  seizedBy: string;
  /** Personal data: exhibits officers, lab and admin only. */
  seizureLocation?: string | null;
  @ApiProperty({ enum: POWER_STATES })
  powerStateAtSeizure: PowerState;
  photographedInSitu: boolean | null;
  networkIsolated: boolean | null;
  companionApp: string | null;
  /** Personal data: exhibits officers, lab and admin only. */
  cloudAccountIdentifier?: string | null;
  /** Follows the latest custody event. */
  custodyStatus: string;
  evidentialUse: string;
  /** The force property system's item number (upper case). */
  propertyReference: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Send it back in If-Match to update (also the ETag). */
  version: number;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
}

export class DeviceListItemDto extends DeviceResponseDto {
  /** The reference of the device's case. */
  caseReference: string | null;
}

export class DevicePageDto {
  items: DeviceListItemDto[];
  total: number;
  limit: number;
  offset: number;
}

// Every stored field of the record table is in the response (a compile error names the one that is not).
const covers: Covers<DeviceResponseDto, DeviceField> = true;
void covers;

const FIELDS = Object.entries(DEVICE_RECORD) as [DeviceField, FieldSpec][];
const bool = (value: unknown) => (value === null || value === undefined ? null : Boolean(value));

// The device as its reader may see it: the personal fields only for PERSONAL_DATA_READERS.
export function toDeviceResponse(entity: Device, role: Role): DeviceResponseDto {
  const personal = PERSONAL_DATA_READERS.includes(role);
  const response: Record<string, unknown> = { id: entity.id, caseId: entity.caseId };
  for (const [field, spec] of FIELDS) {
    if (spec.personal && !personal) continue;
    response[field] = spec.kind === 'boolean' ? bool(entity[field]) : entity[field];
  }
  response.createdAt = entity.createdAt;
  response.createdBy = entity.createdBy;
  response.updatedAt = entity.updatedAt;
  response.version = entity.version;
  response.voidedAt = entity.voidedAt;
  response.voidedBy = entity.voidedBy;
  response.voidReason = entity.voidReason;
  return response as unknown as DeviceResponseDto;
}

// Every field, for the audit trail (which may hold personal data).
export const deviceRecord = (entity: Device) => toDeviceResponse(entity, Role.Admin);
