import { DateTime } from 'luxon';
import { countedDevices, countedExaminations, type SqlParams } from '../foi-reports/foi-sql.js';
import type { MonthBoundary } from '../foi-reports/report-window.js';
import type { CountsRequest } from './counts-request.js';
import { AGE_BAND_DAYS, AGE_BANDS, type Dimension, dimensionNamed, UNRECORDED } from './dimensions.js';
import { isTimeDimension, timeCodeOf } from './time-codes.js';

// One statement per count: an index range over the window's devices (seizedAt) or examinations (the
// date basis), grouped by the dimensions asked for. A device carries copies of its case's FOI fields and an
// examination its device's type (the report's copies); the few fields without a copy (police outcome,
// court stage, policing area; an examination's case) are read by primary key. The time dimensions are one
// month number per row (CASE over the window's month boundaries); quarters and years follow from it.

export interface CountsStatement {
  sql: string;
  params: SqlParams;
  /** Per `by` dimension, the result column holding its code, or 'month' for a time dimension. */
  columns: string[];
}

// The examination's scope status at its start (set from the scope register on startedAt's local date,
// never changed by completion, or the lab's override of it; migration ScopeAtBothEnds).
export function scopeStatusAtStartColumn(): string {
  return 'x."scopeStatusAtStart"';
}

function dateColumn(request: CountsRequest): string {
  return request.measure === 'examinations' ? `x."${request.dateBasis}"` : 'd."seizedAt"';
}

/** Device family → its device types (device-selection.ts's catalogue). */
export type Families = ReadonlyMap<string, readonly string[]>;

// The SQL expression giving a (non-time) dimension's code for one counted row, NULL for UNRECORDED.
function expression(
  dimension: Dimension,
  request: CountsRequest,
  families: Families,
  params: SqlParams,
): string {
  const exam = request.measure === 'examinations';
  const type = exam ? 'x."deviceType"' : 'd."deviceType"';
  switch (dimension.name) {
    case 'deviceType':
      return type;
    case 'deviceFamily': {
      const whens = [...families].map(([family, types], i) => {
        // A code as a literal (a parameter in THEN has no type on PostgreSQL): reference codes only.
        if (!/^[A-Z0-9_]+$/.test(family)) throw new Error(`unexpected device family code ${family}`);
        params[`familyTypes${i}`] = [...types];
        return `WHEN ${type} IN (:...familyTypes${i}) THEN '${family}'`;
      });
      return whens.length > 0 ? `CASE ${whens.join(' ')} END` : 'NULL';
    }
    case 'caseKind':
      return 'd."caseKind"';
    case 'offenceGroup':
      return 'd."caseOffenceGroup"';
    case 'offenceSubgroup':
      return 'd."caseOffenceSubgroup"';
    case 'incidentCategory':
      return 'd."caseIncidentCategory"';
    case 'courtResult':
      return 'd."caseCourtResult"';
    case 'progressedToCourt':
      return `CASE WHEN d."caseProgressedToCourt" THEN 'YES' ELSE 'NO' END`;
    case 'policeOutcome':
      return 'c."policeOutcome"';
    case 'courtStage':
      return 'c."courtStage"';
    case 'policingArea':
      return 'c."policingArea"';
    case 'evidentialUse':
      return 'd."evidentialUse"';
    case 'custodyStatus':
      // The latest custody event before the end of the window (events are in time order), else SEIZED.
      return `COALESCE((SELECT e."toStatus" FROM "custody_events" e
                        WHERE e."deviceId" = d."id" AND e."at" < :end
                        ORDER BY e."at" DESC, e."createdAt" DESC, e."id" DESC LIMIT 1), 'SEIZED')`;
    case 'examinationStatus':
      return `CASE WHEN x."cancelledAt" < :end THEN 'CANCELLED' WHEN x."completedAt" < :end THEN 'COMPLETED'
                   WHEN x."startedAt" < :end THEN 'IN_PROGRESS' ELSE 'REQUESTED' END`;
    case 'scopeStatusAtStart':
      return scopeStatusAtStartColumn();
    case 'ageBand': {
      const bands = AGE_BAND_DAYS.slice(1).map(
        (days, i) => `WHEN x."requestedAt" >= :age${days} THEN '${AGE_BANDS[i].code}'`,
      );
      return `CASE WHEN x."requestedAt" >= :end OR x."completedAt" < :end OR x."cancelledAt" < :end
                   THEN 'NOT_AWAITING' ${bands.join(' ')} ELSE '${AGE_BANDS[AGE_BAND_DAYS.length - 1].code}' END`;
    }
    default:
      throw new Error(`no SQL for dimension ${dimension.name}`);
  }
}

// Instants at which an awaiting examination's age (whole days from the local date of its request to the
// window's last day) reaches each band: requested on or after local midnight of (to - days) is younger.
function ageBounds(to: string, timeZone: string): SqlParams {
  const end = DateTime.fromISO(to, { zone: timeZone });
  return Object.fromEntries(
    AGE_BAND_DAYS.slice(1).map((days) => [`age${days}`, end.minus({ days }).toJSDate().toISOString()]),
  );
}

export function countsStatement(
  request: CountsRequest,
  months: MonthBoundary[],
  families: Families,
): CountsStatement {
  const { window, deviceTypes } = request.foi;
  const exam = request.measure === 'examinations';
  const counted = exam ? countedExaminations(deviceTypes) : countedDevices(deviceTypes);
  if (exam && request.dateBasis === 'requestedAt' && deviceTypes) {
    // No (type, requestedAt) index: the type is checked inside the requestedAt range. Written as an
    // expression (portable) so SQLite does not read the type's whole history through another type index.
    const all = countedExaminations(null);
    counted.sql = `${all.sql} AND (x."deviceType" || '') IN (:...deviceTypes)`;
  }
  const params: SqlParams = {
    ...counted.params,
    start: window.start,
    end: window.end,
    ...ageBounds(window.to, window.timeZone),
  };
  const date = dateColumn(request);
  const select: string[] = [];
  const columns: string[] = [];
  const where: string[] = [counted.sql, `${date} >= :start`, `${date} < :end`];

  const monthCase = () =>
    `CASE ${months
      .slice(0, -1)
      .map((m, i) => {
        params[`monthEnd${i}`] = m.end;
        return `WHEN ${date} < :monthEnd${i} THEN ${i}`;
      })
      .join(' ')} ELSE ${months.length - 1} END`;
  if (request.by.some((d) => isTimeDimension(d.name))) select.push(`${monthCase()} AS "month"`);
  request.by.forEach((dimension, i) => {
    if (isTimeDimension(dimension.name)) columns.push('month');
    else {
      select.push(`${expression(dimension, request, families, params)} AS "g${i}"`);
      columns.push(`g${i}`);
    }
  });

  let allowedMonths = null as Set<number> | null;
  for (const [name, codes] of request.filters) {
    if (isTimeDimension(name)) {
      const keep = new Set(
        months.map((m, i) => (codes.includes(timeCodeOf(name, m.month).code) ? i : -1)).filter((i) => i >= 0),
      );
      allowedMonths = allowedMonths ? new Set([...allowedMonths].filter((i: number) => keep.has(i))) : keep;
      continue;
    }
    const expr = expression(dimensionNamed(name)!, request, families, params);
    const known = codes.filter((c) => c !== UNRECORDED);
    const parts: string[] = [];
    if (known.length > 0) {
      params[`filter_${name}`] = known;
      parts.push(`${expr} IN (:...filter_${name})`);
    }
    if (codes.includes(UNRECORDED)) parts.push(`${expr} IS NULL`);
    where.push(`(${parts.join(' OR ')})`);
  }
  if (allowedMonths)
    where.push(
      monthRanges(
        [...allowedMonths].sort((a, b) => a - b),
        months,
        date,
        params,
      ),
    );

  const text = [...select, ...where].join(' ');
  const joinDevice = exam && /\bd\."/.test(text);
  const joinCase = /\bc\."/.test(text);
  const from = exam
    ? `"examinations" x${joinDevice || joinCase ? ' INNER JOIN "devices" d ON d."id" = x."deviceId"' : ''}`
    : '"devices" d';
  const caseJoin = joinCase ? ' INNER JOIN "cases" c ON c."id" = d."caseId"' : '';
  const measure = request.measure === 'cases' ? 'COUNT(DISTINCT d."caseId")' : 'COUNT(*)';
  const main = exam ? 'x' : 'd';
  const related = exam
    ? joinDevice || joinCase
      ? 'SUM(d."version" + COALESCE(d."caseVersion", 0))'
      : '0'
    : 'SUM(COALESCE(d."caseVersion", 0))';
  const relatedUpdated = exam
    ? joinDevice || joinCase
      ? 'MAX(d."updatedAt")'
      : 'NULL'
    : 'MAX(d."caseUpdatedAt")';
  const groupBy = select.length > 0 ? ` GROUP BY ${select.map((_, i) => i + 1).join(', ')}` : '';
  const sql = `SELECT ${[
    ...select,
    `${measure} AS "count"`,
    `COUNT(*) AS "records"`,
    `SUM(${main}."version") AS "versionSum"`,
    `MAX(${main}."updatedAt") AS "lastUpdatedAt"`,
    `${related} AS "relatedVersionSum"`,
    `${relatedUpdated} AS "relatedUpdatedAt"`,
  ].join(', ')}
     FROM ${from}${caseJoin}
     WHERE ${where.join(' AND ')}${groupBy}`;
  return { sql, params, columns };
}

// Contiguous runs of the months kept by time filters, as ranges of the date column.
function monthRanges(kept: number[], months: MonthBoundary[], date: string, params: SqlParams): string {
  if (kept.length === 0) return '1 = 0';
  const ranges: [number, number][] = [];
  for (const i of kept) {
    const last = ranges.at(-1);
    if (last && last[1] === i - 1) last[1] = i;
    else ranges.push([i, i]);
  }
  return `(${ranges
    .map(([a, b], r) => {
      params[`rangeStart${r}`] = months[a].start;
      params[`rangeEnd${r}`] = months[b].end;
      return `(${date} >= :rangeStart${r} AND ${date} < :rangeEnd${r})`;
    })
    .join(' OR ')})`;
}
