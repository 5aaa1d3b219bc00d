import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { binaryResponse } from '../common/openapi/binary-response.js';
import { DateTime } from 'luxon';
import { RECORD_READERS } from '../auth/all-roles.js';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth-user.js';
import type { Readable } from 'node:stream';
import { WorkLimiter } from '../common/work-limiter.js';
import { DeviceExportService, type DeviceExport } from './device-export.service.js';
import { DeviceExportQueryDto } from './dto/device-export-query.dto.js';
import { csvStream, xlsxStream } from './export-writers.js';
import { XLSX_TYPE } from '../imports/imports.controller.js';
import { ApiOperation } from '@nestjs/swagger';
import { ApiHeavyWork, ApiProblems } from '../common/openapi/api-problems.decorator.js';

const fileName = (extension: string) => `devices-${DateTime.now().toFormat('yyyy-MM-dd')}.${extension}`;

// The device register as a spreadsheet, with the list's filters and the importer's headings, so that
// export → edit → import round-trips. Own controller: /api/devices.xlsx is a separate static route.
@ApiTags('devices')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(
    private readonly exports: DeviceExportService,
    private readonly limiter: WorkLimiter,
  ) {}

  // The export holds one of the limited slots for expensive work until its stream has closed.
  private async limited(
    query: DeviceExportQueryDto,
    role: AuthUser['role'],
    write: (source: DeviceExport) => Readable,
  ): Promise<Readable> {
    const release = await this.limiter.acquire();
    try {
      const stream = write(this.exports.prepare(query, role));
      stream.once('close', release);
      return stream;
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Every matching device, one row each with its case; personal fields only for roles that may see them. */
  @Get('devices.xlsx')
  @Roles(...RECORD_READERS)
  @ApiOkResponse(binaryResponse(XLSX_TYPE, 'The workbook, streamed, as an attachment.'))
  @ApiOperation({
    summary: 'Export devices (Excel)',
    description:
      'Every matching device, one row each with its case; personal fields only for roles that may see them. Streamed. Runs under the limit on expensive requests (429 with Retry-After when full).',
  })
  @ApiProblems(422)
  @ApiHeavyWork()
  async xlsx(@Query() query: DeviceExportQueryDto, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    return new StreamableFile(await this.limited(query, user.role, xlsxStream), {
      type: XLSX_TYPE,
      disposition: `attachment; filename="${fileName('xlsx')}"`,
    });
  }

  /** The same rows as CSV (UTF-8). */
  @Get('devices.csv')
  @Roles(...RECORD_READERS)
  @ApiOkResponse(binaryResponse('text/csv', 'The CSV file (UTF-8), streamed, as an attachment.'))
  @ApiOperation({
    summary: 'Export devices (CSV)',
    description: 'The same rows as CSV (UTF-8), streamed, under the same limit.',
  })
  @ApiProblems(422)
  @ApiHeavyWork()
  async csv(@Query() query: DeviceExportQueryDto, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    return new StreamableFile(await this.limited(query, user.role, csvStream), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${fileName('csv')}"`,
    });
  }
}
