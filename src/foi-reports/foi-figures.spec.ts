import {
  buildExaminationsByScopeStatus,
  buildQ1,
  buildQ2,
  buildQ3,
  localDayNumbers,
  medianDaysSeizureToCompletion,
} from './foi-figures.js';
import { localDateOf, monthBoundaries } from './report-window.js';

const alphabetical = () => 0;

describe('FOI figures from aggregate rows', () => {
  it('fills every month of the window and every asked-for type, 0 when none', () => {
    const months = monthBoundaries({ from: '2023-01-01', to: '2023-04-01' }, 'Europe/London');
    const q1 = buildQ1(
      [
        { deviceType: 'SMART_PLUG', monthIndex: 0, devices: 2 },
        { deviceType: 'SMART_PLUG', monthIndex: 2, devices: 3 },
      ],
      months,
      ['SMART_PLUG', 'SMART_BULB'],
      alphabetical,
    );

    expect(q1).toEqual({
      total: 5,
      byMonth: [
        { month: '2023-01', devices: 2 },
        { month: '2023-02', devices: 0 },
        { month: '2023-03', devices: 3 },
      ],
      byDeviceType: [
        { deviceType: 'SMART_PLUG', devices: 5 },
        { deviceType: 'SMART_BULB', devices: 0 },
      ],
    });
  });

  it('classifies Q2 rows and counts unclassified cases as UNRECORDED, always present', () => {
    const row = (
      kind: string | null,
      sub: string | null,
      category: string | null,
      devices: number,
      cases: number,
    ) => ({
      kind,
      offenceGroup: null,
      offenceSubgroup: sub,
      incidentCategory: category,
      devices,
      cases,
    });
    const q2 = buildQ2(
      [
        row('INCIDENT', null, 'MISSING_PERSON', 2, 1),
        row('CRIME', 'DRUG_TRAFFICKING', null, 3, 2),
        row('CRIME', null, null, 1, 1),
        row('INCIDENT', null, null, 2, 1),
      ],
      (sub) => (sub === 'DRUG_TRAFFICKING' ? 'DRUG' : undefined),
      alphabetical,
      alphabetical,
    );

    expect(q2.rows).toEqual([
      { kind: 'CRIME', offenceGroup: 'DRUG', offenceSubgroup: 'DRUG_TRAFFICKING', devices: 3, cases: 2 },
      { kind: 'INCIDENT', incidentCategory: 'MISSING_PERSON', devices: 2, cases: 1 },
      { kind: 'UNRECORDED', devices: 3, cases: 2 },
    ]);
    expect(buildQ2([], () => undefined, alphabetical, alphabetical).rows).toEqual([
      { kind: 'UNRECORDED', devices: 0, cases: 0 },
    ]);
  });

  it('totals Q3 over the court-result groups and lists only recorded results', () => {
    const q3 = buildQ3(
      [
        { courtResult: null, cases: 4, progressed: 1, devicesServed: 0, casesServed: 0 },
        { courtResult: 'GUILTY_PLEA', cases: 2, progressed: 2, devicesServed: 3, casesServed: 2 },
      ],
      alphabetical,
    );

    expect(q3).toEqual({
      cases: 6,
      casesProgressedToCourt: 3,
      byCourtResult: [
        { courtResult: 'GUILTY_PLEA', cases: 2 },
        { courtResult: 'AWAITING_RESULT', cases: 1 },
      ],
      devicesServedAsEvidence: 3,
      casesWithDeviceDataServedAsEvidence: 2,
    });
  });

  it('lists every scope status and adds NOT_RECORDED only when some examination lacks one', () => {
    const statuses = ['IN_SCOPE_FIXED', 'OUT_OF_SCOPE'];

    expect(
      buildExaminationsByScopeStatus([{ scopeStatus: 'OUT_OF_SCOPE', examinations: 2 }], statuses),
    ).toEqual([
      { scopeStatus: 'IN_SCOPE_FIXED', examinations: 0 },
      { scopeStatus: 'OUT_OF_SCOPE', examinations: 2 },
    ]);
    expect(buildExaminationsByScopeStatus([{ scopeStatus: null, examinations: 1 }], statuses)).toContainEqual(
      {
        scopeStatus: 'NOT_RECORDED',
        examinations: 1,
      },
    );
  });

  describe('median days from seizure to completion', () => {
    const pair = (seizedAt: string, completedAt: string) => ({ seizedAt, completedAt });

    it('is null when nothing was completed', () => {
      expect(medianDaysSeizureToCompletion([], 'Europe/London')).toBeNull();
    });

    it('counts local calendar days, so a BST midnight seizure is on its local date', () => {
      // 23:30 UTC on 31 March 2023 is 00:30 on 1 April in London; 10 local days to 11 April.
      expect(
        medianDaysSeizureToCompletion(
          [pair('2023-03-31T23:30:00.000Z', '2023-04-11T09:00:00.000Z')],
          'Europe/London',
        ),
      ).toBe(10);
    });

    it('takes the middle value, or the mean of the middle two', () => {
      const rows = [
        pair('2023-01-01T12:00:00.000Z', '2023-01-31T12:00:00.000Z'),
        pair('2023-01-01T12:00:00.000Z', '2023-01-11T12:00:00.000Z'),
        pair('2023-01-01T12:00:00.000Z', '2023-01-02T12:00:00.000Z'),
      ];

      expect(medianDaysSeizureToCompletion(rows, 'Europe/London')).toBe(10);
      expect(
        medianDaysSeizureToCompletion(
          [...rows, pair('2023-01-01T12:00:00.000Z', '2023-01-21T12:00:00.000Z')],
          'UTC',
        ),
      ).toBe(15);
    });
  });

  describe('local day numbers of many instants', () => {
    // Every instant's day is its local date in the zone (localDateOf), on the days the zone's offset
    // changes too: every 37 minutes over ten days around transitions of zones that change at different UTC
    // hours (and Samoa's skipped 30 December 2011).
    it.each(['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Apia'])(
      'match localDateOf in %s',
      (zone) => {
        const dayOf = localDayNumbers(zone);
        const spans = ['03-08', '03-24', '03-30', '09-20', '09-28', '10-26', '11-02', '12-27'];
        for (const span of spans) {
          const from = Date.parse(`2011-${span}T00:00:00.000Z`);
          for (let ms = from; ms < from + 10 * 86_400_000; ms += 37 * 60_000) {
            const instant = new Date(ms + 7).toISOString();
            expect(dayOf(instant) * 86_400_000).toBe(Date.parse(`${localDateOf(instant, zone)}T00:00:00Z`));
          }
        }
      },
      30_000,
    );
  });
});
