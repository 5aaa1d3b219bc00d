import { Role } from '../auth/role.enum.js';
import { WorkLimiter } from '../common/work-limiter.js';
import { XLSX_CONTENT_TYPE } from '../foi-reports/foi-reports.controller.js';
import { formErrors, type FormErrors } from '../pages/form-errors.js';
import { dateParts, readDate } from '../pages/form-dates.js';
import { codeOptions, validated, withoutBlanks } from '../pages/page-forms.js';
import { PageController, PageGet, PagePost } from '../pages/page.decorators.js';
import { actor, field, fields, redirect, sent, view, type FormBody, type PageRequest, type PageResult } from '../pages/page-request.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { DECISIONS, IssueAnswerDto, StatisticsQueryDto, VoidAnswerDto } from './dto/foi-request.dto.js';
import { FoiAnswersService } from './foi-answers.service.js';
import { FoiLogService } from './foi-log.service.js';
import { plainDates, renameFields, requestView, withWords } from './foi-request-page.js';
import { choices, DECISION_WORDS, ICO_BAND_WORDS } from './foi-request-words.js';
import { FoiRequestsService, type FoiRequestView } from './foi-requests.service.js';

// Small numbers are suppressed unless the FOI officer turns it off (as on /foi).
const SUPPRESS_BELOW = '5';

const ISSUE_LABELS: Record<string, string> = {
  respondedOn: 'Date of response',
  decisions: 'Decisions',
  period: 'Period',
  year: 'Year it starts in',
  from: 'From',
  to: 'To',
  deviceType: 'Device types',
  suppressBelow: 'Small numbers',
};

// Issuing an answer (decisions per question, the report's parameters as /foi asks them, the response
// date), the released workbook as stored, voiding it (admin), and the timeliness statistics.
@PageController()
export class FoiAnswersPagesController {
  constructor(
    private readonly requests: FoiRequestsService,
    private readonly answers: FoiAnswersService,
    private readonly log: FoiLogService,
    private readonly reference: ReferenceDataService,
    private readonly limiter: WorkLimiter,
  ) {}

  @PageGet('/foi/requests/:id/issue', [Role.Foi])
  async issueForm(page: PageRequest): Promise<PageResult> {
    const found = await this.requests.get(page.params.id);
    const today = dateParts(this.requests.today(), 'UTC');
    return this.issueView(found, { 'respondedOn-day': today.day, 'respondedOn-month': today.month, 'respondedOn-year': today.year }, undefined, true);
  }

  @PagePost('/foi/requests/:id/issue', [Role.Foi])
  async issue(page: PageRequest): Promise<PageResult> {
    const found = await this.requests.get(page.params.id);
    try {
      const plain = {
        respondedOn: readDate(page.body, 'respondedOn', ISSUE_LABELS.respondedOn) ?? '',
        parameters: reportParameters(page.body),
        decisions: found.questions.map((q) =>
          withoutBlanks({
            number: q.number,
            decision: field(page.body, `decision-${q.number}`),
            exemption: field(page.body, `exemption-${q.number}`),
          }),
        ),
      };
      const dto = await validated(IssueAnswerDto, plain);
      // Heavy work (the report and workbook), limited as the API's issue is.
      const issued = await this.limiter.run(() => this.answers.issue(found.id, dto, actor(page).id));
      return redirect(`/foi/requests/${issued.id}`, `Answer issued: ${issued.answer?.fileName ?? ''} is stored as released.`);
    } catch (error) {
      return this.issueView(found, page.body, issueErrors(error, found), field(page.body, 'suppress') === 'on');
    }
  }

  // The workbook exactly as it was released (the stored bytes, never rebuilt).
  @PageGet('/foi/requests/:id/answer.xlsx', [Role.Foi])
  async answerXlsx(page: PageRequest): Promise<PageResult> {
    const answer = await this.answers.answer(page.params.id);
    await page.reply
      .type(XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${answer.fileName}"`)
      .send(Buffer.from(answer.workbook, 'base64'));
    return sent();
  }

  @PagePost('/foi/requests/:id/answer/void', [Role.Admin])
  async voidAnswer(page: PageRequest): Promise<PageResult> {
    const id = page.params.id;
    try {
      const dto = await validated(VoidAnswerDto, { reason: field(page.body, 'reason') });
      await this.answers.void(id, dto.reason, actor(page).id);
      return redirect(`/foi/requests/${id}`, 'Answer voided: the request is open again.');
    } catch (error) {
      const errors = formErrors(error, { reason: 'Reason' });
      return requestView(page, await this.requests.get(id), { errors, values: page.body });
    }
  }

  @PageGet('/foi/statistics', [Role.Foi])
  async statistics(page: PageRequest): Promise<PageResult> {
    const year = field(page.query, 'year') || this.requests.today().slice(0, 4);
    let errors: FormErrors | undefined;
    let stats: Awaited<ReturnType<FoiLogService['statistics']>> | undefined;
    try {
      stats = await this.log.statistics((await validated(StatisticsQueryDto, { year })).year);
    } catch (error) {
      errors = formErrors(error, { year: 'Year' });
    }
    const band = (b: string | null) => (b ? ICO_BAND_WORDS[b] : undefined);
    const percent = (share: number | null) => (share === null ? 'No answers' : `${(share * 100).toFixed(1)}%`);
    const row = <T extends { answered: number; withinTime: number; share: number | null; band: string | null }>(t: T) => ({
      ...t,
      percent: percent(t.share),
      bandText: band(t.band)?.text ?? '',
      bandColour: band(t.band)?.colour ?? 'grey',
    });
    return view(
      'foi-requests/views/statistics.njk',
      {
        title: 'FOI timeliness',
        year,
        errors,
        stats: stats && {
          ...stats,
          total: row(stats.total),
          byMonth: stats.byMonth.map((m) => ({ ...row(m), name: monthName(m.month) })),
          byQuarter: stats.byQuarter.map((q) => ({ ...row(q), name: quarterName(q.quarter) })),
        },
      },
      errors?.status ?? 200,
    );
  }

  @PageGet('/foi/disclosure-log.csv', [Role.Foi])
  async disclosureCsv(page: PageRequest): Promise<PageResult> {
    const year = await this.year(page);
    await page.reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="foi-disclosure-log-${year}.csv"`)
      .send(await this.log.disclosureCsv(year));
    return sent();
  }

  @PageGet('/foi/disclosure-log.xlsx', [Role.Foi])
  async disclosureXlsx(page: PageRequest): Promise<PageResult> {
    const year = await this.year(page);
    await page.reply
      .type(XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="foi-disclosure-log-${year}.xlsx"`)
      .send(await this.log.disclosureXlsx(year));
    return sent();
  }

  private async year(page: PageRequest): Promise<number> {
    return (await validated(StatisticsQueryDto, { year: field(page.query, 'year') || this.requests.today().slice(0, 4) })).year;
  }

  private issueView(found: FoiRequestView, values: FormBody, errors: FormErrors | undefined, suppress: boolean): PageResult {
    const chosenTypes = errors || values.deviceType ? fields(values, 'deviceType') : ['SMART_PLUG'];
    return view(
      'foi-requests/views/issue.njk',
      {
        title: `Issue the answer to ${found.reference}`,
        found: withWords(found),
        values,
        errors,
        suppress,
        chosenTypes,
        deviceTypes: codeOptions(this.reference, 'device-types', null, ''),
        questions: found.questions.map((q) => ({
          ...q,
          decisions: choices(DECISION_WORDS, field(values, `decision-${q.number}`), 'Select a decision'),
        })),
      },
      errors?.status ?? 200,
    );
  }
}

// The /foi form's fields as the report's parameters (the same names and defaults as /foi).
export function reportParameters(body: FormBody): Record<string, unknown> {
  const period = field(body, 'period');
  const values: Record<string, unknown> = {
    deviceType: fields(body, 'deviceType'),
    suppressBelow: field(body, 'suppress') === 'on' ? SUPPRESS_BELOW : '0',
  };
  if (period === 'dates') {
    values.from = readDate(body, 'from', ISSUE_LABELS.from) ?? '';
    values.to = readDate(body, 'to', ISSUE_LABELS.to) ?? '';
  } else {
    values.period = period;
    if (period !== 'last-12-months') values.year = field(body, 'year');
  }
  const plain = withoutBlanks(values);
  if ((plain.deviceType as string[] | undefined)?.length === 0) delete plain.deviceType;
  return plain;
}

// The API's problem on the issue form: parameters.* as the /foi fields, decisions.N.* as question N+1's
// boxes, decision codes in words.
function issueErrors(error: unknown, found: FoiRequestView): FormErrors {
  renameFields(error, (name) => {
    if (name.startsWith('parameters.')) return name.slice('parameters.'.length);
    const match = /^decisions\.(\d+)\.(decision|exemption|number)$/.exec(name);
    if (match) return `${match[2] === 'exemption' ? 'exemption' : 'decision'}-${found.questions[Number(match[1])]?.number ?? Number(match[1]) + 1}`;
    return undefined;
  });
  const labels: Record<string, string> = { ...ISSUE_LABELS };
  for (const q of found.questions) {
    labels[`decision-${q.number}`] = `Decision on question ${q.number}`;
    labels[`exemption-${q.number}`] = `Exemption for question ${q.number}`;
  }
  const words = (text: string) =>
    DECISIONS.reduce((out, code) => out.replaceAll(code, DECISION_WORDS[code]), text)
      .replace(/^.* needs the exemption relied on$/, 'enter the exemption relied on, for example s.30(1)(a)(b)')
      .replace(/must be one of the following values: .*$/, 'must be chosen from the list');
  for (const e of (error as { errors?: { message: string }[] }).errors ?? []) e.message = words(e.message);
  return plainDates(formErrors(error, labels, { respondedOn: 'respondedOn-day', from: 'from-day', to: 'to-day', deviceType: 'deviceType' }));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

function quarterName(quarter: string): string {
  const q = Number(quarter.slice(-1));
  return `${MONTHS[(q - 1) * 3].slice(0, 3)} to ${MONTHS[q * 3 - 1].slice(0, 3)} ${quarter.slice(0, 4)}`;
}
