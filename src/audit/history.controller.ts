import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { IdParam } from '../common/id-param.js';
import { PaginationQueryDto } from '../common/pagination.dto.js';
import { AuditQueryService, HistoryEntity } from './audit-query.service.js';
import { RecordHistoryDto, toAuditEventResponse } from './dto/audit-event-response.dto.js';
import { ApiOperation } from '@nestjs/swagger';

// Restricted examination fields (FOIA s.30): only lab and admin see their values in the history. The
// list of src/examinations/examination-restricted.ts (audit imports no feature; a spec holds them equal).
export const EXAMINATION_RESTRICTED = ['methods', 'findingsSummary', 'toolsUsed'] as const;

// A record's whole audit history, for the roles that may read the record itself.
@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class HistoryController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get('cases/:id/history')
  @Roles(Role.ExhibitsOfficer, Role.Lab)
  @ApiOperation({ summary: "A case's audit history" })
  caseHistory(
    @IdParam() id: string,
    @Query() query: PaginationQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RecordHistoryDto> {
    return this.history('case', id, query, [], user);
  }

  /** The device's own events and those of its custody events. */
  @Get('devices/:id/history')
  @Roles(Role.ExhibitsOfficer, Role.Lab)
  @ApiOperation({
    summary: "A device's audit history",
    description: "The device's own events and those of its custody events.",
  })
  deviceHistory(
    @IdParam() id: string,
    @Query() query: PaginationQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RecordHistoryDto> {
    return this.history('device', id, query, [], user);
  }

  /** `methods`, `findingsSummary` and `toolsUsed` values are shown as "[restricted]" to roles other than lab
   * and admin. Event hashes (`hash`, `prevHash`) are shown to admins only, on every history route. */
  @Get('examinations/:id/history')
  @Roles(Role.ExhibitsOfficer, Role.Lab)
  @ApiOperation({
    summary: "An examination's audit history",
    description:
      '`methods` and `findingsSummary` values are shown as "[restricted]" to roles other than lab and admin. Event hashes (`hash`, `prevHash`) are shown to admins only.',
  })
  examinationHistory(
    @IdParam() id: string,
    @Query() query: PaginationQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RecordHistoryDto> {
    const restricted = user.role === Role.Lab || user.role === Role.Admin ? [] : EXAMINATION_RESTRICTED;
    return this.history('examination', id, query, restricted, user);
  }

  private async history(
    entity: HistoryEntity,
    id: string,
    query: PaginationQueryDto,
    restricted: readonly string[],
    user: AuthUser,
  ): Promise<RecordHistoryDto> {
    const page = await this.audit.history(entity, id, query.limit, query.offset);
    const withHashes = user.role === Role.Admin;
    const names = await this.audit.actorNames(page.items);
    return {
      entity,
      id,
      ...page,
      items: page.items.map((e) => toAuditEventResponse(e, restricted, withHashes, names)),
    };
  }
}
