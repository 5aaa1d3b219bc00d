import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { toBoolean } from '../../accreditation/dto/scope-entry-query.dto.js';
import { PaginationQueryDto } from '../../common/pagination.dto.js';
import { EXAMINATION_STATUSES, SCOPE_STATUSES } from './create-examination.dto.js';
import { IsInstantOrDate } from './is-instant-or-date.js';

export class ExaminationQueryDto extends PaginationQueryDto {
  @IsOptional()
  @IsUUID()
  deviceId?: string;

  @ApiProperty({ enum: EXAMINATION_STATUSES, enumName: 'ExaminationStatus', required: false })
  @IsOptional()
  @IsIn(EXAMINATION_STATUSES)
  status?: string;

  /** The scope status at start. */
  @ApiProperty({ enum: SCOPE_STATUSES, enumName: 'ScopeStatus', required: false })
  @IsOptional()
  @IsIn(SCOPE_STATUSES)
  scopeStatusAtStart?: string;

  @ApiProperty({ enum: SCOPE_STATUSES, enumName: 'ScopeStatus', required: false })
  @IsOptional()
  @IsIn(SCOPE_STATUSES)
  scopeStatusAtCompletion?: string;

  /** Requested at or after: an instant with offset, or a local date (local midnight). */
  @IsOptional()
  @IsInstantOrDate()
  requestedFrom?: string;

  /** Requested before (exclusive): an instant with offset, or a local date (local midnight). */
  @IsOptional()
  @IsInstantOrDate()
  requestedTo?: string;

  /** Include voided examinations (default false). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeVoided?: boolean;
}
