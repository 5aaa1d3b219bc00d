import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNT_SCHEMA } from '../../foi-reports/dto/foi-report-response.dto.js';
import type { Count, SuppressionReason } from '../../foi-reports/foi-report.types.js';
import type { CountRow, CountsMeta, CountsResponse } from '../counts-response.js';
import { DATE_BASES } from '../counts-request.js';
import { DIMENSIONS, type DimensionCode, MEASURES } from '../dimensions.js';
import type { FoiCountsService, PublishedDimension } from '../foi-counts.service.js';

// The answers of GET /api/foi/counts and GET /api/foi/dimensions for the contract. A row of a count
// carries, for each dimension it is split by, the code and its label (`offenceGroup`, `offenceGroupLabel`)
// and the count: its properties are the published dimensions (DIMENSIONS), so the schema names every key
// a row can have. Each DTO implements the type the service returns, so drift fails the build.

const DIMENSION_NAMES = DIMENSIONS.map((d) => d.name);
const DATE = { type: 'string', format: 'date' } as const;
const INSTANT = { type: 'string', format: 'date-time' } as const;

export class FoiCountRowDto implements CountRow {
  [dimensionOrLabel: string]: Count;

  @ApiProperty({ ...COUNT_SCHEMA, description: 'The measure for this combination of codes.' })
  count: Count;
}

// One optional property per published dimension (its code) and one for its label.
for (const dimension of DIMENSIONS) {
  ApiPropertyOptional({
    type: 'string',
    description: `${dimension.label}: the code (UNRECORDED where none is recorded).`,
  })(FoiCountRowDto.prototype, dimension.name);
  ApiPropertyOptional({ type: 'string', description: `${dimension.label}: the code's label.` })(
    FoiCountRowDto.prototype,
    `${dimension.name}Label`,
  );
}

export class FoiCountMarginDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: DIMENSION_NAMES },
    description: 'The dimensions this margin keeps (the others are summed over).',
  })
  by: string[];
  rows: FoiCountRowDto[];
}

export class FoiDimensionNameDto {
  @ApiProperty({ enum: DIMENSION_NAMES })
  name: string;
  label: string;
}

export class FoiDimensionCodeDto implements DimensionCode {
  code: string;
  label: string;
}

export class FoiCountFilterDto {
  @ApiProperty({ enum: DIMENSION_NAMES })
  name: string;
  label: string;
  /** The codes kept, with their labels. */
  codes: FoiDimensionCodeDto[];
}

export class FoiCountSuppressedCellDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Dimension name → code ("Total" for a margin).',
    example: { offenceGroup: 'DRUG', month: 'Total' },
  })
  cell: Record<string, string>;
  @ApiProperty({ enum: ['primary', 'secondary'] })
  reason: SuppressionReason;
}

export class FoiDefinitionDto {
  item: string;
  text: string;
}

export class FoiCountsMetaDto implements CountsMeta {
  @ApiProperty({ enum: MEASURES })
  measure: string;
  measureLabel: string;
  /** The dimensions split by, in order. */
  by: FoiDimensionNameDto[];
  filters: FoiCountFilterDto[];
  @ApiProperty({ enum: ['seizedAt', ...DATE_BASES], description: 'The instant the window applies to.' })
  dateBasis: string;
  /** The device types counted (["ALL"] for every type). */
  deviceTypes: string[];
  deviceFamilies: string[];
  @ApiProperty({ ...DATE, description: 'First local date of the window (inclusive).' })
  from: string;
  @ApiProperty({ ...DATE, description: 'Local date the window ends (exclusive).' })
  to: string;
  @ApiProperty(INSTANT)
  start: string;
  @ApiProperty(INSTANT)
  end: string;
  timeZone: string;
  @ApiProperty({ enum: ['last-12-months', 'financial-year', 'calendar-year', 'custom'] })
  period: string;
  @ApiProperty(INSTANT)
  generatedAt: string;
  rulesVersion: string;
  /** Same question on the same records → same fingerprint. */
  fingerprint: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Counts 1..N-1 are shown as "<N"; 0 = off.' })
  suppressBelow: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Set when the grand total is from 1 to N-1: only "fewer than N" is published (rows empty).',
  })
  fewerThan: number | null;
  /** The table's body withheld whole (see the definitions). */
  withheld: boolean;
  suppressedCells: FoiCountSuppressedCellDto[];
  /** What was counted, on which date, split and filtered how, and the suppression rule. */
  definitions: FoiDefinitionDto[];
}

/** GET /api/foi/counts. */
export class FoiCountsResponseDto implements CountsResponse {
  meta: FoiCountsMetaDto;
  /** Every combination of the dimensions' codes, zeros included. */
  rows: FoiCountRowDto[];
  /** The margins: every proper subset of the dimensions, largest first. */
  totals: FoiCountMarginDto[];
  @ApiProperty({ ...COUNT_SCHEMA, description: 'The grand total.' })
  total: Count;
}

type Dimensions = ReturnType<FoiCountsService['dimensions']>;

export class FoiMeasureDto {
  @ApiProperty({ enum: MEASURES })
  name: string;
  label: string;
}

export class FoiPublishedDimensionDto implements PublishedDimension {
  @ApiProperty({ enum: DIMENSION_NAMES })
  name: string;
  label: string;
  @ApiProperty({ enum: ['case', 'device', 'examination', 'time'] })
  level: PublishedDimension['level'];
  description: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...MEASURES] },
    description:
      'The measures it may split; every measure may be filtered by it unless it is examination-level.',
  })
  measures: string[];
  @ApiProperty({
    type: () => [FoiDimensionCodeDto],
    nullable: true,
    description: 'Its codes and labels; null for time dimensions (their codes come from the window).',
  })
  codes: FoiDimensionCodeDto[] | null;
  /** Where the codes come from: a reference list's URL, "this list" or "the window asked for". */
  codesFrom: string;
}

/** GET /api/foi/dimensions. */
export class FoiDimensionsResponseDto implements Dimensions {
  measures: FoiMeasureDto[];
  dimensions: FoiPublishedDimensionDto[];
}
