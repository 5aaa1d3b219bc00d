import { DateTime } from 'luxon';
import { parseBoolean, parseCode, parseInstant, parseLocalDate, parseText } from './cell-values.js';

const LONDON = 'Europe/London';

describe('parseInstant', () => {
  it('reads UK day-first text as local time in the register zone', () => {
    expect(parseInstant('01/07/2024 14:30', LONDON)).toEqual({ ok: true, value: '2024-07-01T13:30:00.000Z' });
    expect(parseInstant('3/4/2024', LONDON)).toEqual({ ok: true, value: '2024-04-02T23:00:00.000Z' });
    expect(parseInstant('15.01.2024 09:05:10', LONDON)).toEqual({
      ok: true,
      value: '2024-01-15T09:05:10.000Z',
    });
  });

  it('reads ISO 8601 with an offset as given, and without one as local time', () => {
    expect(parseInstant('2024-07-01T14:30:00+02:00', LONDON)).toEqual({
      ok: true,
      value: '2024-07-01T12:30:00.000Z',
    });
    expect(parseInstant('2024-07-01 14:30', LONDON)).toEqual({ ok: true, value: '2024-07-01T13:30:00.000Z' });
  });

  it('reads an Excel date cell as wall-clock time in the register zone', () => {
    const cell = new Date(Date.UTC(2024, 6, 1, 14, 30));

    expect(parseInstant(cell, LONDON)).toEqual({ ok: true, value: '2024-07-01T13:30:00.000Z' });
  });

  it('refuses two-digit years and month-first dates instead of guessing', () => {
    expect(parseInstant('03/04/24', LONDON)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/two-digit/),
    });
    expect(parseInstant('04/13/2024', LONDON)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/US order/),
    });
    expect(parseInstant('31/02/2024', LONDON)).toMatchObject({ ok: false });
    expect(parseInstant('next Tuesday', LONDON)).toMatchObject({ ok: false });
    expect(parseInstant(45352, LONDON)).toMatchObject({ ok: false });
  });

  it('refuses local times the clocks skip or pass twice', () => {
    expect(parseInstant('31/03/2024 01:30', LONDON)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/does not exist/),
    });
    expect(parseInstant('27/10/2024 01:30', LONDON)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/twice/),
    });
    expect(parseInstant('2024-10-27T01:30+01:00', LONDON)).toEqual({
      ok: true,
      value: '2024-10-27T00:30:00.000Z',
    });
  });

  it('treats an empty cell as no value', () => {
    expect(parseInstant('  ', LONDON)).toEqual({ ok: true, value: null });
  });
});

describe('parseLocalDate', () => {
  it('reads UK and ISO dates and Excel date cells', () => {
    expect(parseLocalDate('05/11/2023')).toEqual({ ok: true, value: '2023-11-05' });
    expect(parseLocalDate('2023-11-05')).toEqual({ ok: true, value: '2023-11-05' });
    expect(parseLocalDate(new Date(Date.UTC(2023, 10, 5)))).toEqual({ ok: true, value: '2023-11-05' });
  });

  it('refuses impossible or ambiguous dates', () => {
    expect(parseLocalDate('2023-02-30')).toMatchObject({ ok: false });
    expect(parseLocalDate('05/11/23')).toMatchObject({ ok: false });
  });
});

describe('parseBoolean, parseText and parseCode', () => {
  it('reads yes/no words and boolean cells', () => {
    expect(parseBoolean('Yes')).toEqual({ ok: true, value: true });
    expect(parseBoolean('n')).toEqual({ ok: true, value: false });
    expect(parseBoolean(true)).toEqual({ ok: true, value: true });
    expect(parseBoolean('maybe')).toMatchObject({ ok: false });
  });

  it('trims text, keeps numbers as text and refuses a date where text is expected', () => {
    expect(parseText('  ABC/1 ')).toEqual({ ok: true, value: 'ABC/1' });
    expect(parseText(12)).toEqual({ ok: true, value: '12' });
    expect(parseText("'=cmd")).toEqual({ ok: true, value: '=cmd' });
    expect(parseText(new Date())).toMatchObject({ ok: false });
  });

  it('matches a code by its code or label, loosely', () => {
    const items = [
      { code: 'SMART_PLUG', label: 'Smart plug' },
      { code: '1A', label: 'Charged (alternative)' },
    ];

    expect(parseCode('smart plug', items)).toEqual({ ok: true, value: 'SMART_PLUG' });
    expect(parseCode('Smart-Plug', items)).toEqual({ ok: true, value: 'SMART_PLUG' });
    expect(parseCode('1a', items)).toEqual({ ok: true, value: '1A' });
    expect(parseCode('toaster', items)).toEqual({ ok: true, value: 'toaster' });
  });
});

describe('parseInstant with cached zone offsets', () => {
  // The pre-cache reading, straight from Luxon with the zone by name.
  const luxon = (wall: Date, zone: string) => {
    const dt = DateTime.fromObject(
      {
        year: wall.getUTCFullYear(),
        month: wall.getUTCMonth() + 1,
        day: wall.getUTCDate(),
        hour: wall.getUTCHours(),
        minute: wall.getUTCMinutes(),
      },
      { zone },
    );
    const moved = dt.hour !== wall.getUTCHours() || dt.minute !== wall.getUTCMinutes();
    if (moved || dt.getPossibleOffsets().length > 1) return null;
    return dt.toUTC().toISO();
  };

  it.each(['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'])(
    'agrees with Luxon every 15 minutes around the clock changes of %s',
    (zone) => {
      const days = [Date.UTC(2024, 2, 9), Date.UTC(2024, 2, 30), Date.UTC(2024, 3, 6), Date.UTC(2024, 9, 26)];
      days.push(Date.UTC(2024, 10, 2), Date.UTC(2024, 9, 5), Date.UTC(1986, 0, 1));
      for (const day of days) {
        for (let ms = day; ms < day + 2 * 86_400_000; ms += 15 * 60_000) {
          const wall = new Date(ms);
          const parsed = parseInstant(wall, zone);
          const expected = luxon(wall, zone);
          if (expected === null) expect(parsed.ok).toBe(false);
          else expect(parsed).toEqual({ ok: true, value: expected });
        }
      }
    },
    30_000,
  );
});

describe('parseInstant with an offset (read without Luxon when plainly real)', () => {
  it.each([
    '2025-01-01T10:00Z',
    '2025-01-01 10:00:05.1z',
    '2024-02-29T23:59:59.999+01:00',
    '2025-01-01T10:00-0530',
    '2025-01-01T10:00+14:00',
    '2025-01-01T10:00+99:00',
    '2024-02-30T10:00Z',
    '2025-01-01T24:00Z',
    '2025-01-01T10:00:60Z',
    '0999-01-01T10:00Z',
  ])('gives what Luxon gives for %s', (text) => {
    const dt = DateTime.fromISO(text.replace(' ', 'T'), { setZone: true });
    const parsed = parseInstant(text, 'Europe/London');
    expect(parsed.ok ? parsed.value : null).toBe(dt.isValid ? dt.toUTC().toISO() : null);
  });
});
