import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination.dto.js';
import type { CaseKind } from '../case.entity.js';
import { CASE_KINDS } from '../case-rules.js';
import { BooleanQuery } from './query-values.js';
import { SEARCH_MIN_LENGTH } from '../text-search.js';

export class CaseQueryDto extends PaginationQueryDto {
  /** Exact reference (compared case-insensitively). */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  reference?: string;

  /** Part of the reference (3–100 characters, any letter case). */
  @IsOptional()
  @IsString()
  @Length(SEARCH_MIN_LENGTH, 100, { message: `q must be ${SEARCH_MIN_LENGTH} to 100 characters` })
  q?: string;

  @ApiProperty({ enum: CASE_KINDS, required: false })
  @IsOptional()
  @IsIn(CASE_KINDS)
  kind?: CaseKind;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  offenceGroup?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  offenceSubgroup?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  incidentCategory?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  policeOutcome?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  courtStage?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  policingArea?: string;

  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  progressedToCourt?: boolean;

  /** Include voided cases (default false). */
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  includeVoided: boolean = false;
}
