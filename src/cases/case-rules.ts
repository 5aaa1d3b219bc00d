import { FieldError } from '../common/errors.js';
import type { CaseKind } from './case.entity.js';
import { progressedToCourt } from './progressed-to-court.js';

export const CASE_KINDS: readonly CaseKind[] = ['CRIME', 'INCIDENT'];

// The reference lists a case draws on; ReferenceDataService satisfies this.
export interface CodeLookup {
  get(list: CaseCodeList, code: string): { parentCode: string | null } | undefined;
  codes(list: CaseCodeList): string[];
}

export type CaseCodeList =
  | 'offence-groups'
  | 'offence-subgroups'
  | 'home-office-offences'
  | 'incident-categories'
  | 'police-outcomes'
  | 'court-stages'
  | 'court-results'
  | 'policing-areas';

export interface CaseFields {
  kind: CaseKind;
  offenceSubgroup: string | null;
  homeOfficeCode: string | null;
  incidentCategory: string | null;
  policeOutcome: string | null;
  courtStage: string | null;
  courtResult: string | null;
  courtResultAt: string | null;
  policingArea: string | null;
}

// The fields that classify a case (what the rules check), in one list for the service and the import.
export const CASE_FIELD_KEYS = [
  'kind',
  'offenceSubgroup',
  'homeOfficeCode',
  'incidentCategory',
  'policeOutcome',
  'courtStage',
  'courtResult',
  'courtResultAt',
  'policingArea',
] as const satisfies readonly (keyof CaseFields)[];

export interface Derived {
  offenceGroup: string | null;
  offenceSubgroup: string | null;
  progressedToCourt: boolean;
}

export interface CaseCheck {
  /** Unknown codes: 400. */
  invalid: FieldError[];
  /** Well-formed values that break a rule of the register: 422. */
  violations: FieldError[];
  derived: Derived;
}

export function unknownCode(codes: CodeLookup, list: CaseCodeList, field: string): FieldError {
  const examples = codes.codes(list).slice(0, 5).join(', ');
  return { field, message: `${field} must be a code from /api/reference/${list} (e.g. ${examples})` };
}

// Offence or incident: a crime carries an offence sub-group (set by its Home Office code when one is
// given), an incident carries an incident category; the offence group is always derived.
function classify(fields: CaseFields, codes: CodeLookup, check: CaseCheck): void {
  const { kind, homeOfficeCode, incidentCategory } = fields;
  if (kind === 'INCIDENT') {
    for (const field of ['offenceSubgroup', 'homeOfficeCode'] as const) {
      if (fields[field] !== null) {
        check.violations.push({ field, message: `an INCIDENT case has no ${field}; reclassify it as CRIME` });
      }
    }
    if (incidentCategory === null) {
      check.violations.push({
        field: 'incidentCategory',
        message: 'an INCIDENT case needs incidentCategory',
      });
    } else if (!codes.get('incident-categories', incidentCategory)) {
      check.invalid.push(unknownCode(codes, 'incident-categories', 'incidentCategory'));
    }
    return;
  }
  if (incidentCategory !== null) {
    check.violations.push({ field: 'incidentCategory', message: 'a CRIME case has no incidentCategory' });
  }
  let subgroup = fields.offenceSubgroup;
  if (subgroup !== null && !codes.get('offence-subgroups', subgroup)) {
    check.invalid.push(unknownCode(codes, 'offence-subgroups', 'offenceSubgroup'));
    return;
  }
  if (homeOfficeCode !== null) {
    const offence = codes.get('home-office-offences', homeOfficeCode);
    if (!offence) {
      check.invalid.push(unknownCode(codes, 'home-office-offences', 'homeOfficeCode'));
      return;
    }
    if (subgroup !== null && subgroup !== offence.parentCode) {
      check.violations.push({
        field: 'homeOfficeCode',
        message: `Home Office code ${homeOfficeCode} belongs to sub-group ${offence.parentCode}, not ${subgroup}`,
      });
      return;
    }
    subgroup = offence.parentCode;
  }
  if (subgroup === null) {
    check.violations.push({
      field: 'offenceSubgroup',
      message: 'a CRIME case needs offenceSubgroup or homeOfficeCode',
    });
    return;
  }
  check.derived.offenceSubgroup = subgroup;
  check.derived.offenceGroup = codes.get('offence-subgroups', subgroup)?.parentCode ?? null;
}

// Outcomes and court: Home Office outcomes and court proceedings belong to recorded crimes.
function checkOutcomes(fields: CaseFields, codes: CodeLookup, today: string, check: CaseCheck): void {
  const lists = [
    ['policeOutcome', 'police-outcomes'],
    ['courtStage', 'court-stages'],
    ['courtResult', 'court-results'],
  ] as const;
  for (const [field, list] of lists) {
    const value = fields[field];
    if (value === null) continue;
    if (!codes.get(list, value)) check.invalid.push(unknownCode(codes, list, field));
    else if (fields.kind === 'INCIDENT') {
      check.violations.push({ field, message: `an INCIDENT case has no ${field}; reclassify it as CRIME` });
    }
  }
  // A court result counts in FOI Q3 under "progressed to court": only such a case can have one.
  if (fields.courtResult !== null && fields.courtStage === 'NOT_CHARGED') {
    check.violations.push({ field: 'courtResult', message: 'a case NOT_CHARGED has no court result' });
  } else if (fields.courtResult !== null && !progressedToCourt(fields.policeOutcome, fields.courtStage)) {
    check.violations.push({
      field: 'courtResult',
      message: 'a court result needs a case that progressed to court: set courtStage or policeOutcome 1/1A',
    });
  }
  if (fields.courtResultAt !== null) {
    if (fields.courtResult === null) {
      check.violations.push({ field: 'courtResultAt', message: 'courtResultAt needs a courtResult' });
    } else if (fields.courtResultAt > today) {
      check.violations.push({ field: 'courtResultAt', message: `courtResultAt is after today (${today})` });
    }
  }
}

// today: the register's local date (YYYY-MM-DD).
export function checkCase(fields: CaseFields, codes: CodeLookup, today: string): CaseCheck {
  const check: CaseCheck = {
    invalid: [],
    violations: [],
    derived: {
      offenceGroup: null,
      offenceSubgroup: null,
      progressedToCourt: progressedToCourt(fields.policeOutcome, fields.courtStage),
    },
  };
  classify(fields, codes, check);
  checkOutcomes(fields, codes, today, check);
  // Any case, crime or incident, may be recorded against a policing area of the force's list.
  if (fields.policingArea !== null && !codes.get('policing-areas', fields.policingArea)) {
    check.invalid.push(unknownCode(codes, 'policing-areas', 'policingArea'));
  }
  return check;
}
