import fc from 'fast-check';
import { DateTime } from 'luxon';
import { medianDaysSeizureToCompletion } from '../../src/foi-reports/foi-figures.js';

// The FOI median's fast local-day arithmetic (one Luxon offset per UTC day) must give exactly the days
// Luxon gives per instant, including around clock changes and in zones with half-hour offsets.
const zones = ['Europe/London', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
const from = Date.UTC(2015, 0, 1);
const to = Date.UTC(2027, 0, 1);

function luxonDays(seizedAt: string, completedAt: string, zone: string): number {
  const day = (iso: string) => DateTime.fromISO(iso, { zone }).startOf('day').toISODate()!;
  return Math.round(
    (Date.parse(`${day(completedAt)}T00:00:00Z`) - Date.parse(`${day(seizedAt)}T00:00:00Z`)) / 86_400_000,
  );
}

describe('median days from seizure to completion (local days)', () => {
  it('counts the local calendar days Luxon counts, for any two instants and zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: from, max: to }),
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        fc.constantFrom(...zones),
        (seized, gap, zone) => {
          const seizedAt = new Date(seized).toISOString();
          const completedAt = new Date(seized + gap).toISOString();
          expect(medianDaysSeizureToCompletion([{ seizedAt, completedAt }], zone)).toBe(
            luxonDays(seizedAt, completedAt, zone),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('counts by local midnight, not UTC midnight, in summer time', () => {
    // 23:30 UTC on 10 June 2023 is 00:30 BST on the 11th; 22:30 UTC on the 11th is 23:30 BST the same day.
    const rows = [{ seizedAt: '2023-06-10T23:30:00.000Z', completedAt: '2023-06-11T22:30:00.000Z' }];

    expect(medianDaysSeizureToCompletion(rows, 'Europe/London')).toBe(0);
    expect(medianDaysSeizureToCompletion(rows, 'UTC')).toBe(1);
  });
});
