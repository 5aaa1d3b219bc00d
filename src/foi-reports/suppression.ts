import type {
  Count,
  FoiFigures,
  FoiQuestion,
  FoiReport,
  Q2Row,
  RawFoiFigures,
  SuppressedCell,
  SuppressionReason,
} from './foi-report.types.js';

// Small-number suppression for FOI release (DOMAIN.md §3: threshold configurable, secondary
// suppression, the reason for each hidden cell recorded).
//
// Primary: a count c with 1 <= c < N is published as "<N"; 0 and counts >= N stay numbers.
// Secondary: a cell hidden only so that a primary cell cannot be worked out by subtraction is
// published as "[c]" (it is >= N, so "<N" would be untrue).
//
// Additive groups (members sum to a published total):
// - q1.byMonth[].devices, q1.byDeviceType[].devices and q2.rows[].devices each sum to q1.total;
// - q2.rows[].cases sums to q3.cases (each case has exactly one classification);
// - q4.examinationsByScopeStatus[].examinations sums to q5.examinationsRecorded;
// - q3.byCourtResult[].cases only when it sums to q3.cases or q3.casesProgressedToCourt (when it
//   does not, the missing remainder is unpublished and nothing can be subtracted).
// A group is protected when its hidden cells cannot be pinned down from the total: at least two of
// them, and their sum (total minus visible cells) not the least (or, all primary, the greatest)
// that their markers allow. Otherwise the smallest visible non-zero member is hidden too; when none
// is left, the total itself is hidden, and any other group that would rebuild it loses a member.

export const SECONDARY_MARK = '[c]';

export function primaryMark(suppressBelow: number): string {
  return `<${suppressBelow}`;
}

export function q2RowLabel(row: Q2Row<unknown>): string {
  if (row.kind === 'CRIME') return `${row.offenceGroup} / ${row.offenceSubgroup}`;
  if (row.kind === 'INCIDENT') return row.incidentCategory;
  return 'UNRECORDED';
}

interface Cell {
  question: FoiQuestion;
  row: string;
  column: string;
  value: number;
  reason?: SuppressionReason;
  write: (published: Count) => void;
}

interface Group {
  total: Cell;
  members: Cell[];
}

// What protectGroups needs of a cell and of an additive group (members sum to the total); the
// cross-tabs of src/foi-counts use it for every line of their tables.
export interface ProtectedCell {
  value: number;
  reason?: SuppressionReason;
}

export interface AdditiveGroup<C extends ProtectedCell = ProtectedCell> {
  total: C;
  members: C[];
}

export function applySuppression(raw: RawFoiFigures, suppressBelow: number): FoiReport {
  if (!Number.isInteger(suppressBelow) || suppressBelow < 0) {
    throw new RangeError(`suppressBelow must be a whole number >= 0: ${suppressBelow}`);
  }
  const { meta, ...figures } = structuredClone(raw);
  const counts: FoiFigures<Count> = figures;
  const { cells, groups } = collectCells(counts);
  // 0 and 1 turn suppression off: no count is below 1 and above 0.
  if (suppressBelow > 1) {
    for (const cell of cells) {
      if (cell.value >= 1 && cell.value < suppressBelow) cell.reason = 'primary';
    }
    protectGroups(groups, suppressBelow);
  }
  const suppressedCells: SuppressedCell[] = [];
  for (const { question, row, column, reason, write } of cells) {
    if (!reason) continue;
    write(reason === 'primary' ? primaryMark(suppressBelow) : SECONDARY_MARK);
    suppressedCells.push({ question, row, column, reason });
  }
  return { meta: { ...meta, suppressBelow, suppressedCells }, ...counts };
}

export function protectGroups<C extends ProtectedCell>(groups: AdditiveGroup<C>[], n: number): void {
  const hide = (cell: C) => (cell.reason = 'secondary');
  const totalKnown = (total: C) =>
    !total.reason || groups.some((g) => g.total === total && g.members.every((m) => !m.reason));
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      const { total, members } = group;
      const hidden = members.filter((m) => m.reason);
      // A hidden total rebuilt from a fully visible group defeats hiding it.
      const rebuildsTotal = !!total.reason && hidden.length === 0 && total.value > 0;
      if (!rebuildsTotal && !(totalKnown(total) && isExposed(hidden, n))) continue;
      const next = smallestVisible(members);
      if (next) hide(next);
      else if (!total.reason) hide(total);
      else continue;
      changed = true;
    }
  }
}

function isExposed(hidden: ProtectedCell[], n: number): boolean {
  if (hidden.length === 0) return false;
  if (hidden.length === 1) return true;
  const primaries = hidden.filter((c) => c.reason === 'primary').length;
  const secondaries = hidden.length - primaries;
  const sum = hidden.reduce((s, c) => s + c.value, 0);
  if (sum === primaries + secondaries * n) return true;
  return secondaries === 0 && sum === primaries * (n - 1);
}

export function smallestVisible<C extends ProtectedCell>(members: C[]): C | undefined {
  let best: C | undefined;
  for (const m of members) {
    if (!m.reason && m.value > 0 && (!best || m.value < best.value)) best = m;
  }
  return best;
}

function collectCells(f: FoiFigures<Count>): {
  cells: Cell[];
  groups: Group[];
} {
  const cells: Cell[] = [];
  const add = <T extends object>(
    question: FoiQuestion,
    row: string,
    target: T,
    key: keyof T & string,
  ): Cell => {
    const record = target as Record<string, Count>;
    const cell: Cell = {
      question,
      row,
      column: key,
      value: record[key] as number,
      write: (published) => (record[key] = published),
    };
    cells.push(cell);
    return cell;
  };

  const q1Total = add('Q1', 'Total', f.q1, 'total');
  const byMonth = f.q1.byMonth.map((m) => add('Q1', m.month, m, 'devices'));
  const byType = f.q1.byDeviceType.map((d) => add('Q1', d.deviceType, d, 'devices'));
  const q2Devices: Cell[] = [];
  const q2Cases: Cell[] = [];
  for (const row of f.q2.rows) {
    q2Devices.push(add('Q2', q2RowLabel(row), row, 'devices'));
    q2Cases.push(add('Q2', q2RowLabel(row), row, 'cases'));
  }
  const q3Cases = add('Q3', 'Total', f.q3, 'cases');
  const progressed = add('Q3', 'Total', f.q3, 'casesProgressedToCourt');
  const byResult = f.q3.byCourtResult.map((r) => add('Q3', r.courtResult, r, 'cases'));
  add('Q3', 'Total', f.q3, 'devicesServedAsEvidence');
  add('Q3', 'Total', f.q3, 'casesWithDeviceDataServedAsEvidence');
  const byScope = f.q4.examinationsByScopeStatus.map((e) => add('Q4', e.scopeStatus, e, 'examinations'));
  const q5Total = add('Q5', 'Total', f.q5, 'examinationsRecorded');
  add('Backlog', 'Total', f.backlog, 'awaitingExaminationAtEnd');

  const groups: Group[] = [
    { total: q1Total, members: byMonth },
    { total: q1Total, members: byType },
    { total: q1Total, members: q2Devices },
    { total: q3Cases, members: q2Cases },
    { total: q5Total, members: byScope },
  ];
  const resultSum = byResult.reduce((s, c) => s + c.value, 0);
  const resultTotal = [q3Cases, progressed].find((t) => t.value === resultSum);
  if (resultTotal) groups.push({ total: resultTotal, members: byResult });
  return { cells, groups: groups.filter((g) => g.members.length > 0) };
}

// A median over fewer examinations than the threshold can give away one record's duration (with one
// completion it IS that duration), so it is withheld like a small count.
export function withholdSmallMedian<R extends FoiReport>(
  report: R,
  completed: number,
  suppressBelow: number,
): R {
  if (suppressBelow <= 1 || completed === 0 || completed >= suppressBelow) return report;
  return {
    ...report,
    backlog: { ...report.backlog, medianDaysSeizureToCompletion: null },
    meta: {
      ...report.meta,
      suppressedCells: [
        ...report.meta.suppressedCells,
        { question: 'Backlog', row: 'Total', column: 'medianDaysSeizureToCompletion', reason: 'primary' },
      ],
    },
  };
}
