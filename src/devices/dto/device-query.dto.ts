import { ArrayMaxSize, IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Transform } from 'class-transformer';
import { normalisePropertyReference } from '../property-reference.js';
import { ArrayQuery, BooleanQuery } from '../../cases/dto/query-values.js';
import { PaginationQueryDto } from '../../common/pagination.dto.js';
import { IsInstant } from '../../common/is-instant.js';
import { SEARCH_MIN_LENGTH } from '../device-search-sql.js';

export class DeviceQueryDto extends PaginationQueryDto {
  @IsOptional()
  @IsUUID()
  caseId?: string;

  /** Device type code; repeat for several (?deviceType=SMART_PLUG&deviceType=SMART_BULB). */
  @IsOptional()
  @ArrayQuery()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  deviceType?: string[];

  @IsOptional()
  @IsString()
  @Length(1, 40)
  custodyStatus?: string;

  @IsOptional()
  @IsString()
  @Length(1, 40)
  evidentialUse?: string;

  /** Seized at or after this instant (ISO 8601 with offset). */
  @IsOptional()
  @IsInstant()
  seizedFrom?: string;

  /** Seized before this instant (exclusive). */
  @IsOptional()
  @IsInstant()
  seizedTo?: string;

  /** Exhibit reference as the register compares it: any letter case, leading zeros ignored (JD/001 = JD/1). */
  @IsOptional()
  @IsString()
  @Length(1, 30)
  exhibitRef?: string;

  /** MAC address in any common notation (aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff, …). */
  @IsOptional()
  @IsString()
  @Length(1, 20)
  macAddress?: string;

  /** Serial number (any letter case). */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  serialNumber?: string;

  /** Seal or bag number on any custody event of the device that is not voided. */
  @IsOptional()
  @IsString()
  @Length(1, 50)
  sealNumber?: string;

  /** Part of the case reference, exhibit reference, make, model or serial number (3–100 characters, any letter case). */
  @IsOptional()
  @IsString()
  @Length(SEARCH_MIN_LENGTH, 100, { message: `q must be ${SEARCH_MIN_LENGTH} to 100 characters` })
  q?: string;
  /** Exact property reference (any letter case, surrounding spaces ignored). */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normalisePropertyReference(value) : value,
  )
  @IsString()
  @Length(1, 50)
  propertyReference?: string;

  /** Include voided devices (default false). */
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  includeVoided: boolean = false;
}
