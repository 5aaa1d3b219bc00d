import { runClock } from './request-clock.js';
import { ukHolidayCalendar } from './uk-holidays.js';
import { addWorkingDays, isWorkingDay, OutsideCalendarError, workingDaysBetween } from './working-days.js';

const calendar = ukHolidayCalendar();

// Every case counted by hand on a calendar (see the comments).
describe('FOI working days', () => {
  it("skips weekends, Christmas, Boxing Day, New Year and Scotland's 2 January", () => {
    // Fri 19 Dec 2025: 22,23,24 (3), 29,30,31 (6), 1 Jan holiday, 2 Jan Scotland, 5-9 (11), 12-16 (16),
    // 19,20,21,22 (20).
    expect(addWorkingDays('2025-12-19', 20, calendar)).toBe('2026-01-22');
  });

  it("skips the substitute days of Christmas 2021 and New Year 2022, with Scotland's 4 January", () => {
    // Thu 23 Dec 2021: 24 (1); 27, 28 substitutes; 29,30,31 (4); 3 Jan substitute; 4 Jan Scotland;
    // 5,6,7 (7); 10-14 (12); 17-21 (17); 24,25,26 (20).
    expect(addWorkingDays('2021-12-23', 20, calendar)).toBe('2022-01-26');
  });

  it('counts from the next working day when received on a weekend', () => {
    // Sat 7 Mar 2026: 9-13 (5); 16, 18, 19, 20 (9; 17 Mar is St Patrick's Day in Northern Ireland);
    // 23-27 (14); 30, 31, 1, 2 Apr (18); 3 Apr Good Friday, 6 Apr Easter Monday; 7, 8 Apr (20).
    expect(addWorkingDays('2026-03-07', 20, calendar)).toBe('2026-04-08');
  });

  it('knows Saturdays, Sundays and holidays', () => {
    expect(isWorkingDay('2026-01-02', calendar)).toBe(false);
    expect(isWorkingDay('2026-01-03', calendar)).toBe(false);
    expect(isWorkingDay('2026-01-05', calendar)).toBe(true);
    expect(workingDaysBetween('2026-03-02', '2026-03-06', calendar)).toBe(3);
  });

  it('refuses dates outside the calendar rather than guessing', () => {
    expect(() => addWorkingDays('2035-12-20', 20, calendar)).toThrow(OutsideCalendarError);
  });
});

describe('the FOI clock', () => {
  it('restarts from a clarification', () => {
    const clock = runClock(
      '2025-12-19',
      [
        { kind: 'CLARIFICATION_REQUESTED', on: '2025-12-22' },
        { kind: 'CLARIFICATION_RECEIVED', on: '2026-01-05' },
      ],
      calendar,
    );
    // Mon 5 Jan 2026: 6-9 (4), 12-16 (9), 19-23 (14), 26-30 (19), 2 Feb (20).
    expect(clock).toMatchObject({ state: 'RUNNING', dueOn: '2026-02-02' });
  });

  it('pauses for a fees notice until the fee is paid', () => {
    const paused = runClock('2026-03-02', [{ kind: 'FEES_NOTICE', on: '2026-03-06' }], calendar);
    expect(paused).toMatchObject({ state: 'ON_HOLD_FEES', dueOn: null, daysUsed: 3 });
    // 3 days used (3, 4, 5 March); paid Mon 16 Mar: 17 more: 17 Mar St Patrick's Day; 18-20 (3),
    // 23-27 (8), 30, 31, 1, 2 (12), Good Friday and Easter Monday, 7-10 Apr (16), 13 Apr (17).
    const paid = runClock(
      '2026-03-02',
      [
        { kind: 'FEES_NOTICE', on: '2026-03-06' },
        { kind: 'FEES_PAID', on: '2026-03-16' },
      ],
      calendar,
    );
    expect(paid).toMatchObject({ state: 'RUNNING', dueOn: '2026-04-13', statutoryDueOn: '2026-04-13' });
  });
});
