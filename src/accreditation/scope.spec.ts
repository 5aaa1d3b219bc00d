import {
  activityTooLong,
  ALL_DIGITAL,
  rowInForce,
  scopeHistory,
  type ScopeRow,
  toScopeStatus,
} from './scope.js';

let seq = 0;
function row(overrides: Partial<ScopeRow>): ScopeRow {
  seq += 1;
  return {
    id: `row-${seq}`,
    deviceType: 'SMART_PLUG',
    activity: null,
    status: 'ACCREDITED',
    scopeType: 'FIXED',
    effectiveFrom: '2023-01-01',
    ...overrides,
  };
}

const CLAIMABLE = new Set(['ACCREDITED', 'EXTENSION_TO_SCOPE_APPLIED', 'SCOPE_REDUCED']);
const canClaim = (status: string) => CLAIMABLE.has(status);

describe('rowInForce', () => {
  const applied = row({ status: 'APPLICATION_SUBMITTED', effectiveFrom: '2022-06-01' });
  const accredited = row({ status: 'ACCREDITED', effectiveFrom: '2023-03-01' });
  const suspended = row({ status: 'SUSPENDED_VOLUNTARY', effectiveFrom: '2024-01-15' });
  const rows = [suspended, applied, accredited];

  it('finds no row before the first change', () => {
    expect(rowInForce(rows, 'SMART_PLUG', null, '2022-05-31')).toBeNull();
  });

  it('takes the row from its effective date itself', () => {
    expect(rowInForce(rows, 'SMART_PLUG', null, '2023-03-01')).toBe(accredited);
    expect(rowInForce(rows, 'SMART_PLUG', null, '2023-02-28')).toBe(applied);
  });

  it('keeps the latest row in force until the next one', () => {
    expect(rowInForce(rows, 'SMART_PLUG', null, '2023-12-31')).toBe(accredited);
    expect(rowInForce(rows, 'SMART_PLUG', null, '2030-01-01')).toBe(suspended);
  });

  it('ignores rows of other device types', () => {
    expect(rowInForce(rows, 'SMART_BULB', null, '2023-06-01')).toBeNull();
  });

  it('falls back to the ALL_DIGITAL row when the device type has no row in force', () => {
    const all = row({ deviceType: ALL_DIGITAL, effectiveFrom: '2020-01-01', scopeType: 'FLEXIBLE' });

    expect(rowInForce([...rows, all], 'SMART_BULB', null, '2023-06-01')).toBe(all);
    expect(rowInForce([...rows, all], 'SMART_PLUG', null, '2022-01-01')).toBe(all);
    expect(rowInForce([...rows, all], 'SMART_PLUG', null, '2023-06-01')).toBe(accredited);
  });

  it('does not count activity-specific rows when no activity is asked for', () => {
    const extraction = row({ activity: 'extraction', effectiveFrom: '2021-01-01' });

    expect(rowInForce([extraction], 'SMART_PLUG', null, '2023-06-01')).toBeNull();
    expect(rowInForce([extraction], 'SMART_PLUG', undefined, '2023-06-01')).toBeNull();
  });

  it('prefers the activity line, then the device type line, then ALL_DIGITAL', () => {
    const extraction = row({ activity: 'Extraction', effectiveFrom: '2023-06-01', status: 'WITHDRAWN' });
    const allAnalysis = row({ deviceType: ALL_DIGITAL, activity: 'analysis', effectiveFrom: '2020-01-01' });
    const all = [...rows, extraction, allAnalysis];

    expect(rowInForce(all, 'SMART_PLUG', ' extraction ', '2023-06-01')).toBe(extraction);
    expect(rowInForce(all, 'SMART_PLUG', 'extraction', '2023-05-31')).toBe(accredited);
    expect(rowInForce(all, 'SMART_BULB', 'analysis', '2023-05-31')).toBe(allAnalysis);
    expect(rowInForce(all, 'SMART_PLUG', 'analysis', '2023-05-31')).toBe(accredited);
  });
});

describe('toScopeStatus', () => {
  it('gives in scope by scope type when accreditation may be claimed', () => {
    expect(toScopeStatus(row({ status: 'ACCREDITED' }), canClaim)).toBe('IN_SCOPE_FIXED');
    expect(toScopeStatus(row({ status: 'SCOPE_REDUCED', scopeType: 'FLEXIBLE' }), canClaim)).toBe(
      'IN_SCOPE_FLEXIBLE',
    );
    expect(toScopeStatus(row({ status: 'EXTENSION_TO_SCOPE_APPLIED' }), canClaim)).toBe('IN_SCOPE_FIXED');
  });

  it('gives SCOPE_SUSPENDED for every suspension', () => {
    for (const status of ['SUSPENDED_VOLUNTARY', 'SUSPENDED_IMPOSED', 'SUSPENDED_FINANCIAL']) {
      expect(toScopeStatus(row({ status }), canClaim)).toBe('SCOPE_SUSPENDED');
    }
  });

  it('gives OUT_OF_SCOPE for anything else and for no row', () => {
    for (const status of ['NOT_ACCREDITED', 'APPLICATION_SUBMITTED', 'WITHDRAWN', 'RESIGNED']) {
      expect(toScopeStatus(row({ status }), canClaim)).toBe('OUT_OF_SCOPE');
    }
    expect(toScopeStatus(null, canClaim)).toBe('OUT_OF_SCOPE');
  });
});

describe('scopeHistory', () => {
  it('lists each change of the row in force, ALL_DIGITAL only until the type has its own row', () => {
    const all2020 = row({ deviceType: ALL_DIGITAL, effectiveFrom: '2020-01-01' });
    const plug2022 = row({ effectiveFrom: '2022-01-01', status: 'SUSPENDED_IMPOSED' });
    const all2023 = row({ deviceType: ALL_DIGITAL, effectiveFrom: '2023-01-01', status: 'WITHDRAWN' });
    const plugExtraction = row({ activity: 'extraction', effectiveFrom: '2021-01-01' });
    const bulb = row({ deviceType: 'SMART_BULB', effectiveFrom: '2019-01-01' });

    const history = scopeHistory([all2023, plugExtraction, plug2022, bulb, all2020], 'SMART_PLUG');

    expect(history).toEqual([
      { effectiveFrom: '2020-01-01', row: all2020 },
      { effectiveFrom: '2022-01-01', row: plug2022 },
    ]);
  });

  it('is empty when no row applies', () => {
    expect(scopeHistory([row({ deviceType: 'SMART_BULB' })], 'SMART_PLUG')).toEqual([]);
  });
});

describe('activityTooLong', () => {
  it('allows 100 characters, also when lower case keeps the length', () => {
    expect(activityTooLong('A'.repeat(100))).toBe(false);
    expect(activityTooLong(`  ${'Ä'.repeat(100)}  `)).toBe(false);
    expect(activityTooLong(undefined)).toBe(false);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(activityTooLong('😀'.repeat(100))).toBe(false);
    expect(activityTooLong('😀'.repeat(101))).toBe(true);
  });

  it('refuses an activity whose lower-case key is longer than 100 characters', () => {
    expect('İ'.repeat(100).toLowerCase()).toHaveLength(200);
    expect(activityTooLong('İ'.repeat(100))).toBe(true);
    expect(activityTooLong('İ'.repeat(50))).toBe(false);
  });

  it('refuses 101 characters, however the request length check counted them', () => {
    expect(activityTooLong(`${'a'.repeat(100)}\uFE0F`)).toBe(true);
  });
});
