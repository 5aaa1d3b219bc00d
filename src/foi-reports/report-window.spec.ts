import {
  localDateOf,
  monthBoundaries,
  resolveReportWindow,
  WindowError,
  type WindowQuery,
} from './report-window.js';

const LONDON = 'Europe/London';
const NOW = new Date('2024-05-15T10:00:00Z');

function resolve(query: WindowQuery, now = NOW, timeZone = LONDON) {
  return resolveReportWindow(query, timeZone, now);
}

function errorOf(query: WindowQuery): WindowError {
  try {
    resolve(query);
  } catch (error) {
    if (error instanceof WindowError) return error;
    throw error;
  }
  throw new Error('expected a WindowError');
}

describe('resolveReportWindow', () => {
  it('resolves a financial year to local midnights (BST on 1 April)', () => {
    expect(resolve({ period: 'financial-year', year: '2023' })).toEqual({
      period: 'financial-year',
      from: '2023-04-01',
      to: '2024-04-01',
      start: '2023-03-31T23:00:00.000Z',
      end: '2024-03-31T23:00:00.000Z',
      scopeOn: '2024-03-31',
      timeZone: LONDON,
    });
  });

  it('resolves a calendar year (GMT in January)', () => {
    const window = resolve({ period: 'calendar-year', year: '2023' });
    expect(window).toMatchObject({
      from: '2023-01-01',
      to: '2024-01-01',
      start: '2023-01-01T00:00:00.000Z',
      end: '2024-01-01T00:00:00.000Z',
      scopeOn: '2023-12-31',
    });
  });

  it('takes the 12 whole months before the reference date', () => {
    expect(resolve({ period: 'last-12-months', referenceDate: '2024-05-15' })).toMatchObject({
      from: '2023-05-01',
      to: '2024-05-01',
    });
  });

  it('defaults the reference date to today in the zone, across a year boundary', () => {
    // 23:30 UTC on 31 December is already 1 January in Auckland.
    const now = new Date('2023-12-31T23:30:00Z');
    expect(resolve({ period: 'last-12-months' }, now)).toMatchObject({
      from: '2022-12-01',
      to: '2023-12-01',
    });
    expect(resolve({ period: 'last-12-months' }, now, 'Pacific/Auckland')).toMatchObject({
      from: '2023-01-01',
      to: '2024-01-01',
    });
  });

  it('accepts an explicit window with Feb 29 in a leap year', () => {
    const window = resolve({ from: '2024-02-29', to: '2024-03-01' });
    expect(window).toMatchObject({
      period: 'custom',
      start: '2024-02-29T00:00:00.000Z',
      end: '2024-03-01T00:00:00.000Z',
      scopeOn: '2024-02-29',
    });
  });

  it('keeps an explicit scopeOn', () => {
    expect(resolve({ period: 'calendar-year', year: '2023', scopeOn: '2023-06-01' }).scopeOn).toBe(
      '2023-06-01',
    );
  });

  it.each<[WindowQuery, string]>([
    [{ from: '2023-02-30', to: '2023-04-01' }, 'from'],
    [{ from: '2023-02-29', to: '2023-04-01' }, 'from'],
    [{ from: '2023-4-1', to: '2023-05-01' }, 'from'],
    [{ from: '2023-04-01', to: 'tomorrow' }, 'to'],
    [{ from: '2023-04-01', to: '2023-04-01' }, 'to'],
    [{ from: '2023-04-02', to: '2023-04-01' }, 'to'],
    [{ from: '2013-01-01', to: '2023-01-02' }, 'to'],
    [{ from: '2023-01-01' }, 'to'],
    [{ period: 'financial-year' }, 'year'],
    [{ period: 'calendar-year', year: '23' }, 'year'],
    [{ period: 'calendar-year', year: '1899' }, 'year'],
    [{ period: 'calendar-year', year: '2201' }, 'year'],
    [{ period: 'last-year' }, 'period'],
    [{ period: 'calendar-year', year: '2023', from: '2023-01-01' }, 'period'],
    [{ period: 'last-12-months', referenceDate: '2024-13-01' }, 'referenceDate'],
    [{ period: 'calendar-year', year: '2023', scopeOn: '2023-06-31' }, 'scopeOn'],
    [{}, 'from'],
  ])('rejects %j naming %s', (query, field) => {
    const error = errorOf(query);
    expect(error.field).toBe(field);
    expect(error.message).toBeTruthy();
  });

  it('accepts a window of exactly 10 years', () => {
    expect(resolve({ from: '2013-01-01', to: '2023-01-01' }).to).toBe('2023-01-01');
  });

  it('names every bad field', () => {
    expect(errorOf({ from: '2023-02-30', to: 'x' }).errors.map((e) => e.field)).toEqual(['from', 'to']);
  });

  it('rejects an unknown time zone as a configuration error', () => {
    expect(() => resolveReportWindow({ period: 'calendar-year', year: '2023' }, 'Mars/Base', NOW)).toThrow(
      /time zone/,
    );
  });
});

describe('monthBoundaries', () => {
  it('gives each month as UTC instants of local midnight, across the clock change', () => {
    const months = monthBoundaries({ from: '2023-02-01', to: '2023-05-01' }, LONDON);
    expect(months).toEqual([
      {
        month: '2023-02',
        start: '2023-02-01T00:00:00.000Z',
        end: '2023-03-01T00:00:00.000Z',
      },
      {
        month: '2023-03',
        start: '2023-03-01T00:00:00.000Z',
        end: '2023-03-31T23:00:00.000Z',
      },
      {
        month: '2023-04',
        start: '2023-03-31T23:00:00.000Z',
        end: '2023-04-30T23:00:00.000Z',
      },
    ]);
  });

  it('clips partial months to the window', () => {
    expect(monthBoundaries({ from: '2024-02-15', to: '2024-03-10' }, LONDON)).toEqual([
      {
        month: '2024-02',
        start: '2024-02-15T00:00:00.000Z',
        end: '2024-03-01T00:00:00.000Z',
      },
      {
        month: '2024-03',
        start: '2024-03-01T00:00:00.000Z',
        end: '2024-03-10T00:00:00.000Z',
      },
    ]);
  });

  it('covers a financial year with 12 contiguous months', () => {
    const window = resolve({ period: 'financial-year', year: '2023' });
    const months = monthBoundaries(window, LONDON);
    expect(months.map((m) => m.month)).toEqual([
      '2023-04',
      '2023-05',
      '2023-06',
      '2023-07',
      '2023-08',
      '2023-09',
      '2023-10',
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
      '2024-03',
    ]);
    expect(months[0].start).toBe(window.start);
    expect(months[11].end).toBe(window.end);
    months.slice(1).forEach((m, i) => expect(m.start).toBe(months[i].end));
  });
});

describe('localDateOf', () => {
  it('puts 2023-04-01T00:30+01:00 (= 2023-03-31T23:30Z) on 1 April, in FY 2023', () => {
    expect(localDateOf('2023-04-01T00:30:00+01:00', LONDON)).toBe('2023-04-01');
    expect(localDateOf(new Date('2023-03-31T23:30:00Z'), LONDON)).toBe('2023-04-01');
    const fy = resolve({ period: 'financial-year', year: '2023' });
    const seizedAt = new Date('2023-03-31T23:30:00Z').toISOString();
    expect(seizedAt >= fy.start && seizedAt < fy.end).toBe(true);
    expect('2023-03-31T22:59:59.999Z' < fy.start).toBe(true);
  });

  it('handles the autumn clock change', () => {
    // 29 Oct 2023 01:30 happens twice in London; 00:30Z is the first, 01:30Z the second.
    expect(localDateOf('2023-10-29T00:30:00Z', LONDON)).toBe('2023-10-29');
    expect(localDateOf('2023-10-28T23:30:00Z', LONDON)).toBe('2023-10-29');
    expect(localDateOf('2023-10-28T22:59:00Z', LONDON)).toBe('2023-10-28');
  });

  it('rejects a malformed instant', () => {
    expect(() => localDateOf('not a date', LONDON)).toThrow();
  });
});

describe('monthBoundaries over ten years', () => {
  it.each(['Europe/London', 'Australia/Lord_Howe', 'America/Santiago'])(
    'joins 120 months, each starting at local midnight on its 1st, in %s',
    (zone) => {
      const months = monthBoundaries({ from: '2014-03-01', to: '2024-03-01' }, zone);

      expect(months).toHaveLength(120);
      months.forEach((m, i) => {
        expect(localDateOf(m.start, zone)).toBe(`${m.month}-01`);
        if (i > 0) expect(m.start).toBe(months[i - 1].end);
      });
      expect(months.at(-1)?.month).toBe('2024-02');
    },
  );
});

describe('windows at the edges of the years a client may name', () => {
  it.each([
    [{ period: 'financial-year', year: '2200' }, '2201-03'],
    [{ period: 'calendar-year', year: '2200' }, '2200-12'],
    [{ period: 'last-12-months', referenceDate: '1900-01-01' }, '1899-12'],
  ])('gives month boundaries for %j', (query, lastMonth) => {
    const window = resolveReportWindow(query, 'Europe/London', new Date('2024-06-01T00:00:00Z'));

    const months = monthBoundaries(window, 'Europe/London');

    expect(months).toHaveLength(12);
    expect(months.at(-1)?.month).toBe(lastMonth);
  });
});
