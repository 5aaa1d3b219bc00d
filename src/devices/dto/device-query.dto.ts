import { ArrayMaxSize, IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Transform } from 'class-transformer';
import { normalisePropertyReference } from '../property-reference.js';
import { ArrayQuery, BooleanQuery } from '../../cases/dto/query-values.js';
import { PaginationQueryDto } from '../../common/pagination.dto.js';
import { IsInstant } from '../../common/is-instant.js';

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

  /** Exact exhibit reference (any letter case). */
  @IsOptional()
  @IsString()
  @Length(1, 30)
  exhibitRef?: string;

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
