import type { ReferenceListName } from '../reference-data/reference-lists.js';

// The published dimensions of GET /api/foi/counts: what a count may be split or filtered by. Only
// aggregates of coded fields and dates: record-level fields (references, exhibit numbers, names,
// locations, identifiers, methods, tools) are not in this list, so they can never be asked for.

export const MEASURES = ['devices', 'cases', 'examinations'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_LABELS: Record<Measure, string> = {
  devices: 'Devices seized',
  cases: 'Cases (distinct) of the devices seized',
  examinations: 'Examinations',
};

// case: one value per case; device: per device; examination: per examination; time: the local date the
// window applies to (seizure, or the examination's date basis).
export type DimensionLevel = 'case' | 'device' | 'examination' | 'time';

export interface DimensionCode {
  code: string;
  label: string;
}

export const UNRECORDED = 'UNRECORDED';
export const UNRECORDED_LABEL = 'Not recorded';

export interface Dimension {
  name: string;
  label: string;
  level: DimensionLevel;
  description: string;
  /** Where the codes come from: a reference list, a fixed list, or the window (time). */
  codes: ReferenceListName | readonly DimensionCode[] | 'window';
  /** Records without a value are counted under UNRECORDED, never dropped. */
  unrecorded: boolean;
}

const fixed = (...pairs: [string, string][]) => pairs.map(([code, label]) => ({ code, label }));

export const AGE_BANDS = fixed(
  ['UNDER_30', 'Under 30 days'],
  ['DAYS_30_89', '30 to 89 days'],
  ['DAYS_90_179', '90 to 179 days'],
  ['DAYS_180_364', '180 to 364 days'],
  ['DAYS_365_PLUS', '365 days and over'],
  ['NOT_AWAITING', 'Not awaiting examination at the end of the window'],
);
/** The lower bound (days) of each awaiting band, in AGE_BANDS order. */
export const AGE_BAND_DAYS = [0, 30, 90, 180, 365] as const;

export const EXAMINATION_STATUSES = fixed(
  ['REQUESTED', 'Requested, not started'],
  ['IN_PROGRESS', 'In progress'],
  ['COMPLETED', 'Completed'],
  ['CANCELLED', 'Cancelled'],
);

export const DIMENSIONS: readonly Dimension[] = [
  {
    name: 'deviceType',
    label: 'Device type',
    level: 'device',
    description: 'The type of the device seized.',
    codes: 'device-types',
    unrecorded: false,
  },
  {
    name: 'deviceFamily',
    label: 'Device family',
    level: 'device',
    description: 'The family of the device type (e.g. smart plugs with and without energy monitoring).',
    codes: 'device-families',
    unrecorded: false,
  },
  {
    name: 'caseKind',
    label: 'Case kind',
    level: 'case',
    description: 'Crime or non-crime incident.',
    codes: fixed(['CRIME', 'Crime'], ['INCIDENT', 'Non-crime incident']),
    unrecorded: false,
  },
  {
    name: 'offenceGroup',
    label: 'Offence group',
    level: 'case',
    description: "The case's offence group (crimes; incidents and unclassified cases are UNRECORDED).",
    codes: 'offence-groups',
    unrecorded: true,
  },
  {
    name: 'offenceSubgroup',
    label: 'Offence sub-group',
    level: 'case',
    description: "The case's offence sub-group (crimes; incidents and unclassified cases are UNRECORDED).",
    codes: 'offence-subgroups',
    unrecorded: true,
  },
  {
    name: 'incidentCategory',
    label: 'Incident category',
    level: 'case',
    description: "The case's non-crime incident category (crimes are UNRECORDED).",
    codes: 'incident-categories',
    unrecorded: true,
  },
  {
    name: 'policeOutcome',
    label: 'Police outcome',
    level: 'case',
    description: "The case's Home Office outcome type, as recorded now.",
    codes: 'police-outcomes',
    unrecorded: true,
  },
  {
    name: 'courtStage',
    label: 'Court stage',
    level: 'case',
    description: "The case's court stage, as recorded now.",
    codes: 'court-stages',
    unrecorded: true,
  },
  {
    name: 'courtResult',
    label: 'Court result',
    level: 'case',
    description: "The case's court result, as recorded now.",
    codes: 'court-results',
    unrecorded: true,
  },
  {
    name: 'progressedToCourt',
    label: 'Progressed to court',
    level: 'case',
    description: 'Police outcome 1 or 1A, or a court stage other than NOT_CHARGED (the one rule).',
    codes: fixed(['YES', 'Progressed to court'], ['NO', 'Not progressed to court']),
    unrecorded: false,
  },
  {
    name: 'policingArea',
    label: 'Policing area',
    level: 'case',
    description: "The case's policing area (the force's list policing-areas).",
    codes: 'policing-areas',
    unrecorded: true,
  },
  {
    name: 'evidentialUse',
    label: 'Evidential use',
    level: 'device',
    description: "The use made of the device's data, as recorded now.",
    codes: 'evidential-uses',
    unrecorded: true,
  },
  {
    name: 'custodyStatus',
    label: 'Custody status at the end of the window',
    level: 'device',
    description:
      "The device's custody status at the end of the window's last day, from its custody trail (the " +
      'latest custody event before then; SEIZED when none), not its status today.',
    codes: 'custody-statuses',
    unrecorded: false,
  },
  {
    name: 'examinationStatus',
    label: 'Examination status at the end of the window',
    level: 'examination',
    description:
      'Requested, in progress, completed or cancelled at the end of the window, from the examination times.',
    codes: EXAMINATION_STATUSES,
    unrecorded: false,
  },
  {
    name: 'scopeStatusAtStart',
    label: 'Scope status at start',
    level: 'examination',
    description:
      "Whether the examination was within the lab's ISO/IEC 17025 accreditation scope when it started " +
      '(examinations not started are UNRECORDED).',
    codes: 'scope-statuses',
    unrecorded: true,
  },
  {
    name: 'ageBand',
    label: 'Awaiting examination: age at the end of the window',
    level: 'examination',
    description:
      'For an examination awaiting at the end of the window (requested before the end, neither completed ' +
      "nor cancelled by then): whole days from the local date of its request to the window's last day, in " +
      'bands; NOT_AWAITING otherwise.',
    codes: AGE_BANDS,
    unrecorded: false,
  },
  {
    name: 'month',
    label: 'Month',
    level: 'time',
    description: 'Calendar month of the local date the window applies to (e.g. 2025-03).',
    codes: 'window',
    unrecorded: false,
  },
  {
    name: 'quarter',
    label: 'Quarter',
    level: 'time',
    description: 'Calendar quarter of that local date (e.g. 2025-Q1, January to March).',
    codes: 'window',
    unrecorded: false,
  },
  {
    name: 'financialYear',
    label: 'Financial year',
    level: 'time',
    description: 'Financial year (1 April to 31 March) of that local date (e.g. 2025-26).',
    codes: 'window',
    unrecorded: false,
  },
  {
    name: 'calendarYear',
    label: 'Calendar year',
    level: 'time',
    description: 'Calendar year of that local date (e.g. 2025).',
    codes: 'window',
    unrecorded: false,
  },
];

const BY_NAME = new Map(DIMENSIONS.map((d) => [d.name, d]));

export function dimensionNamed(name: string): Dimension | undefined {
  return BY_NAME.get(name);
}

// Which measures a dimension may split (`by`): a case has one value of a case-level dimension, so its
// cases add up; a case's devices may differ in type, custody or seizure month, so "cases" is split only
// by case-level dimensions (and filtered by any). Examination-level dimensions belong to examinations.
export function canSplit(dimension: Dimension, measure: Measure): boolean {
  if (measure === 'cases') return dimension.level === 'case';
  if (measure === 'devices') return dimension.level !== 'examination';
  return true;
}

export function canFilter(dimension: Dimension, measure: Measure): boolean {
  return dimension.level !== 'examination' || measure === 'examinations';
}
