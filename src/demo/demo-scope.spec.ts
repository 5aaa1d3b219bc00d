import { DateTime } from 'luxon';
import { demoScopeEntries, ScopeTimeline } from './demo-scope.js';

const ZONE = 'Europe/London';
const CLAIMS = new Set(['ACCREDITED']);

describe('demo scope register', () => {
  const now = DateTime.fromISO('2026-06-15T12:00:00', { zone: ZONE });
  let n = 0;
  const entries = demoScopeEntries(now, () => `id-${++n}`);
  const timeline = new ScopeTimeline(entries, ZONE, (status) => CLAIMS.has(status));

  it('takes smart plugs from not accredited through accreditation, a suspension and back', () => {
    const plugs = entries
      .filter((e) => e.deviceType === 'SMART_PLUG')
      .map((e) => [e.effectiveFrom, e.status]);

    expect(plugs).toEqual([
      ['2021-06-01', 'NOT_ACCREDITED'],
      ['2022-12-01', 'APPLICATION_SUBMITTED'],
      ['2023-12-01', 'ACCREDITED'],
      ['2025-04-01', 'SUSPENDED_VOLUNTARY'],
      ['2025-10-01', 'ACCREDITED'],
    ]);
  });

  it('changes an examination scope status at local midnight (BST), not UTC midnight', () => {
    // 1 April 2025 00:00 BST is 31 March 23:00 UTC.
    expect(timeline.statusAt('SMART_PLUG', '2025-03-31T22:59:59.999Z')).toBe('IN_SCOPE_FLEXIBLE');
    expect(timeline.statusAt('SMART_PLUG', '2025-03-31T23:00:00.000Z')).toBe('SCOPE_SUSPENDED');
  });

  it('gives cameras their fixed scope and other types the ALL_DIGITAL row (out of scope)', () => {
    expect(timeline.statusAt('IP_CAMERA', '2024-01-01T12:00:00.000Z')).toBe('IN_SCOPE_FIXED');
    expect(timeline.statusAt('SMART_BULB', '2024-01-01T12:00:00.000Z')).toBe('OUT_OF_SCOPE');
    expect(timeline.statusAt('SMART_PLUG', '2019-01-01T12:00:00.000Z')).toBe('OUT_OF_SCOPE');
  });
});
