import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { TRIMMED_TEXT } from '../../cases/dto/query-values.js';
import type { PowerState } from '../device.entity.js';
import { EXHIBIT_REF_PATTERN, normaliseExhibitRef } from '../exhibit-reference.js';
import { normaliseMacAddress, NORMALISED_MAC } from '../mac-address.js';
import { normalisePropertyReference } from '../property-reference.js';
import { IsInstant } from '../../common/is-instant.js';

export const POWER_STATES: readonly PowerState[] = ['ON', 'OFF', 'UNKNOWN'];

const text = (field: string) => ({ message: `${field} must be printable text without surrounding spaces` });
const asText = (normalise: (raw: string) => string | null) =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (normalise(value) ?? value) : value,
  );

export class CreateDeviceDto {
  /** The case the device was seized for (must exist and not be voided). */
  @IsUUID()
  caseId: string;

  /** Exhibit reference, unique within the case: initials and number, e.g. ABC/1, sub-exhibit ABC/1/1. */
  @asText(normaliseExhibitRef)
  @IsString()
  @Length(1, 30)
  @Matches(EXHIBIT_REF_PATTERN, {
    message: 'exhibitRef must look like ABC/1 or ABC/1/1 (2–4 letters, numbers)',
  })
  exhibitRef: string;

  /** Code from /api/reference/device-types, e.g. SMART_PLUG. */
  @IsString()
  @Length(1, 40)
  deviceType: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(TRIMMED_TEXT, text('make'))
  make?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(TRIMMED_TEXT, text('model'))
  model?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(TRIMMED_TEXT, text('serialNumber'))
  serialNumber?: string | null;

  /** aa:bb:cc:dd:ee:ff, AA-BB-CC-DD-EE-FF, aabb.ccdd.eeff or aabbccddeeff; stored as AA:BB:CC:DD:EE:FF. */
  @IsOptional()
  @asText(normaliseMacAddress)
  @IsString()
  @Matches(NORMALISED_MAC, { message: 'macAddress must be a MAC address such as AA:BB:CC:DD:EE:FF' })
  macAddress?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, 50)
  @Matches(TRIMMED_TEXT, text('firmwareVersion'))
  firmwareVersion?: string | null;

  /** When it was seized: ISO 8601 with an offset; not in the future, not before 1990. */
  @IsInstant()
  seizedAt: string;

  /** Seizing officer's identifier (e.g. collar number). */
  @IsString()
  @Length(1, 50)
  @Matches(TRIMMED_TEXT, text('seizedBy'))
  seizedBy: string;

  /** Where it was seized. Personal data: never in FOI output. */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  seizureLocation?: string | null;

  @ApiProperty({ enum: POWER_STATES, required: false, default: 'UNKNOWN' })
  @IsOptional()
  @IsIn(POWER_STATES)
  powerStateAtSeizure?: PowerState;

  @IsOptional()
  @IsBoolean()
  photographedInSitu?: boolean | null;

  @IsOptional()
  @IsBoolean()
  networkIsolated?: boolean | null;

  /** The companion app the device is paired with, e.g. "Tapo". */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  companionApp?: string | null;

  /** Cloud account the device is linked to. Personal data. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cloudAccountIdentifier?: string | null;

  /** Code from /api/reference/evidential-uses (default UNKNOWN). */
  @IsOptional()
  @IsString()
  @Length(1, 40)
  evidentialUse?: string;

  /** The force property system's item number, e.g. PR/123456/24; stored trimmed and upper-cased. */
  @IsOptional()
  @asText(normalisePropertyReference)
  @IsString()
  @Length(1, 50)
  @Matches(TRIMMED_TEXT, text('propertyReference'))
  propertyReference?: string | null;
}
