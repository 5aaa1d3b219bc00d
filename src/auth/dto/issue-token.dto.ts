import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

export class IssueTokenDto {
  /** What the token is for, e.g. "import script". */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;

  /** When the token stops working (ISO 8601 with offset); none = until revoked. */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  expiresAt?: string;
}
