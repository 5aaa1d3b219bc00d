import { ApiExtraModels, ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { FoiReportResponseDto } from '../../foi-reports/dto/foi-report-response.dto.js';
import type { LabelledFoiReport } from '../../foi-reports/foi-labels.js';
import type { FoiAnswersService } from '../foi-answers.service.js';
import type { FoiLogService } from '../foi-log.service.js';
import type { FoiRequestView } from '../foi-requests.service.js';
import type { ClockEventKind } from '../request-clock.js';
import { CHANNELS, DECISIONS, REQUEST_STATUSES, REQUESTER_TYPES } from './foi-request.dto.js';

// The answers of the FOI request log (/api/foi/requests…, /api/foi/statistics) for the contract. Each DTO
// implements the type its service returns, so a field added there and not here fails the build.

const CLOCK_EVENT_KINDS: ClockEventKind[] = [
  'CLARIFICATION_REQUESTED',
  'CLARIFICATION_RECEIVED',
  'FEES_NOTICE',
  'FEES_PAID',
  'EXTENDED',
  'WITHDRAWN',
];
const DATE = { type: 'string', format: 'date' } as const;
// OpenAPI 3.0.3: a nullable enum lists null among its values.

type Question = FoiRequestView['questions'][number];
type ClockEventView = FoiRequestView['events'][number];
type IssuedAnswer = NonNullable<FoiRequestView['answer']>;

export class FoiRequestQuestionDto implements Question {
  @ApiProperty({ type: 'integer', minimum: 1 })
  number: number;
  text: string;
  /** The decision given on this question by the issued answer; null until one is issued. */
  @ApiProperty({ enum: [...DECISIONS, null], nullable: true })
  decision: string | null;
  /** The exemption relied on (e.g. s.30(1)(a)(b)), if any. */
  exemption: string | null;
}

export class FoiClockEventDto implements ClockEventView {
  @ApiProperty({ enum: CLOCK_EVENT_KINDS })
  kind: string;
  @ApiProperty({ ...DATE, description: 'The local date of the event.' })
  on: string;
  @ApiProperty({ ...DATE, nullable: true, description: 'An extension: the new due date.' })
  until: string | null;
  /** An extension: the qualified exemption whose public interest test needs the time. */
  exemption: string | null;
}

export class FoiIssuedAnswerDto implements IssuedAnswer {
  id: string;
  @ApiProperty(DATE)
  respondedOn: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  issuedAt: string;
  /** The FOI report's fingerprint when it was issued (GET …/recheck compares today's). */
  fingerprint: string;
  /** The workbook's file name (GET …/answer.xlsx). */
  fileName: string;
}

@ApiExtraModels(FoiIssuedAnswerDto)
export class FoiRequestResponseDto implements FoiRequestView {
  id: string;
  /** The force's reference for the request, e.g. FOI/2026/0412. */
  reference: string;
  @ApiProperty(DATE)
  receivedOn: string;
  @ApiProperty({ enum: CHANNELS })
  channel: string;
  @ApiProperty({ enum: [...REQUESTER_TYPES, null], nullable: true })
  requesterType: string | null;
  title: string;
  @ApiProperty({ enum: REQUEST_STATUSES })
  status: string;
  @ApiProperty({
    ...DATE,
    nullable: true,
    description: 'The due date in force (an extension included); null while the clock is stopped.',
  })
  dueOn: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: 'The due date without any extension.' })
  statutoryDueOn: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: 'The extended due date, if extended.' })
  extendedUntil: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Working days from today to dueOn (negative when overdue); null when stopped or closed.',
  })
  daysLeft: number | null;
  overdue: boolean;
  questions: FoiRequestQuestionDto[];
  /** The dated clock events, in order. */
  events: FoiClockEventDto[];
  @ApiProperty({
    type: () => FoiIssuedAnswerDto,
    nullable: true,
    description: 'The answer issued (not voided); null until one is.',
  })
  answer: FoiIssuedAnswerDto | null;
  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: string;
}

export class FoiRequestPageDto {
  items: FoiRequestResponseDto[];
  @ApiProperty({ type: 'integer', minimum: 0 })
  total: number;
  @ApiProperty({ type: 'integer', minimum: 1 })
  limit: number;
  @ApiProperty({ type: 'integer', minimum: 0 })
  offset: number;
}

export class FoiAnswerDecisionDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  number: number;
  @ApiProperty({ enum: DECISIONS })
  decision: string;
  exemption: string | null;
}

const REPORT_PARAMETERS = {
  type: 'object' as const,
  additionalProperties: {
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
  },
};

export class FoiAnswerParametersDto {
  @ApiProperty({
    ...REPORT_PARAMETERS,
    description: 'The report parameters as given to POST …/issue (deviceType, period, year, from, to, …).',
  })
  asked: Record<string, string | string[]>;
  @ApiProperty({
    ...REPORT_PARAMETERS,
    description:
      'The same question as resolved (deviceType, from, to, scopeOn, suppressBelow): a recheck asks it.',
  })
  resolved: Record<string, string | string[]>;
}

/** GET /api/foi/requests/{id}/answer: the answer exactly as released. */
export class FoiReleasedAnswerDto {
  id: string;
  @ApiProperty(DATE)
  respondedOn: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  issuedAt: string;
  fingerprint: string;
  /** SHA-256 (hex) of the workbook's bytes as sent. */
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' })
  workbookSha256: string;
  fileName: string;
  parameters: FoiAnswerParametersDto;
  decisions: FoiAnswerDecisionDto[];
  /** The FOI report (JSON) as released. */
  report: FoiReportResponseDto;
}

// The released report is stored as served (a labelled FOI report): the DTO must describe that type.
const _releasedReport: (report: LabelledFoiReport) => FoiReleasedAnswerDto['report'] = (report) => report;
void _releasedReport;

type Recheck = Awaited<ReturnType<FoiAnswersService['recheck']>>;
type FigureChange = Recheck['changes'][number];

// A figure, a label or a row: any JSON value.
const anyValue = (description: string) =>
  ({
    // OpenAPI 3.0 has no null type: the string branch admits null.
    oneOf: [
      { type: 'string', nullable: true },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'object' },
      { type: 'array', items: {} },
    ],
    description,
  }) as ApiPropertyOptions;

export class FoiFigureChangeDto implements FigureChange {
  /** Where in the report, rows keyed by their codes, e.g. q2.rows[CRIME/DRUG/DRUG_TRAFFICKING].devices. */
  path: string;
  @ApiProperty(anyValue('The figure as released (null: not in the released answer).'))
  released: unknown;
  @ApiProperty(anyValue("The figure on today's data (null: no longer in the answer)."))
  now: unknown;
}

/** GET /api/foi/requests/{id}/recheck. */
export class FoiRecheckDto implements Recheck {
  /** True when today's data gives the same fingerprint: nothing counted has changed. */
  fingerprintMatches: boolean;
  /** The fingerprint released. */
  released: string;
  /** Today's fingerprint for the same question. */
  now: string;
  /** The figures that moved (labels ignored). */
  changes: FoiFigureChangeDto[];
}

type Statistics = Awaited<ReturnType<FoiLogService['statistics']>>;
type Tally = Statistics['total'];
type IcoBands = Statistics['bands'];

const TALLY_BANDS = ['good', 'adequate', 'not adequate'];

export class FoiTallyDto implements Tally {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Requests answered.' })
  answered: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Of those, answered within 20 working days.' })
  withinTime: number;
  @ApiProperty({
    type: 'number',
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'null: none answered.',
  })
  share: number | null;
  @ApiProperty({ enum: [...TALLY_BANDS, null], nullable: true, description: 'The ICO band of the share.' })
  band: Tally['band'];
}

export class FoiMonthTallyDto extends FoiTallyDto {
  /** YYYY-MM */
  month: string;
}

export class FoiQuarterTallyDto extends FoiTallyDto {
  /** e.g. 2026-Q1 */
  quarter: string;
}

export class FoiIcoBandsDto implements IcoBands {
  @ApiProperty({ type: 'number', description: 'Share from which timeliness is good.' })
  good: IcoBands['good'];
  @ApiProperty({ type: 'number', description: 'Share from which timeliness is adequate.' })
  adequate: IcoBands['adequate'];
}

/** GET /api/foi/statistics. */
export class FoiStatisticsDto implements Statistics {
  @ApiProperty({ type: 'integer' })
  year: number;
  /** The rule applied, in words. */
  rule: string;
  bands: FoiIcoBandsDto;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Requests received in the year.' })
  received: number;
  /** Answers given in the year. */
  total: FoiTallyDto;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Answered late against the statutory date, within a public-interest extension.',
  })
  extended: number;
  byMonth: FoiMonthTallyDto[];
  byQuarter: FoiQuarterTallyDto[];
}
