import { progressedToCourt } from './progressed-to-court.js';

describe('progressedToCourt', () => {
  it('counts a charge (outcome 1) or a summons (outcome 1A) as court', () => {
    expect(progressedToCourt('1', null)).toBe(true);
    expect(progressedToCourt('1A', null)).toBe(true);
  });

  it('counts any court stage except NOT_CHARGED as court', () => {
    expect(progressedToCourt(null, 'MAGISTRATES_PROCEEDINGS')).toBe(true);
    expect(progressedToCourt('2', 'FINALISED')).toBe(true);
  });

  it('does not count other outcomes, NOT_CHARGED or nothing recorded', () => {
    expect(progressedToCourt(null, null)).toBe(false);
    expect(progressedToCourt('4', null)).toBe(false);
    expect(progressedToCourt('15', 'NOT_CHARGED')).toBe(false);
    expect(progressedToCourt('1B', null)).toBe(false);
  });

  it('lets a charge outweigh a NOT_CHARGED stage', () => {
    expect(progressedToCourt('1', 'NOT_CHARGED')).toBe(true);
  });
});
