import { DateTime } from 'luxon';
import { type LabelOf, statusWithScope } from './foi-labels.js';
import type { LabelledFoiReport } from './foi-labels.js';
import type { Count } from './foi-report.types.js';
import { lastDayOf } from './report-window.js';
import { SECONDARY_MARK } from './suppression.js';

// Each FOI question in plain words, and its answer in one sentence built from the figures, for the
// workbook's cover. Suppressed counts are worded ("fewer than 5"), never printed as a marker.

export interface CoverAnswer {
  number: string;
  question: string;
  answer: string;
  detail: string;
}

export interface SentenceOptions {
  labelOf: LabelOf;
  // What the devices counted are called in a sentence ("smart plugs").
  devicesNoun: string;
  s17Reason: string;
}

const NUMBER = new Intl.NumberFormat('en-GB');

// 25 April 2024.
export function longDate(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: 'UTC' }).toFormat('d MMMM yyyy');
}

// 2,461 / "fewer than 5" / "an undisclosed number of" (withheld so that a small count cannot be worked
// out); `zero` for 0 ("no").
export function countWords(count: Count, zero = '0'): string {
  if (typeof count === 'number') return count === 0 ? zero : NUMBER.format(count);
  if (count === SECONDARY_MARK) return 'an undisclosed number of';
  const below = /^<(\d+)$/.exec(count);
  return below ? `fewer than ${below[1]}` : count;
}

export function periodWords(report: LabelledFoiReport): string {
  return `between ${longDate(report.meta.from)} and ${longDate(lastDayOf(report.meta))}`;
}

export function coverAnswers(report: LabelledFoiReport, options: SentenceOptions): CoverAnswer[] {
  const { meta, q1, q3, q5, backlog } = report;
  const noun = options.devicesNoun;
  const force = meta.response.forceName;
  const period = periodWords(report);
  return [
    {
      number: 'Q1',
      question: `How many ${noun} were seized ${period}?`,
      answer: `${force} seized ${countWords(q1.total, 'no')} ${noun} ${period}.`,
      detail: 'Q1 Seized (by month and device type)',
    },
    {
      number: 'Q2',
      question: 'For which offences or incidents were they seized?',
      answer: q2Sentence(report, noun),
      detail: 'Q2 Offences',
    },
    {
      number: 'Q3',
      question: 'How many of the cases went to court, and was data from the devices used in evidence?',
      answer:
        q1.total === 0
          ? `No ${noun} were seized in the period, so there are no cases to report.`
          : `The devices were seized in ${countWords(q3.cases)} cases, of which ` +
            `${countWords(q3.casesProgressedToCourt)} progressed to court; data from ` +
            `${countWords(q3.devicesServedAsEvidence)} of the devices was served as evidence, in ` +
            `${countWords(q3.casesWithDeviceDataServedAsEvidence)} cases.`,
      detail: 'Q3 Court and evidence',
    },
    {
      number: 'Q4',
      question:
        "Is the examination of these devices within the scope of the lab's ISO/IEC 17025 accreditation?",
      answer: q4Sentence(report, options),
      detail: 'Q4 Accreditation (history and examinations by scope status)',
    },
    {
      number: 'Q5',
      question: 'Which tools and techniques are used to examine them?',
      answer:
        'Refused: this information is exempt under section 30(1)(a) and (b) of the Freedom of ' +
        `Information Act 2000 (investigations and proceedings). ${options.s17Reason} ` +
        `${countWords(q5.examinationsRecorded, 'No')} examinations of these devices were started in the period.`,
      detail: 'Q5 Techniques',
    },
    {
      number: 'Also',
      question: 'How many were waiting to be examined at the end of the period?',
      answer:
        `${capitalise(countWords(backlog.awaitingExaminationAtEnd, 'no'))} ${noun} were awaiting ` +
        `examination on ${longDate(lastDayOf(meta))}. ${medianSentence(report)}`,
      detail: 'Q5 Techniques',
    },
  ];
}

function q2Sentence(report: LabelledFoiReport, noun: string): string {
  const rows = report.q2.rows.filter((r) => r.devices !== 0);
  if (rows.length === 0) return `None: no ${noun} were seized in the period.`;
  const named = rows.filter((r) => typeof r.devices === 'number');
  const top = [...named].sort((a, b) => (b.devices as number) - (a.devices as number))[0];
  const kinds = `${rows.length} ${rows.length === 1 ? 'offence or incident type' : 'offence and incident types'}`;
  if (!top) return `They were seized for ${kinds}; the numbers are small and are withheld.`;
  return (
    `They were seized for ${kinds}; the most for ${rowLabel(top)} ` +
    `(${countWords(top.devices)} devices in ${countWords(top.cases)} cases).`
  );
}

function rowLabel(row: LabelledFoiReport['q2']['rows'][number]): string {
  if (row.kind === 'CRIME') return `“${row.offenceSubgroupLabel}”`;
  if (row.kind === 'INCIDENT') return `the incident category “${row.incidentCategoryLabel}”`;
  return 'cases without a recorded offence or incident';
}

function q4Sentence(report: LabelledFoiReport, options: SentenceOptions): string {
  const { meta, q4 } = report;
  const tense = meta.scopeOn === meta.response.respondedOn ? 'is' : 'was';
  const schedule = q4.scheduleReference ? `, schedule ${q4.scheduleReference}` : '';
  const since = q4.since ? `, since ${longDate(q4.since)}` : '';
  const typeLabel = report.q4.byDeviceType[0]?.deviceTypeLabel ?? options.devicesNoun;
  let sentence =
    `On ${longDate(meta.scopeOn)} the lab's status for ${typeLabel} ${tense}: ` +
    `${statusWithScope(options.labelOf, q4.status, q4.scopeType)}${schedule}${since}.`;
  const end = q4.atWindowEnd;
  if (
    end.on !== meta.scopeOn &&
    (end.status !== q4.status || end.scopeType !== q4.scopeType || end.since !== q4.since)
  ) {
    sentence +=
      ` On ${longDate(end.on)}, the last day of the period, it was: ` +
      `${statusWithScope(options.labelOf, end.status, end.scopeType)}.`;
  }
  if (q4.byDeviceType.length > 1) sentence += ' Each device type’s status is on sheet Q4.';
  return sentence;
}

function medianSentence(report: LabelledFoiReport): string {
  const median = report.backlog.medianDaysSeizureToCompletion;
  if (median !== null) {
    return `For examinations completed in the period, the median time from seizure to completion was ${NUMBER.format(median)} days.`;
  }
  const withheld = report.meta.suppressedCells.some((c) => c.column === 'medianDaysSeizureToCompletion');
  return withheld
    ? 'The median time from seizure to completed examination is withheld: too few examinations were completed.'
    : 'No examination was completed in the period.';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
