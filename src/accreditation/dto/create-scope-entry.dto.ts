import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDate } from '../local-date.js';

export const SCOPE_TYPES = ['FIXED', 'FLEXIBLE'] as const;

export class CreateScopeEntryDto {
  /** A device-types code (e.g. SMART_PLUG), or ALL_DIGITAL for the whole digital schedule. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  deviceType: string;

  /** The activity this line covers (e.g. extraction, analysis); absent = one line for the device type. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  activity?: string;

  /** Default ISO/IEC 17025:2017. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  standard?: string;

  /** Default UKAS. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  accreditationBody?: string;

  /** The UKAS schedule number, e.g. 7737. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  scheduleReference?: string;

  /** Forensic Science Activity code from forensic-science-activities, e.g. "DIG 100". */
  @IsOptional()
  @IsString()
  @MaxLength(20)
  fsaCode?: string;

  /** Only for an accredited status (ACCREDITED and the statuses that may still claim it) or a
   * suspension (SUSPENDED_*), default FIXED there; any other status has none (400 when sent). */
  @ApiProperty({ enum: SCOPE_TYPES, enumName: 'ScopeType', required: false })
  @IsOptional()
  @IsIn(SCOPE_TYPES)
  scopeType?: (typeof SCOPE_TYPES)[number];

  /** Organisation status code from accreditation-statuses, e.g. ACCREDITED, SUSPENDED_VOLUNTARY. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  status: string;

  /** Local date (YYYY-MM-DD) from which this row is in force, until the next row of the same line.
   * A date after today is a planned change: send planned: true with it. */
  @IsLocalDate()
  effectiveFrom: string;

  /** true for a planned change (effectiveFrom after today); /status shows it as planned until its date. */
  @IsOptional()
  @IsBoolean()
  planned?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  notes?: string;
}
