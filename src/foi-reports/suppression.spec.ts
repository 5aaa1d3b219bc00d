import fc from 'fast-check';
import { rawFoiFigures } from './foi-report.fixture.js';
import type { RawFoiFigures } from './foi-report.types.js';
import { applySuppression, q2RowLabel, SECONDARY_MARK, withholdSmallMedian } from './suppression.js';

const months = (...devices: number[]) =>
  devices.map((n, i) => ({
    month: `2023-${String(i + 1).padStart(2, '0')}`,
    devices: n,
  }));

// Q1 only: months summing to the total, one device type holding it all, q2 consistent.
function q1With(...devices: number[]): RawFoiFigures {
  const total = devices.reduce((s, n) => s + n, 0);
  return rawFoiFigures((raw) => {
    raw.q1 = {
      total,
      byMonth: months(...devices),
      byDeviceType: [{ deviceType: 'SMART_PLUG', devices: total }],
    };
    raw.q2.rows = [{ kind: 'UNRECORDED', devices: total, cases: 15 }];
  });
}

describe('applySuppression', () => {
  it('hides counts below the threshold and one more cell per row', () => {
    const report = applySuppression(q1With(3, 10, 7), 5);

    expect(report.q1.byMonth.map((m) => m.devices)).toEqual(['<5', 10, SECONDARY_MARK]);
    expect(report.q1.total).toBe(20);
    expect(report.meta.suppressedCells).toEqual([
      { question: 'Q1', row: '2023-01', column: 'devices', reason: 'primary' },
      {
        question: 'Q1',
        row: '2023-03',
        column: 'devices',
        reason: 'secondary',
      },
    ]);
    expect(report.meta.suppressBelow).toBe(5);
  });

  it('keeps 0 and counts at or above the threshold as numbers', () => {
    const report = applySuppression(q1With(0, 5, 6), 5);
    expect(report.q1.byMonth.map((m) => m.devices)).toEqual([0, 5, 6]);
    expect(report.meta.suppressedCells).toEqual([]);
  });

  it.each([0, 1])('turns suppression off with threshold %i', (threshold) => {
    const raw = q1With(1, 2, 3);
    const report = applySuppression(raw, threshold);
    const { meta, ...counts } = report;
    const { meta: rawMeta, ...rawCounts } = raw;
    expect(counts).toEqual(rawCounts);
    expect(meta).toEqual({
      ...rawMeta,
      suppressBelow: threshold,
      suppressedCells: [],
    });
  });

  it('leaves two hidden cells alone when their sum does not pin them', () => {
    const report = applySuppression(q1With(3, 4, 20), 5);
    expect(report.q1.byMonth.map((m) => m.devices)).toEqual(['<5', '<5', 20]);
  });

  it('hides one more when the hidden cells could only all be 1', () => {
    const report = applySuppression(q1With(1, 1, 30, 20), 5);
    expect(report.q1.byMonth.map((m) => m.devices)).toEqual(['<5', '<5', 30, SECONDARY_MARK]);
  });

  it('hides one more when a secondary cell at the threshold would give the primary away', () => {
    // Hiding only 1 and 5 leaves 6 = 1 + 5, the least "<5" + "[c]" can be: both exact.
    const report = applySuppression(q1With(1, 5, 9), 5);
    expect(report.q1.byMonth.map((m) => m.devices)).toEqual(['<5', '[c]', '[c]']);
  });

  it('hides the total, and every table that would rebuild it, when all its cells are hidden', () => {
    const report = applySuppression(q1With(1, 1, 1, 1, 1, 1), 5);
    expect(report.q1.byMonth.every((m) => m.devices === '<5')).toBe(true);
    expect(report.q1.total).toBe(SECONDARY_MARK);
    expect(report.q1.byDeviceType[0].devices).toBe(SECONDARY_MARK);
    expect(report.q2.rows[0].devices).toBe(SECONDARY_MARK);
  });

  it('needs nothing more when the total itself is suppressed', () => {
    const report = applySuppression(q1With(1, 3), 5);
    expect(report.q1.total).toBe('<5');
    expect(report.meta.suppressedCells.every((c) => c.reason === 'primary')).toBe(true);
  });

  it('protects q2 cases against q3.cases and q4 rows against q5', () => {
    const raw = rawFoiFigures((r) => {
      r.q2.rows[1].cases = 2; // 9 + 2 = 11 cases
      r.q3.cases = 11;
      r.q4.examinationsByScopeStatus = [
        { scopeStatus: 'OUT_OF_SCOPE', examinations: 6 },
        { scopeStatus: 'IN_SCOPE_FIXED', examinations: 3 },
        { scopeStatus: 'IN_SCOPE_FLEXIBLE', examinations: 9 },
      ];
      r.q5.examinationsRecorded = 18;
    });
    const report = applySuppression(raw, 5);
    expect(report.q2.rows.map((r) => r.cases)).toEqual([SECONDARY_MARK, '<5', 0]);
    expect(report.q3.cases).toBe(11);
    expect(report.q4.examinationsByScopeStatus.map((e) => e.examinations)).toEqual([SECONDARY_MARK, '<5', 9]);
    expect(report.q5.examinationsRecorded).toBe(18);
  });

  it('protects court results only when they add up to a published figure', () => {
    const adding = rawFoiFigures((r) => {
      r.q3.byCourtResult = [
        { courtResult: 'GUILTY_PLEA', cases: 8 },
        { courtResult: 'ACQUITTED_AFTER_TRIAL', cases: 3 },
      ];
    });
    expect(applySuppression(adding, 5).q3.byCourtResult.map((r) => r.cases)).toEqual([SECONDARY_MARK, '<5']);

    const partial = rawFoiFigures((r) => {
      r.q3.byCourtResult = [
        { courtResult: 'GUILTY_PLEA', cases: 6 },
        { courtResult: 'ACQUITTED_AFTER_TRIAL', cases: 3 },
      ];
    });
    expect(applySuppression(partial, 5).q3.byCourtResult.map((r) => r.cases)).toEqual([6, '<5']);
  });

  it('suppresses the stand-alone counts but never the median', () => {
    const raw = rawFoiFigures((r) => {
      r.q3.devicesServedAsEvidence = 2;
      r.backlog = {
        awaitingExaminationAtEnd: 1,
        medianDaysSeizureToCompletion: 3,
      };
    });
    const report = applySuppression(raw, 5);
    expect(report.q3.devicesServedAsEvidence).toBe('<5');
    expect(report.backlog).toEqual({
      awaitingExaminationAtEnd: '<5',
      medianDaysSeizureToCompletion: 3,
    });
  });

  it('does not change its input', () => {
    const raw = q1With(1, 2, 30);
    const copy = structuredClone(raw);
    applySuppression(raw, 5);
    expect(raw).toEqual(copy);
  });

  it('rejects a threshold that is not a whole number >= 0', () => {
    expect(() => applySuppression(q1With(1), -1)).toThrow(RangeError);
    expect(() => applySuppression(q1With(1), 2.5)).toThrow(RangeError);
  });

  it('labels q2 rows by their classification', () => {
    expect(rawFoiFigures().q2.rows.map(q2RowLabel)).toEqual([
      'DRUG / DRUG_TRAFFICKING',
      'MISSING_PERSON',
      'UNRECORDED',
    ]);
  });

  it('never publishes a small count, and never leaves one hidden cell beside a published total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 2, max: 10 }),
        (devices, threshold) => {
          const report = applySuppression(q1With(...devices), threshold);
          const published = report.q1.byMonth.map((m) => m.devices);
          published.forEach((value, i) => {
            if (typeof value === 'number') expect(value).toBe(devices[i]);
            else expect(devices[i]).toBeGreaterThan(0);
            if (devices[i] > 0 && devices[i] < threshold) expect(typeof value).toBe('string');
          });
          const hidden = published.filter((v) => typeof v === 'string').length;
          if (typeof report.q1.total === 'number') expect(hidden).not.toBe(1);
        },
      ),
    );
  });
});

describe('withholdSmallMedian', () => {
  const report = applySuppression(rawFoiFigures(), 5);

  it('withholds a median over fewer completions than the threshold and lists the cell', () => {
    const result = withholdSmallMedian(report, 2, 5);

    expect(result.backlog.medianDaysSeizureToCompletion).toBeNull();
    expect(result.meta.suppressedCells).toContainEqual({
      question: 'Backlog',
      row: 'Total',
      column: 'medianDaysSeizureToCompletion',
      reason: 'primary',
    });
  });

  it('keeps the median when enough examinations completed, or suppression is off', () => {
    expect(withholdSmallMedian(report, 5, 5)).toBe(report);
    expect(withholdSmallMedian(report, 1, 0)).toBe(report);
  });
});
