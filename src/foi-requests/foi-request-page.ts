import { Role } from '../auth/role.enum.js';
import type { FormErrors } from '../pages/form-errors.js';
import { view, type FormBody, type PageRequest, type PageResult } from '../pages/page-request.js';
import type { ReferenceDataService } from '../reference-data/reference-data.service.js';
import type { FigureChange } from './foi-answers.service.js';
import {
  CHANNEL_WORDS,
  daysLeftWords,
  DECISION_WORDS,
  EVENT_WORDS,
  REQUESTER_TYPE_WORDS,
  STATUS_WORDS,
} from './foi-request-words.js';
import type { FoiRequestView } from './foi-requests.service.js';

const word = (words: Record<string, string>, code: string | null) => (code ? (words[code] ?? code) : '');

// A request as the pages show it: every code beside its words.
export function withWords(found: FoiRequestView) {
  const status = STATUS_WORDS[found.status as keyof typeof STATUS_WORDS] ?? { text: found.status, colour: 'grey' };
  return {
    ...found,
    statusText: status.text,
    statusColour: found.overdue ? 'red' : status.colour,
    channelText: word(CHANNEL_WORDS, found.channel),
    requesterTypeText: word(REQUESTER_TYPE_WORDS, found.requesterType),
    daysLeftText: daysLeftWords(found.daysLeft),
    questions: found.questions.map((q) => ({ ...q, decisionText: word(DECISION_WORDS, q.decision) })),
    events: found.events.map((e) => ({ ...e, text: EVENT_WORDS[e.kind] ?? e.kind })),
  };
}

export interface RecheckResult {
  fingerprintMatches: boolean;
  changes: FigureChange[];
}

// Which clock forms the request page offers, given its status (the service still decides).
export function clockActions(found: FoiRequestView): string[] {
  if (found.answer) return [];
  switch (found.status) {
    case 'OPEN':
      return ['clarification-requested', 'fees-notice', ...(found.statutoryDueOn ? ['extension'] : []), 'withdraw'];
    case 'AWAITING_CLARIFICATION':
      return ['clarification-received', 'withdraw'];
    case 'ON_HOLD_FEES':
      return ['fees-paid', 'withdraw'];
    default:
      return [];
  }
}

export function requestView(
  page: PageRequest,
  found: FoiRequestView,
  extra: {
    errors?: FormErrors;
    values?: FormBody;
    openForm?: string;
    recheck?: { fingerprintMatches: boolean; changes: { what: string; released: string; now: string }[] };
  },
): PageResult {
  const actions = clockActions(found);
  return view(
    'foi-requests/views/show.njk',
    {
      title: `FOI request ${found.reference}`,
      found: withWords(found),
      actions,
      canIssue: !found.answer && found.status !== 'WITHDRAWN',
      canVoid: !!found.answer && page.user?.role === Role.Admin,
      errors: extra.errors,
      values: extra.values ?? {},
      openForm: extra.openForm,
      recheck: extra.recheck,
    },
    extra.errors?.status ?? 200,
  );
}

const FIGURE_WORDS: Record<string, string> = {
  q1: 'Q1',
  q2: 'Q2',
  q3: 'Q3',
  q4: 'Q4',
  q5: 'Q5',
  backlog: 'Backlog',
  total: 'total',
  byMonth: 'by month',
  byDeviceType: 'by device type',
  rows: '',
  devices: 'devices',
  cases: 'cases',
  casesProgressedToCourt: 'cases progressed to court',
  devicesServedAsEvidence: 'devices whose data was served as evidence',
  casesWithDeviceDataServedAsEvidence: 'cases with device data served as evidence',
  byCourtResult: 'by court result',
  examinationsByScopeStatus: 'examinations by scope status',
  examinations: 'examinations',
  examinationsRecorded: 'examinations started',
  awaitingExaminationAtEnd: 'devices awaiting examination at the end',
  medianDaysSeizureToCompletion: 'median days from seizure to completion',
  status: 'status',
  scopeType: 'scope type',
  since: 'since',
  history: 'history',
  historyInWindow: 'history in the period',
  atWindowEnd: 'at the end of the period',
  scheduleReference: 'schedule reference',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// "q1.byMonth[2025-05].devices" → "Q1 by month, May 2025: devices"; codes in brackets by their labels.
export function figureWords(path: string, reference: ReferenceDataService): string {
  const parts: string[] = [];
  for (const token of path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? []) {
    if (token.startsWith('[')) {
      const key = token.slice(1, -1);
      parts.push(
        key
          .split('/')
          .map((code) => codeWords(code, reference))
          .join(', '),
      );
    } else {
      const text = FIGURE_WORDS[token] ?? token;
      if (text) parts.push(text);
    }
  }
  return parts.join(' · ');
}

function codeWords(code: string, reference: ReferenceDataService): string {
  if (/^\d{4}-\d{2}$/.test(code)) return `${MONTHS[Number(code.slice(5)) - 1]} ${code.slice(0, 4)}`;
  if (/^\d+$/.test(code)) return `row ${Number(code) + 1}`;
  for (const list of reference.listNames()) {
    const label = reference.items(list).find((item) => item.code === code)?.label;
    if (label) return label;
  }
  return code === 'CRIME' ? 'Crime' : code === 'INCIDENT' ? 'Non-crime incident' : code === 'UNRECORDED' ? 'Not recorded' : code;
}

export function recheckWords(result: RecheckResult, reference: ReferenceDataService) {
  const show = (value: unknown) => (value === null || value === undefined ? 'none' : String(value as string | number));
  return {
    fingerprintMatches: result.fingerprintMatches,
    changes: result.changes.map((c) => ({ what: figureWords(c.path, reference), released: show(c.released), now: show(c.now) })),
  };
}

// A service's field names as the form's: the problem's field renamed, and a message that starts with
// the old name made to start with the new one (so the label replaces it). Returns the same error.
export function renameFields(error: unknown, rename: (field: string) => string | undefined): unknown {
  const errors = (error as { errors?: { field: string; message: string }[] }).errors;
  if (!Array.isArray(errors)) return error;
  for (const e of errors) {
    const to = rename(e.field);
    if (!to) continue;
    const last = e.field.split('.').pop()!;
    for (const name of [e.field, last]) {
      if (e.message.startsWith(`${name} `)) {
        e.message = `${to}${e.message.slice(name.length)}`;
        break;
      }
    }
    e.field = to;
  }
  return error;
}

// "Date received must be a date YYYY-MM-DD" (the API's words for a blank date) as a person would say it.
export function plainDates(errors: FormErrors): FormErrors {
  const plain = (text: string) => text.replace(/^(.+) must be a date YYYY-MM-DD$/, (_, label: string) => `Enter the day, month and year: ${label.toLowerCase()}`);
  for (const key of Object.keys(errors.byField)) errors.byField[key] = plain(errors.byField[key]);
  for (const item of errors.summary) item.text = plain(item.text);
  return errors;
}
