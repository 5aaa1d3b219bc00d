import { CaseCodeList, CaseFields, checkCase, CodeLookup } from './case-rules.js';

const LISTS: Record<CaseCodeList, Record<string, string | null>> = {
  'offence-groups': { DRUG: null, ROB: null },
  'offence-subgroups': { DRUG_TRAFFICKING: 'DRUG', DRUG_POSSESSION: 'DRUG', ROB_PERSONAL: 'ROB' },
  'home-office-offences': { '92A': 'DRUG_TRAFFICKING', '92D': 'DRUG_POSSESSION' },
  'incident-categories': { MISSING_PERSON: 'PSW' },
  'police-outcomes': { '1': null, '1A': null, '15': null },
  'court-stages': { NOT_CHARGED: null, FINALISED: null },
  'court-results': { GUILTY_PLEA: null },
  'policing-areas': { CE: null, NW: null },
};

const codes: CodeLookup = {
  get: (list, code) => (code in LISTS[list] ? { parentCode: LISTS[list][code] } : undefined),
  codes: (list) => Object.keys(LISTS[list]),
};

const TODAY = '2025-06-30';

function crime(overrides: Partial<CaseFields> = {}): CaseFields {
  return {
    kind: 'CRIME',
    offenceSubgroup: 'DRUG_TRAFFICKING',
    homeOfficeCode: null,
    incidentCategory: null,
    policeOutcome: null,
    courtStage: null,
    courtResult: null,
    courtResultAt: null,
    policingArea: null,
    ...overrides,
  };
}

const incident = (overrides: Partial<CaseFields> = {}) =>
  crime({ kind: 'INCIDENT', offenceSubgroup: null, incidentCategory: 'MISSING_PERSON', ...overrides });

const fieldsOf = (errors: { field: string }[]) => errors.map((e) => e.field);

describe('checkCase', () => {
  it('derives the offence group from the sub-group', () => {
    const check = checkCase(crime(), codes, TODAY);

    expect(check.invalid).toEqual([]);
    expect(check.violations).toEqual([]);
    expect(check.derived).toMatchObject({ offenceGroup: 'DRUG', offenceSubgroup: 'DRUG_TRAFFICKING' });
  });

  it('sets the sub-group from the Home Office code', () => {
    const check = checkCase(crime({ offenceSubgroup: null, homeOfficeCode: '92D' }), codes, TODAY);

    expect(check.derived).toMatchObject({ offenceGroup: 'DRUG', offenceSubgroup: 'DRUG_POSSESSION' });
  });

  it('rejects a Home Office code of another sub-group, naming homeOfficeCode', () => {
    const check = checkCase(crime({ homeOfficeCode: '92D' }), codes, TODAY);

    expect(fieldsOf(check.violations)).toEqual(['homeOfficeCode']);
  });

  it('needs a sub-group or a Home Office code for a crime', () => {
    const check = checkCase(crime({ offenceSubgroup: null }), codes, TODAY);

    expect(fieldsOf(check.violations)).toEqual(['offenceSubgroup']);
  });

  it('reports unknown codes as invalid, not as rule violations', () => {
    const check = checkCase(crime({ offenceSubgroup: 'NOPE', policeOutcome: '99' }), codes, TODAY);

    expect(fieldsOf(check.invalid)).toEqual(['offenceSubgroup', 'policeOutcome']);
    expect(check.invalid[0].message).toContain('/api/reference/offence-subgroups');
  });

  it('needs an incident category for an incident and forbids offence fields on it', () => {
    expect(fieldsOf(checkCase(incident({ incidentCategory: null }), codes, TODAY).violations)).toEqual([
      'incidentCategory',
    ]);
    expect(fieldsOf(checkCase(incident({ homeOfficeCode: '92A' }), codes, TODAY).violations)).toEqual([
      'homeOfficeCode',
    ]);
  });

  it('forbids an incident category and police outcomes where they do not belong', () => {
    expect(
      fieldsOf(checkCase(crime({ incidentCategory: 'MISSING_PERSON' }), codes, TODAY).violations),
    ).toEqual(['incidentCategory']);
    expect(fieldsOf(checkCase(incident({ policeOutcome: '1' }), codes, TODAY).violations)).toEqual([
      'policeOutcome',
    ]);
  });

  it('accepts a court result dated today, not tomorrow, and only with a result', () => {
    const withResult = crime({ courtStage: 'FINALISED', courtResult: 'GUILTY_PLEA' });

    expect(checkCase({ ...withResult, courtResultAt: TODAY }, codes, TODAY).violations).toEqual([]);
    expect(
      fieldsOf(checkCase({ ...withResult, courtResultAt: '2025-07-01' }, codes, TODAY).violations),
    ).toEqual(['courtResultAt']);
    expect(fieldsOf(checkCase(crime({ courtResultAt: TODAY }), codes, TODAY).violations)).toEqual([
      'courtResultAt',
    ]);
  });

  it('rejects a court result on a case that was not charged', () => {
    const check = checkCase(crime({ courtStage: 'NOT_CHARGED', courtResult: 'GUILTY_PLEA' }), codes, TODAY);

    expect(fieldsOf(check.violations)).toEqual(['courtResult']);
  });

  it('rejects a court result on a case that never progressed to court', () => {
    const result = { courtResult: 'GUILTY_PLEA' };

    expect(fieldsOf(checkCase(crime(result), codes, TODAY).violations)).toEqual(['courtResult']);
    expect(fieldsOf(checkCase(crime({ ...result, policeOutcome: '15' }), codes, TODAY).violations)).toEqual([
      'courtResult',
    ]);
    expect(checkCase(crime({ ...result, policeOutcome: '1' }), codes, TODAY).violations).toEqual([]);
    expect(checkCase(crime({ ...result, policeOutcome: '1A' }), codes, TODAY).violations).toEqual([]);
    expect(checkCase(crime({ ...result, courtStage: 'FINALISED' }), codes, TODAY).violations).toEqual([]);
  });

  it('derives progressedToCourt with the one rule', () => {
    expect(checkCase(crime({ policeOutcome: '1A' }), codes, TODAY).derived.progressedToCourt).toBe(true);
    expect(checkCase(crime({ courtStage: 'NOT_CHARGED' }), codes, TODAY).derived.progressedToCourt).toBe(
      false,
    );
  });
});
