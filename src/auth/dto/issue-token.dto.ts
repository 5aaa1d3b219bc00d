import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/is-instant.js';

export class IssueTokenDto {
  /** What the token is for, e.g. "import script". */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;

  /** When the token stops working (ISO 8601 with an offset, in the future); none = until revoked. */
  @IsOptional()
  @IsInstant()
  expiresAt?: string;
}
