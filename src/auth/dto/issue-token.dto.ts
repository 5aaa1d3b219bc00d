import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/is-instant.js';

export class IssueTokenDto {
  /** What the token is for, e.g. "import script". */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;

  /** When the token stops working (ISO 8601 with an offset, in the future, at most TOKEN_MAX_LIFETIME_DAYS
   * ahead, default one year); none = TOKEN_LIFETIME_DAYS from now (default 90). */
  @IsOptional()
  @IsInstant()
  expiresAt?: string;
}
