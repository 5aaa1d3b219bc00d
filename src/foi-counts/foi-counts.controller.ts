import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { XLSX_CONTENT_TYPE } from '../foi-reports/foi-reports.controller.js';
import type { CountsResponse } from './counts-response.js';
import { FoiCountsService } from './foi-counts.service.js';

const QUERY_DOCS = [
  {
    name: 'measure',
    description: 'devices (default) | cases (distinct cases of the devices) | examinations',
  },
  { name: 'by', description: 'Up to three dimensions, comma-separated (GET /api/foi/dimensions)' },
  {
    name: 'filter[<dimension>]',
    description:
      'Codes of a dimension to keep, repeatable or comma-separated, e.g. filter[offenceGroup]=DRUG',
  },
  { name: 'dateBasis', description: 'Examinations: requestedAt | startedAt (default) | completedAt' },
  { name: 'deviceType', description: 'Device type code(s), or ALL (the default for counts)' },
  { name: 'deviceFamily', description: 'Device family code(s) (/api/reference/device-families)' },
  { name: 'from', description: 'First local date (inclusive), YYYY-MM-DD, with to' },
  { name: 'to', description: 'Local date after the window (exclusive)' },
  { name: 'period', description: 'last-12-months | financial-year | calendar-year' },
  { name: 'year', description: 'The year for financial-year or calendar-year' },
  { name: 'referenceDate', description: 'For last-12-months: the 12 whole months before this date' },
  { name: 'suppressBelow', description: 'Counts 1..N-1 shown as "<N" (0: off); default as the report' },
];

function documented(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const q of QUERY_DOCS) ApiQuery({ ...q, required: false, type: String })(target, key, descriptor);
  };
}

// Aggregates only, written to be released: a cross-tab of a measure by published dimensions.
@ApiTags('foi')
@ApiBearerAuth()
@Controller('foi')
export class FoiCountsController {
  constructor(private readonly counts: FoiCountsService) {}

  /** The published dimensions (labels, codes) and measures a count may use. */
  @Get('dimensions')
  @Roles(Role.Foi)
  dimensions(): ReturnType<FoiCountsService['dimensions']> {
    return this.counts.dimensions();
  }

  /** A measure split by up to three dimensions, with margins and suppression across the table. */
  @Get('counts')
  @Roles(Role.Foi)
  @documented()
  @ApiOkResponse({ description: 'rows (every combination, zeros included), totals (margins), total, meta.' })
  async count(@Query() query: Record<string, unknown>): Promise<CountsResponse> {
    return this.counts.counts(query);
  }

  /** The same count as a workbook (table, margins, definitions). */
  @Get('counts.xlsx')
  @Roles(Role.Foi)
  @documented()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The workbook, as an attachment.' })
  async workbook(@Query() query: Record<string, unknown>): Promise<StreamableFile> {
    const file = await this.counts.workbook(query);
    return new StreamableFile(file.content, {
      type: XLSX_CONTENT_TYPE,
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.content.length,
    });
  }
}
