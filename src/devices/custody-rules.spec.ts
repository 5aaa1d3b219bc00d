import { checkCustodyEvent, checkSeizedAt } from './custody-rules.js';

const NOW = new Date('2025-06-30T12:00:00.000Z');
const SEIZED = '2025-06-01T09:00:00.000Z';

describe('checkSeizedAt', () => {
  it('accepts a past seizure and one within two minutes of clock skew', () => {
    expect(checkSeizedAt(SEIZED, NOW, null)).toBeNull();
    expect(checkSeizedAt('2025-06-30T12:01:59.000Z', NOW, null)).toBeNull();
  });

  it('rejects a seizure in the future or before 1990', () => {
    expect(checkSeizedAt('2025-06-30T12:02:01.000Z', NOW, null)?.field).toBe('seizedAt');
    expect(checkSeizedAt('1989-12-31T23:59:59.999Z', NOW, null)?.field).toBe('seizedAt');
    expect(checkSeizedAt('1990-01-01T00:00:00.000Z', NOW, null)).toBeNull();
  });

  it('rejects a seizure after the first custody event', () => {
    expect(checkSeizedAt(SEIZED, NOW, '2025-05-31T00:00:00.000Z')?.message).toContain('first custody event');
    expect(checkSeizedAt(SEIZED, NOW, SEIZED)).toBeNull();
  });
});

describe('checkCustodyEvent', () => {
  const latest = { at: '2025-06-02T10:00:00.000Z', toStatus: 'IN_MAIN_STORE' };

  it('accepts an event after the seizure and at or after the latest event', () => {
    expect(checkCustodyEvent({ at: SEIZED, toStatus: 'IN_TRANSIT' }, SEIZED, null, NOW)).toBeNull();
    expect(checkCustodyEvent({ at: latest.at, toStatus: 'IN_TRANSIT' }, SEIZED, latest, NOW)).toBeNull();
  });

  it('rejects an event before the seizure, before the latest event or in the future', () => {
    const check = (at: string) => checkCustodyEvent({ at, toStatus: 'IN_TRANSIT' }, SEIZED, latest, NOW);

    expect(check('2025-05-31T00:00:00.000Z')?.message).toContain('seizure');
    expect(check('2025-06-02T09:59:59.999Z')?.message).toContain('latest custody event');
    expect(check('2025-07-01T00:00:00.000Z')?.message).toContain('future');
  });

  it('closes custody after destruction or sale, not after a return', () => {
    const at = '2025-06-10T00:00:00.000Z';
    const after = (toStatus: string) =>
      checkCustodyEvent({ at, toStatus: 'SEIZED' }, SEIZED, { at: latest.at, toStatus }, NOW);

    expect(after('DESTROYED')?.field).toBe('toStatus');
    expect(after('SOLD_OR_RECYCLED')?.field).toBe('toStatus');
    expect(after('RETURNED_TO_OWNER')).toBeNull();
  });
});
