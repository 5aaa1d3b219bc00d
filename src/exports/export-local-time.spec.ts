import { DateTime } from 'luxon';
import { LocalTimeFormatter } from './export-local-time.js';

const luxon = (instant: string, zone: string) =>
  DateTime.fromISO(instant, { zone }).toISO({ suppressMilliseconds: true });

// Instants 47 minutes apart (so every minute of the hour comes round; odd milliseconds on some)
// across a span, as stored.
function instants(from: string, hours: number): string[] {
  const start = Date.parse(from);
  const out: string[] = [];
  for (let i = 0; i < (hours * 60) / 47; i++) {
    out.push(new Date(start + i * 47 * 60_000 + (i % 3 === 0 ? 0 : (i * 37) % 1000)).toISOString());
  }
  return out;
}

describe('LocalTimeFormatter', () => {
  it.each([
    'Europe/London',
    'America/New_York',
    'Australia/Lord_Howe', // clocks change by half an hour
    'Asia/Kolkata',
    'Pacific/Chatham',
    'UTC',
  ])(
    'writes what Luxon writes in %s, across the clock changes of a year',
    (zone) => {
      const local = new LocalTimeFormatter(zone);
      const all = instants('2024-03-01T00:00:00.000Z', 260 * 24);

      const differing = all.filter((instant) => local.format(instant) !== luxon(instant, zone));

      expect(differing).toEqual([]);
    },
    30_000,
  );

  it('keeps the offset of the hour that repeats when the clocks go back', () => {
    const local = new LocalTimeFormatter('Europe/London');

    expect(local.format('2024-10-27T00:30:00.000Z')).toBe('2024-10-27T01:30:00+01:00');
    expect(local.format('2024-10-27T01:30:00.000Z')).toBe('2024-10-27T01:30:00+00:00');
    expect(local.format('2025-03-01T10:15:00.123Z')).toBe('2025-03-01T10:15:00.123+00:00');
  });

  it('agrees with Luxon on instants from before standard time zones', () => {
    const local = new LocalTimeFormatter('Europe/London');

    for (const instant of ['1847-12-01T00:00:30.000Z', '1900-06-01T12:00:00.000Z', '1971-06-01T00:00:00Z']) {
      expect(local.format(instant)).toBe(luxon(instant, 'Europe/London'));
    }
  });
});
