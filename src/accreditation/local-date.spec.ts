import { isLocalDate, localDateOf, startOfLocalDate, todayIn } from './local-date.js';

describe('local dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('2023-13-01')).toBe(false);
    expect(isLocalDate('2023-1-01')).toBe(false);
    expect(isLocalDate('2023-01-01T00:00:00Z')).toBe(false);
    expect(isLocalDate(20230101)).toBe(false);
  });

  it('gives the London date of an instant across the clock change', () => {
    expect(localDateOf('2023-06-30T23:30:00.000Z', 'Europe/London')).toBe('2023-07-01');
    expect(localDateOf('2023-12-31T23:30:00.000Z', 'Europe/London')).toBe('2023-12-31');
  });

  it('gives local midnight as a UTC instant', () => {
    expect(startOfLocalDate('2023-07-01', 'Europe/London')).toBe('2023-06-30T23:00:00.000Z');
    expect(startOfLocalDate('2023-01-01', 'Europe/London')).toBe('2023-01-01T00:00:00.000Z');
  });

  it('gives today in the register time zone', () => {
    expect(todayIn('Europe/London', new Date('2023-06-30T23:30:00Z'))).toBe('2023-07-01');
  });
});
