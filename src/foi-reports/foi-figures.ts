import { IANAZone } from 'luxon';
import type { Q1Figures, Q2Row, Q3Figures, Q4Figures } from './foi-report.types.js';
import type { CompletionRow, Q1Row, Q2GroupRow, Q3GroupRow, ScopeStatusRow } from './foi-queries.js';
import { localDateOf, type MonthBoundary } from './report-window.js';

const DAY_MS = 86_400_000;

// Pure assembly of the aggregate rows the database returned into the report's figures.

// Position of a code in its reference list (unknown codes last, then alphabetical).
export type CodeOrder = (code: string) => number;

export const NOT_RECORDED = 'NOT_RECORDED';

export function buildQ1(
  rows: Q1Row[],
  months: MonthBoundary[],
  deviceTypes: string[] | null,
  typeOrder: CodeOrder,
): Q1Figures<number> {
  const byMonth = months.map((m) => ({ month: m.month, devices: 0 }));
  const byType = new Map<string, number>((deviceTypes ?? []).map((t) => [t, 0]));
  let total = 0;
  for (const row of rows) {
    const month = byMonth[row.monthIndex];
    if (!month) throw new Error(`seizure outside the window's months: index ${row.monthIndex}`);
    month.devices += row.devices;
    byType.set(row.deviceType, (byType.get(row.deviceType) ?? 0) + row.devices);
    total += row.devices;
  }
  const types = [...byType.keys()];
  if (!deviceTypes) types.sort(byOrder(typeOrder));
  return { total, byMonth, byDeviceType: types.map((t) => ({ deviceType: t, devices: byType.get(t) ?? 0 })) };
}

// CRIME rows by offence group and sub-group, INCIDENT rows by category, then UNRECORDED (always).
export function buildQ2(
  rows: Q2GroupRow[],
  groupOf: (subgroup: string) => string | undefined,
  subgroupOrder: CodeOrder,
  categoryOrder: CodeOrder,
): { rows: Q2Row<number>[] } {
  const crime = new Map<string, Q2Row<number> & { kind: 'CRIME' }>();
  const incident = new Map<string, Q2Row<number> & { kind: 'INCIDENT' }>();
  const unrecorded: Q2Row<number> = { kind: 'UNRECORDED', devices: 0, cases: 0 };
  for (const row of rows) {
    let target: Q2Row<number> = unrecorded;
    if (row.kind === 'CRIME' && row.offenceSubgroup) {
      const subgroup = row.offenceSubgroup;
      const group = row.offenceGroup ?? groupOf(subgroup) ?? NOT_RECORDED;
      const key = `${group}/${subgroup}`;
      target = crime.get(key) ?? {
        kind: 'CRIME',
        offenceGroup: group,
        offenceSubgroup: subgroup,
        devices: 0,
        cases: 0,
      };
      crime.set(key, target as Q2Row<number> & { kind: 'CRIME' });
    } else if (row.kind === 'INCIDENT' && row.incidentCategory) {
      const category = row.incidentCategory;
      target = incident.get(category) ?? {
        kind: 'INCIDENT',
        incidentCategory: category,
        devices: 0,
        cases: 0,
      };
      incident.set(category, target as Q2Row<number> & { kind: 'INCIDENT' });
    }
    // A case has one classification, so distinct cases per group add up.
    target.devices += row.devices;
    target.cases += row.cases;
  }
  const crimeRows = [...crime.values()].sort((a, b) =>
    byOrder(subgroupOrder)(a.offenceSubgroup, b.offenceSubgroup),
  );
  const incidentRows = [...incident.values()].sort((a, b) =>
    byOrder(categoryOrder)(a.incidentCategory, b.incidentCategory),
  );
  return { rows: [...crimeRows, ...incidentRows, unrecorded] };
}

// The Q3 row of progressed cases with no final court result yet (not a court-results code).
export const AWAITING_RESULT = 'AWAITING_RESULT';

// Cases progressed to court by court result, then AWAITING_RESULT (always listed): the rows add up
// to casesProgressedToCourt.
export function buildQ3(rows: Q3GroupRow[], resultOrder: CodeOrder): Q3Figures<number> {
  const sum = (pick: (r: Q3GroupRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const byCourtResult = rows
    .filter((r): r is Q3GroupRow & { courtResult: string } => r.courtResult !== null && r.progressed > 0)
    .sort((a, b) => byOrder(resultOrder)(a.courtResult, b.courtResult))
    .map((r) => ({ courtResult: r.courtResult, cases: r.progressed }));
  const awaiting = sum((r) => (r.courtResult === null ? r.progressed : 0));
  return {
    cases: sum((r) => r.cases),
    casesProgressedToCourt: sum((r) => r.progressed),
    byCourtResult: [...byCourtResult, { courtResult: AWAITING_RESULT, cases: awaiting }],
    devicesServedAsEvidence: sum((r) => r.devicesServed),
    casesWithDeviceDataServedAsEvidence: sum((r) => r.casesServed),
  };
}

// Every scope status, 0 when none; examinations started without one are NOT_RECORDED.
export function buildExaminationsByScopeStatus(
  rows: ScopeStatusRow[],
  scopeStatuses: readonly string[],
): Q4Figures<number>['examinationsByScopeStatus'] {
  const counts = new Map<string, number>(scopeStatuses.map((s) => [s, 0]));
  for (const row of rows) {
    const status = row.scopeStatus ?? NOT_RECORDED;
    counts.set(status, (counts.get(status) ?? 0) + row.examinations);
  }
  return [...counts.entries()]
    .filter(([status, n]) => scopeStatuses.includes(status) || n > 0)
    .map(([scopeStatus, examinations]) => ({ scopeStatus, examinations }));
}

// Days from seizure to completion, counted in local calendar days in the register's zone;
// the median of an even number of values is the mean of the middle two.
export function medianDaysSeizureToCompletion(rows: CompletionRow[], timeZone: string): number | null {
  if (rows.length === 0) return null;
  const dayOf = localDayNumbers(timeZone);
  const days = rows.map((r) => dayOf(r.completedAt) - dayOf(r.seizedAt)).sort((a, b) => a - b);
  const middle = Math.floor(days.length / 2);
  return days.length % 2 === 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
}

function localDayNumber(instant: string, timeZone: string): number {
  return Date.parse(`${localDateOf(instant, timeZone)}T00:00:00Z`) / DAY_MS;
}

// The same local day numbers for many instants (a ten-year report has hundreds of thousands): Luxon
// gives the zone's offset once per UTC midnight, and on a UTC day whose offset changes (its midnight
// and the next differ), at each instant of that day, as Luxon's setZone does (localDateOf). Measured:
// per-instant Luxon calls were most of a large report's time, see test/bench.
export function localDayNumbers(timeZone: string): (instant: string) => number {
  const zone = IANAZone.create(timeZone);
  const atMidnight = new Map<number, number>();
  const midnightOffset = (utcDay: number) => {
    let offset = atMidnight.get(utcDay);
    if (offset === undefined) atMidnight.set(utcDay, (offset = zone.offset(utcDay * DAY_MS)));
    return offset;
  };
  const offsets = new Map<number, number | null>();
  return (instant) => {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) return localDayNumber(instant, timeZone);
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = offsets.get(utcDay);
    if (offset === undefined) {
      const first = midnightOffset(utcDay);
      offset = first === midnightOffset(utcDay + 1) ? first : null;
      offsets.set(utcDay, offset);
    }
    return Math.floor((ms + (offset ?? zone.offset(ms)) * 60_000) / DAY_MS);
  };
}

function byOrder(order: CodeOrder): (a: string, b: string) => number {
  return (a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0);
}
