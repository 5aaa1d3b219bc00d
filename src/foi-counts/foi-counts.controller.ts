import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  type ApiQueryOptions,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { ApiHeavyWork } from '../common/openapi/api-problems.decorator.js';
import { binaryResponse } from '../common/openapi/binary-response.js';
import { WorkLimiter } from '../common/work-limiter.js';
import { XLSX_CONTENT_TYPE } from '../foi-reports/foi-reports.controller.js';
import { FoiCountsResponseDto, FoiDimensionsResponseDto } from './dto/counts-response.dto.js';
import type { CountsResponse } from './counts-response.js';
import { FoiCountsService } from './foi-counts.service.js';

const TEXT = { type: 'string' } as const;
const CODES = { type: 'array', items: { type: 'string' } } as const;
const QUERY_DOCS: ApiQueryOptions[] = [
  {
    name: 'measure',
    description: 'devices (default) | cases (distinct cases of the devices) | examinations',
    schema: { type: 'string', enum: ['devices', 'cases', 'examinations'] },
  },
  {
    name: 'by',
    description: 'Up to three dimensions, comma-separated (GET /api/foi/dimensions)',
    schema: TEXT,
    example: 'offenceGroup,month',
  },
  {
    name: 'filter',
    description:
      'Codes of a dimension to keep: filter[<dimension>]=<code>, repeatable or comma-separated, e.g. filter[offenceGroup]=DRUG',
    style: 'deepObject',
    explode: true,
    schema: { type: 'object', additionalProperties: { type: 'string' } },
  },
  {
    name: 'dateBasis',
    description: 'Examinations: requestedAt | startedAt (default) | completedAt',
    schema: { type: 'string', enum: ['requestedAt', 'startedAt', 'completedAt'] },
  },
  { name: 'deviceType', description: 'Device type code(s), or ALL (the default for counts)', schema: CODES },
  {
    name: 'deviceFamily',
    description: 'Device family code(s) (/api/reference/device-families)',
    schema: CODES,
  },
  { name: 'from', description: 'First local date (inclusive), YYYY-MM-DD, with to', schema: TEXT },
  { name: 'to', description: 'Local date after the window (exclusive)', schema: TEXT },
  {
    name: 'period',
    description: 'last-12-months | financial-year | calendar-year',
    schema: { type: 'string', enum: ['last-12-months', 'financial-year', 'calendar-year'] },
  },
  { name: 'year', description: 'The year for financial-year or calendar-year', schema: TEXT },
  {
    name: 'referenceDate',
    description: 'For last-12-months: the 12 whole months before this date',
    schema: TEXT,
  },
  {
    name: 'suppressBelow',
    description: 'Counts 1..N-1 shown as "<N" (0: off); default as the report',
    schema: TEXT,
  },
];

function documented(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const q of QUERY_DOCS) ApiQuery({ ...q, required: false })(target, key, descriptor);
  };
}

// Aggregates only, written to be released: a cross-tab of a measure by published dimensions.
@ApiTags('foi')
@ApiBearerAuth()
@Controller('foi')
export class FoiCountsController {
  constructor(
    private readonly counts: FoiCountsService,
    private readonly limiter: WorkLimiter,
  ) {}

  /** The published dimensions (labels, codes) and measures a count may use. */
  @Get('dimensions')
  @Roles(Role.Foi)
  @ApiOperation({ summary: 'Dimensions and measures a count may use' })
  dimensions(): FoiDimensionsResponseDto {
    return this.counts.dimensions();
  }

  /** A measure split by up to three dimensions, with margins and suppression across the table. */
  @Get('counts')
  @Roles(Role.Foi)
  @ApiOperation({ summary: 'Count a measure by dimensions (JSON)' })
  @documented()
  @ApiOkResponse({
    type: FoiCountsResponseDto,
    description: 'rows (every combination, zeros included), totals (margins), total, meta.',
  })
  @ApiHeavyWork()
  async count(@Query() query: Record<string, unknown>): Promise<CountsResponse> {
    return this.limiter.run(() => this.counts.counts(query));
  }

  /** The same count as a workbook (table, margins, definitions). */
  @Get('counts.xlsx')
  @Roles(Role.Foi)
  @ApiOperation({ summary: 'Count a measure by dimensions (Excel workbook)' })
  @documented()
  @ApiOkResponse(
    binaryResponse(XLSX_CONTENT_TYPE, 'The workbook (table, margins, definitions), as an attachment.'),
  )
  @ApiHeavyWork()
  async workbook(@Query() query: Record<string, unknown>): Promise<StreamableFile> {
    const file = await this.limiter.run(() => this.counts.workbook(query));
    return new StreamableFile(file.content, {
      type: XLSX_CONTENT_TYPE,
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.content.length,
    });
  }
}
