import { IsISO8601, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination.dto.js';

const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;
const OFFSET_MESSAGE = '$property must be an ISO 8601 instant with Z or an offset, e.g. 2024-01-01T00:00:00Z';

export class AuditQueryDto extends PaginationQueryDto {
  /** Entity kind, e.g. `case`, `device`, `custody_event`, `examination`, `scope_entry`, `user`, `api_token`. */
  @IsOptional()
  @MaxLength(40)
  @Matches(/^[a-z_]+$/, { message: 'entity must be lower-case letters and underscores' })
  entity?: string;

  /** The record's id. */
  @IsOptional()
  @IsUUID()
  entityId?: string;

  /** The user who made the change. */
  @IsOptional()
  @IsUUID()
  actorId?: string;

  /** Events at or after this instant. */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(WITH_OFFSET, { message: OFFSET_MESSAGE })
  from?: string;

  /** Events before this instant. */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(WITH_OFFSET, { message: OFFSET_MESSAGE })
  to?: string;
}
