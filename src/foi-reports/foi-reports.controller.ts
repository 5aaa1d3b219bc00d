import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FoiReportResponseDto } from './dto/foi-report-response.dto.js';
import { ApiHeavyWork } from '../common/openapi/api-problems.decorator.js';
import { binaryResponse } from '../common/openapi/binary-response.js';
import { Roles } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { WorkLimiter } from '../common/work-limiter.js';
import { FoiReportQueryDto } from './dto/foi-report-query.dto.js';
import type { FoiReportResponse } from './foi-report-response.js';
import { FoiReportService } from './foi-report.service.js';
import { ApiOperation } from '@nestjs/swagger';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Aggregates only, written to be released: no record-level identifiers, never the methods. Reports
// run under the register's limit for expensive work (429 with Retry-After when it is full).
@ApiTags('foi')
@ApiBearerAuth()
@Controller('foi')
export class FoiReportsController {
  constructor(
    private readonly reports: FoiReportService,
    private readonly limiter: WorkLimiter,
  ) {}

  /** The FOI answers (Q1-Q5 and the backlog) for a window, as JSON. */
  @Get('report')
  @Roles(Role.Foi)
  @ApiOkResponse({
    type: FoiReportResponseDto,
    description: 'The report; suppressed counts are strings ("<5", "[c]").',
  })
  @ApiOperation({
    summary: 'FOI report (JSON)',
    description:
      'The FOI answers (Q1-Q5 and the backlog) for a window. Aggregates only; suppressed counts are strings such as "<5" or "[c]".',
  })
  @ApiHeavyWork()
  async report(@Query() query: FoiReportQueryDto): Promise<FoiReportResponse> {
    return this.limiter.run(() => this.reports.report(query));
  }

  /** The same report as an Excel workbook (one sheet per question, definitions included). */
  @Get('report.xlsx')
  @Roles(Role.Foi)
  @ApiOkResponse(
    binaryResponse(XLSX_CONTENT_TYPE, 'The workbook, as an attachment (foi-<type>-<from>-to-<to>.xlsx).'),
  )
  @ApiOperation({
    summary: 'FOI report (Excel workbook)',
    description:
      'The same report as an Excel workbook (one sheet per question, definitions included), as an attachment.',
  })
  @ApiHeavyWork()
  async workbook(@Query() query: FoiReportQueryDto): Promise<StreamableFile> {
    const file = await this.limiter.run(() => this.reports.workbook(query));
    return new StreamableFile(file.content, {
      type: XLSX_CONTENT_TYPE,
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.content.length,
    });
  }
}
