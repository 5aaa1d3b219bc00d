import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import type { CaseKind } from '../case.entity.js';
import { CASE_KINDS } from '../case-rules.js';
import { TRIMMED_TEXT } from './query-values.js';

export class CreateCaseDto {
  /** The force's crime or incident reference, unique (case-insensitively), 1–50 characters. */
  @IsString()
  @Length(1, 50)
  @Matches(TRIMMED_TEXT, { message: 'reference must be printable text without leading or trailing spaces' })
  reference: string;

  @ApiProperty({ enum: CASE_KINDS })
  @IsIn(CASE_KINDS)
  kind: CaseKind;

  /** CRIME: offence sub-group (/api/reference/offence-subgroups); the offence group is derived. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  offenceSubgroup?: string | null;

  /** CRIME: Home Office offence code, e.g. 92A; it sets the sub-group (or must belong to the one given). */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  homeOfficeCode?: string | null;

  /** INCIDENT: non-crime incident category (/api/reference/incident-categories). */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  incidentCategory?: string | null;

  /** Home Office outcome type (/api/reference/police-outcomes), e.g. 1, 1A, 15. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  policeOutcome?: string | null;

  /** /api/reference/court-stages */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  courtStage?: string | null;

  /** /api/reference/court-results */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  courtResult?: string | null;

  /** The policing area the case belongs to (/api/reference/policing-areas, a force-curated list). */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  policingArea?: string | null;

  /** Local date of the court result (YYYY-MM-DD), not in the future; only with courtResult. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'courtResultAt must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'courtResultAt must be a valid date' })
  courtResultAt?: string | null;
}
