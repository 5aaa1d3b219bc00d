import { Role } from '../auth/role.enum.js';
import { WorkLimiter } from '../common/work-limiter.js';
import { formErrors, type FormErrors } from '../pages/form-errors.js';
import { formatDate, readDate } from '../pages/form-dates.js';
import { pageNumber, pagination, validated, withoutBlanks } from '../pages/page-forms.js';
import { PageController, PageGet, PagePost } from '../pages/page.decorators.js';
import { actor, field, redirect, view, type FormBody, type PageRequest, type PageResult } from '../pages/page-request.js';
import { CreateFoiRequestDto, DateOnDto, ExtensionDto, FoiRequestListQueryDto } from './dto/foi-request.dto.js';
import { FoiAnswersService } from './foi-answers.service.js';
import { plainDates, recheckWords, renameFields, requestView, withWords } from './foi-request-page.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import {
  CHANNEL_WORDS,
  choices,
  splitQuestions,
  REQUESTER_TYPE_WORDS,
  STATUS_WORDS,
} from './foi-request-words.js';
import { FoiRequestsService } from './foi-requests.service.js';
import type { ClockEventKind } from './request-clock.js';

export const REQUEST_LABELS: Record<string, string> = {
  reference: 'Reference',
  receivedOn: 'Date received',
  channel: 'How it was received',
  requesterType: 'Type of requester',
  title: 'Title',
  questions: 'Questions',
  status: 'Status',
};

// Errors naming a code list say what to choose, in words (the API's message lists the codes).
const CHOOSE: Record<string, string> = {
  channel: 'Select how the request was received',
  requesterType: 'Select the type of requester, or leave it blank',
};

// The clock's forms on the request page: the event each records and the fields it asks for.
export const CLOCK_FORMS: Record<string, { kind: ClockEventKind; done: string }> = {
  'clarification-requested': { kind: 'CLARIFICATION_REQUESTED', done: 'Clarification request recorded: the clock has stopped.' },
  'clarification-received': { kind: 'CLARIFICATION_RECEIVED', done: 'Clarification recorded: the clock restarted.' },
  'fees-notice': { kind: 'FEES_NOTICE', done: 'Fees notice recorded: the clock is paused.' },
  'fees-paid': { kind: 'FEES_PAID', done: 'Fee payment recorded: the clock runs again.' },
  extension: { kind: 'EXTENDED', done: 'Extension recorded.' },
  withdraw: { kind: 'WITHDRAWN', done: 'Request recorded as withdrawn.' },
};

const PAGE_SIZE = 25;

// The FOI request log for the FOI team: the log, a new request, a request with its clock. Issuing and
// the released answer are in foi-answers.pages.controller.ts. Every action calls the API's services.
@PageController()
export class FoiRequestsPagesController {
  constructor(
    private readonly requests: FoiRequestsService,
    private readonly answers: FoiAnswersService,
    private readonly reference: ReferenceDataService,
    private readonly limiter: WorkLimiter,
  ) {}

  @PageGet('/foi/requests', [Role.Foi])
  async list(page: PageRequest): Promise<PageResult> {
    const status = field(page.query, 'status');
    const number = pageNumber(field(page.query, 'page'));
    let errors: FormErrors | undefined;
    let result: { items: Awaited<ReturnType<FoiRequestsService['get']>>[]; total: number } = { items: [], total: 0 };
    try {
      const query = await validated(FoiRequestListQueryDto, {
        ...withoutBlanks({ status }),
        limit: String(PAGE_SIZE),
        offset: String((number - 1) * PAGE_SIZE),
      });
      result = await this.requests.list(query);
    } catch (error) {
      errors = formErrors(error, REQUEST_LABELS);
    }
    return view('foi-requests/views/list.njk', {
      title: 'FOI requests',
      errors,
      status,
      statuses: choices(
        Object.fromEntries(Object.entries(STATUS_WORDS).map(([code, s]) => [code, s.text])),
        status,
        'Any',
      ),
      rows: result.items.map(withWords),
      pages: pagination('/foi/requests', withoutBlanks({ status }) as Record<string, string>, result.total, PAGE_SIZE, (number - 1) * PAGE_SIZE),
    });
  }

  @PageGet('/foi/requests/new', [Role.Foi])
  async newForm(): Promise<PageResult> {
    return this.requestForm({}, undefined);
  }

  @PagePost('/foi/requests/new', [Role.Foi])
  async create(page: PageRequest): Promise<PageResult> {
    try {
      const values = withoutBlanks({
        reference: field(page.body, 'reference'),
        receivedOn: readDate(page.body, 'receivedOn', REQUEST_LABELS.receivedOn) ?? '',
        channel: field(page.body, 'channel'),
        requesterType: field(page.body, 'requesterType'),
        title: field(page.body, 'title'),
      });
      const questions = splitQuestions(field(page.body, 'questions'));
      const dto = await validated(CreateFoiRequestDto, { ...values, questions: questions.map((text) => ({ text })) });
      const created = await this.requests.create(dto, actor(page).id);
      return redirect(`/foi/requests/${created.id}`, `Request ${created.reference} logged: due on ${formatDate(created.dueOn)}.`);
    } catch (error) {
      return this.requestForm(page.body, requestErrors(error));
    }
  }

  @PageGet('/foi/requests/:id', [Role.Foi])
  async show(page: PageRequest): Promise<PageResult> {
    const found = await this.requests.get(page.params.id);
    // The released answer's question asked again of today's data, when the FOI officer asks for it.
    const recheck =
      field(page.query, 'recheck') === '1' && found.answer
        ? recheckWords(await this.limiter.run(() => this.answers.recheck(found.id)), this.reference)
        : undefined;
    return requestView(page, found, { recheck });
  }

  // A clock event from one of the request page's small forms (the same service as the API's POSTs).
  @PagePost('/foi/requests/:id/clock/:action', [Role.Foi])
  async clock(page: PageRequest): Promise<PageResult> {
    const { id, action } = page.params;
    const form = CLOCK_FORMS[action];
    const found = await this.requests.get(id);
    if (!form) return requestView(page, found, {});
    const prefix = action;
    try {
      const on = readDate(page.body, `${prefix}-on`, 'Date') ?? '';
      if (form.kind === 'EXTENDED') {
        const until = readDate(page.body, `${prefix}-until`, 'New due date') ?? '';
        const dto = await validated(ExtensionDto, withoutBlanks({ until, exemption: field(page.body, `${prefix}-exemption`) }));
        await this.requests.addEvent(id, 'EXTENDED', { on: this.requests.today(), until: dto.until, exemption: dto.exemption }, actor(page).id);
      } else {
        const dto = await validated(DateOnDto, withoutBlanks({ on }));
        await this.requests.addEvent(id, form.kind, dto, actor(page).id);
      }
      return redirect(`/foi/requests/${id}`, form.done);
    } catch (error) {
      const errors = plainDates(formErrors(
        renameFields(error, (name) => (['on', 'until', 'exemption'].includes(name) ? `${prefix}-${name}` : undefined)),
        { [`${prefix}-on`]: 'Date', [`${prefix}-until`]: 'New due date', [`${prefix}-exemption`]: 'Exemption' },
        { [`${prefix}-on`]: `${prefix}-on-day`, [`${prefix}-until`]: `${prefix}-until-day` },
      ));
      return requestView(page, found, { errors, values: page.body, openForm: action });
    }
  }

  private requestForm(body: FormBody, errors: FormErrors | undefined): PageResult {
    return view(
      'foi-requests/views/new.njk',
      {
        title: 'Log an FOI request',
        values: body,
        errors,
        channels: choices(CHANNEL_WORDS, field(body, 'channel'), 'Select how it was received'),
        requesterTypes: choices(REQUESTER_TYPE_WORDS, field(body, 'requesterType'), 'Not recorded'),
      },
      errors?.status ?? 200,
    );
  }
}


function requestErrors(error: unknown): FormErrors {
  const errors = plainDates(formErrors(error, REQUEST_LABELS, { receivedOn: 'receivedOn-day' }));
  for (const [name, text] of Object.entries(CHOOSE)) {
    if (!errors.byField[name]) continue;
    errors.byField[name] = text;
    for (const item of errors.summary) if (item.href === `#${name}`) item.text = text;
  }
  if (errors.byField.questions?.includes('at least 1')) {
    errors.byField.questions = 'Enter the questions asked';
    for (const item of errors.summary) if (item.href === '#questions') item.text = errors.byField.questions;
  }
  return errors;
}

