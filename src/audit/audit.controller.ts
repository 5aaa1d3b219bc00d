import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditQueryService } from './audit-query.service.js';
import { describeReport } from './audit-verify.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';
import {
  AuditPageDto,
  AuditVerifyResponseDto,
  toAuditEventResponse,
} from './dto/audit-event-response.dto.js';
import { ApiOperation } from '@nestjs/swagger';

// Admin only (no @Roles): the audit log and its verification. There is no write, update or delete route.
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  /** Audit events in sequence order, filtered by entity, entityId, actorId and time (from inclusive, to exclusive). */
  @Get()
  @ApiOperation({
    summary: 'Read the audit trail',
    description:
      'Audit events in sequence order, filtered by entity, entityId, actorId and time (from inclusive, to exclusive).',
  })
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const page = await this.audit.list(query);
    const names = await this.audit.actorNames(page.items);
    return { ...page, items: page.items.map((e) => toAuditEventResponse(e, [], true, names)) };
  }

  /** Walks the whole hash chain: intact with its head hash, or the first event that does not match and why. */
  @Get('verify')
  @ApiOperation({
    summary: 'Verify the audit hash chain',
    description:
      'Walks the whole hash chain: intact with its head hash, or the first event that does not match and why.',
  })
  async verify(): Promise<AuditVerifyResponseDto> {
    const report = await this.audit.verify();
    return { ...report, message: describeReport(report) };
  }
}
