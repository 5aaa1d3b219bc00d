import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDate } from '../local-date.js';

export class ScopeStatusQueryDto {
  /** A device-types code (e.g. SMART_PLUG) or ALL_DIGITAL. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  deviceType: string;

  /** Local date YYYY-MM-DD (default: today in the register's time zone). */
  @IsOptional()
  @IsLocalDate()
  on?: string;

  /** Optional activity line (e.g. extraction); absent = the device type's own line. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  activity?: string;
}
