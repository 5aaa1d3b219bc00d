import { Body, Controller, Get, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { ValidationFailedError } from '../common/errors.js';
import { IdParam } from '../common/id-param.js';
import { ApiHeavyWork, ApiProblem } from '../common/openapi/api-problems.decorator.js';
import { binaryResponse } from '../common/openapi/binary-response.js';
import { WorkLimiter } from '../common/work-limiter.js';
import { XLSX_CONTENT_TYPE } from '../foi-reports/foi-reports.controller.js';
import {
  CreateFoiRequestDto,
  DateOnDto,
  ExtensionDto,
  FoiRequestListQueryDto,
  IssueAnswerDto,
  StatisticsQueryDto,
  VoidAnswerDto,
} from './dto/foi-request.dto.js';
import {
  FoiRecheckDto,
  FoiReleasedAnswerDto,
  FoiRequestPageDto,
  FoiRequestResponseDto,
  FoiStatisticsDto,
} from './dto/foi-request-response.dto.js';
import { FoiAnswersService } from './foi-answers.service.js';
import { FoiLogService } from './foi-log.service.js';
import { FoiRequestsService } from './foi-requests.service.js';

const CLOCK_RULE =
  'The request is closed (answered or refused), or the event breaks the clock rules (out of order, before ' +
  'the last event, an extension past 20 more working days); `errors` names the field.';
const NO_ANSWER = 'No such request, or no answer issued for it (or the answer was voided).';
const DISCLOSURE_LOG =
  'One row per answered request (reference, dates, title, decisions, figures released), as an attachment.';
const YEAR_QUERY = {
  name: 'year',
  required: false,
  description: 'Only the answers given in this calendar year (four digits), e.g. 2026.',
  schema: { type: 'string', pattern: '^20[0-9]{2}$' },
} as const;

// The FOI request log (foi and admin): requests and their 20-working-day clock, the released answers,
// statistics and the disclosure log. No requester identity is taken or stored.
@ApiTags('foi')
@ApiBearerAuth()
@Roles(Role.Foi)
@Controller('foi')
export class FoiRequestsController {
  constructor(
    private readonly requests: FoiRequestsService,
    private readonly answers: FoiAnswersService,
    private readonly log: FoiLogService,
    private readonly limiter: WorkLimiter,
  ) {}

  /** Log a request: dueOn is the 20th working day after receivedOn (any UK nation's bank holidays excluded). */
  @Post('requests')
  @ApiOperation({ summary: 'Log an FOI request' })
  @ApiProblem(409, 'Another request has this reference (letter case ignored).')
  create(@Body() dto: CreateFoiRequestDto, @CurrentUser() user: AuthUser): Promise<FoiRequestResponseDto> {
    return this.requests.create(dto, user.id);
  }

  /** The log: overdue first, then by due date; each with status and working days left. */
  @Get('requests')
  @ApiOperation({ summary: 'The FOI request log' })
  list(@Query() query: FoiRequestListQueryDto): Promise<FoiRequestPageDto> {
    return this.requests.list(query);
  }

  @Get('requests/:id')
  @ApiOperation({ summary: 'One FOI request' })
  get(@IdParam() id: string): Promise<FoiRequestResponseDto> {
    return this.requests.get(id);
  }

  /** The clock stops until the clarification arrives. */
  @Post('requests/:id/clarification-requested')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clarification asked for (clock stops)' })
  @ApiProblem(422, CLOCK_RULE)
  clarificationRequested(
    @IdParam() id: string,
    @Body() dto: DateOnDto,
    @CurrentUser() user: AuthUser,
  ): Promise<FoiRequestResponseDto> {
    return this.requests.addEvent(id, 'CLARIFICATION_REQUESTED', dto, user.id);
  }

  /** The clock restarts from this date: 20 working days from it. */
  @Post('requests/:id/clarification-received')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clarification received (clock restarts)' })
  @ApiProblem(422, CLOCK_RULE)
  clarificationReceived(
    @IdParam() id: string,
    @Body() dto: DateOnDto,
    @CurrentUser() user: AuthUser,
  ): Promise<FoiRequestResponseDto> {
    return this.requests.addEvent(id, 'CLARIFICATION_RECEIVED', dto, user.id);
  }

  /** A fees notice stops the clock until the fee is paid. */
  @Post('requests/:id/fees-notice')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fees notice given (clock pauses)' })
  @ApiProblem(422, CLOCK_RULE)
  feesNotice(
    @IdParam() id: string,
    @Body() dto: DateOnDto,
    @CurrentUser() user: AuthUser,
  ): Promise<FoiRequestResponseDto> {
    return this.requests.addEvent(id, 'FEES_NOTICE', dto, user.id);
  }

  @Post('requests/:id/fees-paid')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fee paid (clock resumes)' })
  @ApiProblem(422, CLOCK_RULE)
  feesPaid(
    @IdParam() id: string,
    @Body() dto: DateOnDto,
    @CurrentUser() user: AuthUser,
  ): Promise<FoiRequestResponseDto> {
    return this.requests.addEvent(id, 'FEES_PAID', dto, user.id);
  }

  /** A public-interest extension (s.10(3)): up to 20 more working days. */
  @Post('requests/:id/extension')
  @HttpCode(200)
  @ApiOperation({ summary: 'Public-interest extension' })
  @ApiProblem(422, CLOCK_RULE)
  extension(
    @IdParam() id: string,
    @Body() dto: ExtensionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<FoiRequestResponseDto> {
    return this.requests.addEvent(
      id,
      'EXTENDED',
      { on: this.requests.today(), until: dto.until, exemption: dto.exemption },
      user.id,
    );
  }

  @Post('requests/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Request withdrawn' })
  @ApiProblem(422, CLOCK_RULE)
  withdraw(
    @IdParam() id: string,
    @Body() dto: DateOnDto,
    @CurrentUser() user: AuthUser,
  ): Promise<FoiRequestResponseDto> {
    return this.requests.addEvent(id, 'WITHDRAWN', dto, user.id);
  }

  /** Issue the answer: the workbook and JSON are built once, stored as sent, and never recomputed. */
  @Post('requests/:id/issue')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue the answer' })
  @ApiProblem(409, 'An answer was already issued for this request (an admin may void it).')
  @ApiProblem(422, 'The request was withdrawn.')
  @ApiHeavyWork()
  issue(
    @IdParam() id: string,
    @Body() dto: IssueAnswerDto,
    @CurrentUser() user: AuthUser,
  ): Promise<FoiRequestResponseDto> {
    return this.limiter.run(() => this.answers.issue(id, dto, user.id));
  }

  /** The workbook exactly as sent. */
  @Get('requests/:id/answer.xlsx')
  @ApiOkResponse(binaryResponse(XLSX_CONTENT_TYPE, 'The workbook as sent, as an attachment.'))
  @ApiOperation({ summary: 'The released workbook' })
  @ApiProblem(404, NO_ANSWER)
  async answerXlsx(@IdParam() id: string): Promise<StreamableFile> {
    const answer = await this.answers.answer(id);
    const content = Buffer.from(answer.workbook, 'base64');
    return new StreamableFile(content, {
      type: XLSX_CONTENT_TYPE,
      disposition: `attachment; filename="${answer.fileName}"`,
      length: content.length,
    });
  }

  /** The JSON answer exactly as sent, with its decisions and parameters. */
  @Get('requests/:id/answer')
  @ApiOperation({ summary: 'The released JSON answer' })
  @ApiProblem(404, NO_ANSWER)
  async answerJson(@IdParam() id: string): Promise<FoiReleasedAnswerDto> {
    const answer = await this.answers.answer(id);
    return {
      id: answer.id,
      respondedOn: answer.respondedOn,
      issuedAt: answer.issuedAt,
      fingerprint: answer.fingerprint,
      workbookSha256: answer.workbookSha256,
      fileName: answer.fileName,
      parameters: JSON.parse(answer.parameters) as FoiReleasedAnswerDto['parameters'],
      decisions: JSON.parse(answer.decisions) as FoiReleasedAnswerDto['decisions'],
      report: JSON.parse(answer.report) as FoiReleasedAnswerDto['report'],
    };
  }

  /** The same question on today's data: does the fingerprint match, and which figures moved? */
  @Get('requests/:id/recheck')
  @ApiOperation({ summary: 'Recheck a released answer on today’s data' })
  @ApiProblem(404, NO_ANSWER)
  @ApiHeavyWork()
  recheck(@IdParam() id: string): Promise<FoiRecheckDto> {
    return this.limiter.run(() => this.answers.recheck(id));
  }

  /** Admin only: an issued answer is voided with a reason (kept, never deleted); the request reopens. */
  @Post('requests/:id/answer/void')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Void an issued answer (admin)' })
  @ApiProblem(404, NO_ANSWER)
  voidAnswer(
    @IdParam() id: string,
    @Body() dto: VoidAnswerDto,
    @CurrentUser() user: AuthUser,
  ): Promise<FoiRequestResponseDto> {
    return this.answers.void(id, dto.reason, user.id);
  }

  /** Share answered within 20 working days, by month and quarter, against the ICO bands. */
  @Get('statistics')
  @ApiOperation({ summary: 'FOI timeliness statistics' })
  statistics(@Query() query: StatisticsQueryDto): Promise<FoiStatisticsDto> {
    return this.log.statistics(query.year);
  }

  @Get('disclosure-log.csv')
  @ApiOkResponse(binaryResponse('text/csv', DISCLOSURE_LOG))
  @ApiOperation({ summary: 'Disclosure log (CSV)' })
  @ApiQuery(YEAR_QUERY)
  async disclosureCsv(@Query('year') year?: string): Promise<StreamableFile> {
    const content = Buffer.from(await this.log.disclosureCsv(parseYear(year)));
    return new StreamableFile(content, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="foi-disclosure-log${year ? `-${parseYear(year)}` : ''}.csv"`,
      length: content.length,
    });
  }

  @Get('disclosure-log.xlsx')
  @ApiOkResponse(binaryResponse(XLSX_CONTENT_TYPE, DISCLOSURE_LOG))
  @ApiOperation({ summary: 'Disclosure log (Excel)' })
  @ApiQuery(YEAR_QUERY)
  async disclosureXlsx(@Query('year') year?: string): Promise<StreamableFile> {
    const content = await this.log.disclosureXlsx(parseYear(year));
    return new StreamableFile(content, {
      type: XLSX_CONTENT_TYPE,
      disposition: `attachment; filename="foi-disclosure-log${year ? `-${parseYear(year)}` : ''}.xlsx"`,
      length: content.length,
    });
  }
}

function parseYear(year: string | undefined): number | undefined {
  if (year === undefined || year === '') return undefined;
  if (!/^20\d{2}$/.test(year)) {
    throw new ValidationFailedError([{ field: 'year', message: 'year must be four digits, e.g. 2026' }]);
  }
  return Number(year);
}
