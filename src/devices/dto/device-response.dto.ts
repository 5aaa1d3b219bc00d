import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../../auth/role.enum.js';
import type { Device, PowerState } from '../device.entity.js';
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

const bool = (value: boolean | null) => (value === null ? null : Boolean(value));

export function toDeviceResponse(entity: Device, role: Role): DeviceResponseDto {
  const personal = PERSONAL_DATA_READERS.includes(role)
    ? { seizureLocation: entity.seizureLocation, cloudAccountIdentifier: entity.cloudAccountIdentifier }
    : {};
  return {
    id: entity.id,
    caseId: entity.caseId,
    exhibitRef: entity.exhibitRef,
    deviceType: entity.deviceType,
    make: entity.make,
    model: entity.model,
    serialNumber: entity.serialNumber,
    macAddress: entity.macAddress,
    firmwareVersion: entity.firmwareVersion,
    seizedAt: entity.seizedAt,
    seizedBy: entity.seizedBy,
    ...personal,
    powerStateAtSeizure: entity.powerStateAtSeizure,
    photographedInSitu: bool(entity.photographedInSitu),
    networkIsolated: bool(entity.networkIsolated),
    companionApp: entity.companionApp,
    custodyStatus: entity.custodyStatus,
    evidentialUse: entity.evidentialUse,
    createdAt: entity.createdAt,
    createdBy: entity.createdBy,
    updatedAt: entity.updatedAt,
    version: entity.version,
    voidedAt: entity.voidedAt,
    voidedBy: entity.voidedBy,
    voidReason: entity.voidReason,
  };
}

// Every field, for the audit trail (which may hold personal data).
export const deviceRecord = (entity: Device) => toDeviceResponse(entity, Role.Admin);
