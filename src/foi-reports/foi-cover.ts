import type { CodeUsed, LabelledFoiReport } from './foi-labels.js';
import { coverAnswers, longDate, type SentenceOptions } from './foi-sentences.js';
import { primaryMark } from './suppression.js';
import type { SheetNote, SheetSpec } from './workbook-layout.js';

export const COVER_SHEET = 'Response';
export const CODES_SHEET = 'Codes';

export interface CoverOptions extends SentenceOptions {
  // Which device types were counted, in words, and what was left out of their family (if anything).
  devicesCounted: string;
}

// The cover ("Response", the first sheet): who answers which request and when, each question in plain
// words with a one-sentence answer, Q5's refusal, and where the detail is.
export function coverSheet(report: LabelledFoiReport, options: CoverOptions): SheetSpec {
  const { meta } = report;
  const { response } = meta;
  const notes: (string | SheetNote)[] = [
    'Freedom of Information Act 2000: response to a request for information. The figures come from the ' +
      "force's seizure register; each question's tables are on the sheet named beside its answer.",
  ];
  if (meta.suppressBelow <= 1) {
    notes.push({
      emphasis: 'warning',
      text:
        'Small-number suppression is OFF for this answer (suppressBelow=0): every count is shown as it is, ' +
        'including counts from 1 to 4 that could identify people. Check before release.',
    });
  }
  return {
    name: COVER_SHEET,
    title: `${response.forceName}: response to Freedom of Information request ${response.requestReference ?? '(reference not given)'}`,
    notes,
    widths: [28, 64, 22],
    tables: [
      {
        headers: ['About this response', 'Detail'],
        rows: [
          ['Public authority', response.forceName],
          ['Request reference', response.requestReference ?? 'Not given'],
          ['Date received', response.receivedOn ? { date: response.receivedOn } : 'Not given'],
          ['Date of response', { date: response.respondedOn }],
          ['Period covered', `${longDate(meta.from)} to ${longDate(lastDay(meta.to))} (inclusive)`],
          ['Devices counted', options.devicesCounted],
          [
            'Small numbers',
            meta.suppressBelow > 1
              ? `Counts from 1 to ${meta.suppressBelow - 1} are shown as "${primaryMark(meta.suppressBelow)}", ` +
                'and a count that would reveal one of them is withheld as "[c]".'
              : 'Not suppressed: every count is shown as it is.',
          ],
        ],
      },
      {
        headers: ['Question', 'Answer', 'Where the detail is'],
        rows: coverAnswers(report, options).map((a) => [`${a.number}. ${a.question}`, a.answer, a.detail]),
      },
    ],
  };
}

// The appendix: every code the answer uses, with its label and the list it comes from.
export function codesSheet(codes: CodeUsed[]): SheetSpec {
  const sorted = [...codes].sort((a, b) => a.list.localeCompare(b.list) || a.code.localeCompare(b.code));
  return {
    name: CODES_SHEET,
    title: 'Codes used in this answer',
    notes: [
      'The sheets show labels. These are the codes behind them, as they appear in the JSON answer and in ' +
        'the published reference lists.',
    ],
    widths: [24, 30, 70],
    tables: [
      {
        headers: ['List', 'Code', 'Label'],
        rows: sorted.map((c) => [LIST_NAMES[c.list] ?? c.list, c.code, c.label]),
      },
    ],
  };
}

const LIST_NAMES: Record<string, string> = {
  'device-types': 'Device type',
  'device-families': 'Device family',
  'offence-groups': 'Offence group',
  'offence-subgroups': 'Offence sub-group',
  'incident-categories': 'Incident category',
  'court-results': 'Court result',
  'accreditation-statuses': 'Accreditation status',
  'scope-types': 'Scope type',
  'scope-statuses': 'Examination scope status',
  'q2-kinds': 'Kind of case',
};

function lastDay(to: string): string {
  const date = new Date(`${to}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
