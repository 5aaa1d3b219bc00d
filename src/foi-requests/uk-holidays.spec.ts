import Holidays from 'date-holidays';
import { ukHolidayCalendar, ukHolidays } from './uk-holidays.js';

// data/reference/uk-bank-holidays.json against a well-kept library, year by year, for every UK nation.
describe('UK bank holidays reference file', () => {
  it('covers 2020 to 2035', () => {
    expect(ukHolidayCalendar()).toMatchObject({ from: 2020, to: 2035 });
  });

  it('holds exactly the public and bank holidays date-holidays gives for England and Wales, Scotland and Northern Ireland', () => {
    const expected = new Map<string, Set<string>>();
    for (const [nation, state] of [
      ['england-and-wales', 'ENG'],
      ['scotland', 'SCT'],
      ['northern-ireland', 'NIR'],
    ] as const) {
      const library = new Holidays('GB', state);
      for (let year = 2020; year <= 2035; year++) {
        for (const h of library.getHolidays(year)) {
          if (h.type !== 'public' && h.type !== 'bank') continue;
          const date = h.date.slice(0, 10);
          if (!expected.has(date)) expected.set(date, new Set());
          expected.get(date)!.add(nation);
        }
      }
    }
    const file = new Map(ukHolidays().map((h) => [h.date, new Set(h.nations)]));
    expect([...file.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [date, nations] of expected)
      expect([date, [...file.get(date)!].sort()]).toEqual([date, [...nations].sort()]);
  });

  it.each([
    ['2022-01-04', 'the Scottish substitute day for 2 January (a Sunday in 2022)'],
    ['2021-01-04', 'the Scottish substitute day for 2 January (a Saturday in 2021)'],
    ['2026-01-02', '2 January in Scotland'],
    ['2026-03-17', "St Patrick's Day in Northern Ireland"],
    ['2026-07-13', 'the Battle of the Boyne substitute day in Northern Ireland'],
    ['2026-11-30', "St Andrew's Day in Scotland"],
    ['2022-09-19', 'the State Funeral of Queen Elizabeth II'],
    ['2023-05-08', 'the Coronation'],
    ['2026-04-03', 'Good Friday'],
    ['2026-12-28', 'the Boxing Day substitute day'],
  ])('lists %s (%s)', (date) => {
    expect(ukHolidayCalendar().dates.has(date)).toBe(true);
  });
});
