import { checkAgainstExaminations } from './examination-bounds.js';

describe('checkAgainstExaminations', () => {
  const examined = { count: 2, earliestAt: '2025-03-02T09:00:00.000Z' };
  const none = { count: 0, earliestAt: null };

  it('allows a seizure time on or before the earliest examination time', () => {
    expect(checkAgainstExaminations({ seizedAt: '2025-03-02T09:00:00.000Z' }, examined)).toBeNull();
    expect(checkAgainstExaminations({ seizedAt: '2025-03-01T00:00:00.000Z' }, examined)).toBeNull();
  });

  it('refuses a seizure time after the earliest examination time, naming seizedAt', () => {
    expect(checkAgainstExaminations({ seizedAt: '2025-03-02T09:00:00.001Z' }, examined)?.field).toBe(
      'seizedAt',
    );
  });

  it('refuses a new device type while examinations stand, naming deviceType', () => {
    const problem = checkAgainstExaminations({ deviceType: 'IP_CAMERA' }, examined);

    expect(problem?.field).toBe('deviceType');
    expect(problem?.message).toContain('void or re-record the examinations first');
  });

  it('allows any change when the device has no (non-voided) examinations', () => {
    expect(
      checkAgainstExaminations({ seizedAt: '2026-01-01T00:00:00.000Z', deviceType: 'X' }, none),
    ).toBeNull();
  });
});
