import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination.dto.js';

export const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ScopeEntryQueryDto extends PaginationQueryDto {
  /** A device-types code or ALL_DIGITAL. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  deviceType?: string;

  /** An accreditation-statuses code. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  status?: string;

  /** Include voided rows (default false). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeVoided?: boolean;
}
