import { ApiProperty } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsInstant } from '../../common/is-instant.js';

export const EXAMINATION_STATUSES = ['REQUESTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export const SCOPE_STATUSES = [
  'IN_SCOPE_FIXED',
  'IN_SCOPE_FLEXIBLE',
  'OUT_OF_SCOPE',
  'SCOPE_SUSPENDED',
] as const;

// Present (not undefined) values are validated; null is rejected unless the field says otherwise.
const IfPresent = () => ValidateIf((_object, value) => value !== undefined);

export class CreateExaminationDto {
  @IsUUID()
  deviceId: string;

  /** When the lab was asked to examine the device (ISO 8601 with offset). */
  @IsInstant()
  requestedAt: string;

  /** REQUESTED when a new examination gives none; moves forward only (COMPLETED and CANCELLED are final). */
  @ApiProperty({ enum: EXAMINATION_STATUSES, enumName: 'ExaminationStatus', required: false })
  @IfPresent()
  @IsIn(EXAMINATION_STATUSES)
  status?: (typeof EXAMINATION_STATUSES)[number];

  /** Defaults to now when the status becomes IN_PROGRESS without it. */
  @IsOptional()
  @IsInstant()
  startedAt?: string | null;

  /** Defaults to now when the status becomes COMPLETED without it. */
  @IsOptional()
  @IsInstant()
  completedAt?: string | null;

  /** Defaults to now when the status becomes CANCELLED without it. */
  @IsOptional()
  @IsInstant()
  cancelledAt?: string | null;

  /** Set by the server from the scope register on startedAt's local date; send it only with
   * scopeStartOverrideReason to override the status at start. */
  @ApiProperty({ enum: SCOPE_STATUSES, enumName: 'ScopeStatus', required: false })
  @IfPresent()
  @IsIn(SCOPE_STATUSES)
  scopeStatusAtStart?: (typeof SCOPE_STATUSES)[number];

  /** Why the lab overrides the register's status at start (null clears the override). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  scopeStartOverrideReason?: string | null;

  /** Set by the server from the scope register on completedAt's local date; send it only with
   * scopeCompletionOverrideReason to override the status at completion. */
  @ApiProperty({ enum: SCOPE_STATUSES, enumName: 'ScopeStatus', required: false })
  @IfPresent()
  @IsIn(SCOPE_STATUSES)
  scopeStatusAtCompletion?: (typeof SCOPE_STATUSES)[number];

  /** Why the lab overrides the register's status at completion (null clears the override). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  scopeCompletionOverrideReason?: string | null;

  /** A code-compliance code (default NOT_ASSESSED). */
  @IfPresent()
  @IsString()
  @MaxLength(40)
  codeCompliance?: string;

  @IsOptional()
  @IsBoolean()
  dataRecovered?: boolean | null;

  /** Restricted (lab and admin only; withheld from FOI under s.30(1)(a)(b)): tools and techniques. */
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  methods?: string | null;

  /** Restricted (lab and admin only). */
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  findingsSummary?: string | null;

  /** Restricted (lab and admin only; withheld from FOI under s.30(1)(a)(b)): tools and versions used. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  toolsUsed?: string | null;
}
