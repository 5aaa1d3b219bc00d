import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  countedDevices,
  countedExaminations,
  emptyDigest,
  mergeDigest,
  type RecordSetDigest,
  runSql,
  type SqlParams,
  toCount,
} from './foi-sql.js';

// One aggregate query per FOI question, computed by the database: no evidential record is loaded
// into memory (the median reads only the completed examinations' two instants). Each query also
// returns count, sum of versions and latest update of the records it counted, for the fingerprint.

export interface FoiScope {
  deviceTypes: string[] | null;
  start: string;
  end: string;
}

export interface Counted<T> {
  rows: T[];
  digest: RecordSetDigest;
}

export interface Q1Row {
  deviceType: string;
  monthIndex: number;
  devices: number;
}

export interface Q2GroupRow {
  kind: string | null;
  offenceGroup: string | null;
  offenceSubgroup: string | null;
  incidentCategory: string | null;
  devices: number;
  cases: number;
}

export interface Q3GroupRow {
  courtResult: string | null;
  cases: number;
  progressed: number;
  devicesServed: number;
  casesServed: number;
}

export interface ScopeStatusRow {
  scopeStatus: string | null;
  examinations: number;
}

export interface CompletionRow {
  seizedAt: string;
  completedAt: string;
}

const SERVED_EVIDENCE = 'SERVED_EVIDENCE';
const DIGEST = `SUM(x."version") AS "versionSum", MAX(x."updatedAt") AS "lastUpdatedAt"`;

// Every statement reads one index range of devices or examinations and nothing else: a device carries
// copies of its case's FOI fields and an examination copies of its device's type, seizure and void
// (migration CopyFoiFields, kept by triggers), so no counted row is joined to another table.
@Injectable()
export class FoiQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Q1: devices seized in the window, by device type and month: one index range per month (a UNION ALL),
  // so each month is grouped by type on its own, and no row is sorted by a computed month (measured: a
  // third of the CPU of one range with the month computed per row and grouped).
  async q1(scope: FoiScope, months: { start: string; end: string }[]): Promise<Counted<Q1Row>> {
    const filter = countedDevices(scope.deviceTypes);
    const params: SqlParams = { ...filter.params };
    const parts = months.map((month, i) => {
      params[`monthStart${i}`] = month.start;
      params[`monthEnd${i}`] = month.end;
      return `SELECT d."deviceType" AS "deviceType", ${i} AS "monthIndex", COUNT(*) AS "devices",
                     SUM(d."version") AS "versionSum", MAX(d."updatedAt") AS "lastUpdatedAt"
              FROM "devices" d
              WHERE ${filter.sql} AND d."seizedAt" >= :monthStart${i} AND d."seizedAt" < :monthEnd${i}
              GROUP BY d."deviceType"`;
    });
    const rows = await runSql(this.dataSource, parts.join('\n UNION ALL '), params);
    return counted(rows, 'devices', (r) => ({
      deviceType: String(r.deviceType),
      monthIndex: toCount(r.monthIndex),
      devices: toCount(r.devices),
    }));
  }

  // Q2 and Q3 in one pass over the window's devices, grouped by their case's classification, court
  // result and progression (copied on each device): a case has one of each, so the distinct cases of
  // the rows add up. The device's caseFoiKey encodes those six copies (migration CopyFoiCaseKey), so the
  // rows are grouped by it alone (sorting by one column, not six) and each group's six values are its
  // MIN (all equal). The cases' digest sums each counted device's copy of its case's version, which
  // changes whenever a counted case does.
  async cases(scope: FoiScope): Promise<{ q2: Q2GroupRow[]; q3: Counted<Q3GroupRow> }> {
    const filter = countedDevices(scope.deviceTypes);
    const fields = ['Kind', 'OffenceGroup', 'OffenceSubgroup', 'IncidentCategory', 'CourtResult'];
    const served = `d."evidentialUse" = :served`;
    const rows = await runSql(
      this.dataSource,
      `SELECT ${fields.map((f) => `MIN(d."case${f}") AS "${f[0].toLowerCase()}${f.slice(1)}"`).join(', ')},
              MAX(CASE WHEN d."caseProgressedToCourt" THEN 1 ELSE 0 END) AS "progressed",
              COUNT(*) AS "devices", COUNT(DISTINCT d."caseId") AS "cases",
              SUM(CASE WHEN ${served} THEN 1 ELSE 0 END) AS "devicesServed",
              COUNT(DISTINCT CASE WHEN ${served} THEN d."caseId" END) AS "casesServed",
              SUM(d."caseVersion") AS "versionSum", MAX(d."caseUpdatedAt") AS "lastUpdatedAt"
       FROM "devices" d
       WHERE ${filter.sql} AND d."seizedAt" >= :start AND d."seizedAt" < :end
       GROUP BY d."caseFoiKey"`,
      { ...filter.params, served: SERVED_EVIDENCE, start: scope.start, end: scope.end },
    );
    const q2 = rows.map((r) => ({
      kind: nullable(r.kind),
      offenceGroup: nullable(r.offenceGroup),
      offenceSubgroup: nullable(r.offenceSubgroup),
      incidentCategory: nullable(r.incidentCategory),
      devices: toCount(r.devices),
      cases: toCount(r.cases),
    }));
    // Q3 by court result (the rows above also split it by classification and progression).
    const { digest } = counted(rows, 'cases', () => ({}));
    const byResult = new Map<string | null, Q3GroupRow>();
    for (const r of rows) {
      const courtResult = nullable(r.courtResult);
      const row = byResult.get(courtResult) ?? {
        courtResult,
        cases: 0,
        progressed: 0,
        devicesServed: 0,
        casesServed: 0,
      };
      row.cases += toCount(r.cases);
      if (toCount(r.progressed) > 0) row.progressed += toCount(r.cases);
      row.devicesServed += toCount(r.devicesServed);
      row.casesServed += toCount(r.casesServed);
      byResult.set(courtResult, row);
    }
    return { q2, q3: { rows: [...byResult.values()], digest } };
  }

  // Q4 (and Q5's total): examinations of the type(s) started in the window, by their scope status at
  // start (never changed by completion).
  async examinationsStarted(scope: FoiScope): Promise<Counted<ScopeStatusRow>> {
    const filter = countedExaminations(scope.deviceTypes);
    const rows = await runSql(
      this.dataSource,
      `SELECT x."scopeStatusAtStart" AS "scopeStatus", COUNT(*) AS "examinations", ${DIGEST}
       FROM "examinations" x
       WHERE ${filter.sql} AND x."startedAt" >= :start AND x."startedAt" < :end
       GROUP BY x."scopeStatusAtStart"`,
      { ...filter.params, start: scope.start, end: scope.end },
    );
    return counted(rows, 'examinations', (r) => ({
      scopeStatus: nullable(r.scopeStatus),
      examinations: toCount(r.examinations),
    }));
  }

  // Backlog: devices with an examination requested before the end, neither completed nor cancelled by
  // then. Three disjoint index ranges (completed after the end; open; cancelled after the end), so the
  // statement reads the examinations open at the end, not every examination requested before it.
  async awaitingAtEnd(scope: FoiScope): Promise<Counted<{ devices: number }>> {
    const filter = countedExaminations(scope.deviceTypes);
    const part = (closed: string) =>
      `SELECT x."deviceId" AS "deviceId", x."version" AS "version", x."updatedAt" AS "updatedAt"
       FROM "examinations" x WHERE ${filter.sql} AND ${closed} AND x."requestedAt" < :end`;
    const rows = await runSql(
      this.dataSource,
      `SELECT COUNT(DISTINCT o."deviceId") AS "devices", COUNT(*) AS "examinations",
              SUM(o."version") AS "versionSum", MAX(o."updatedAt") AS "lastUpdatedAt"
       FROM (${part('x."completedAt" >= :end AND (x."cancelledAt" IS NULL OR x."cancelledAt" >= :end)')}
             UNION ALL ${part('x."completedAt" IS NULL AND x."cancelledAt" IS NULL')}
             UNION ALL ${part('x."completedAt" IS NULL AND x."cancelledAt" >= :end')}) o`,
      { ...filter.params, end: scope.end },
    );
    return counted(rows, 'examinations', (r) => ({ devices: toCount(r.devices) }));
  }

  // Backlog median: the only query returning one row per record, and only two instants each
  // (portable day arithmetic in SQL is not possible on text instants). The seizure instant is the
  // examination's copy of its device's; the digest sums them (in seconds) too, so a change of a
  // device's seizure changes the fingerprint even when the device was seized before the window.
  async completions(scope: FoiScope): Promise<Counted<CompletionRow>> {
    const filter = countedExaminations(scope.deviceTypes);
    const rows = await runSql(
      this.dataSource,
      `SELECT x."deviceSeizedAt" AS "seizedAt", x."completedAt" AS "completedAt",
              x."version" AS "versionSum", x."updatedAt" AS "lastUpdatedAt"
       FROM "examinations" x
       WHERE ${filter.sql} AND x."completedAt" >= :start AND x."completedAt" < :end`,
      { ...filter.params, start: scope.start, end: scope.end },
    );
    const digest: RecordSetDigest & { seizedSeconds: number } = { ...emptyDigest(), seizedSeconds: 0 };
    for (const row of rows) {
      mergeDigest(digest, row, 1);
      digest.seizedSeconds += Math.floor(Date.parse(String(row.seizedAt)) / 1000);
    }
    return {
      rows: rows.map((r) => ({ seizedAt: String(r.seizedAt), completedAt: String(r.completedAt) })),
      digest,
    };
  }

  // The scope register rows Q4 reads (the types' own rows and ALL_DIGITAL), for the fingerprint.
  async scopeEntries(deviceTypes: string[] | null, allDigital: string): Promise<RecordSetDigest> {
    const typeFilter = deviceTypes ? ' AND x."deviceType" IN (:...deviceTypes)' : '';
    const rows = await runSql(
      this.dataSource,
      `SELECT COUNT(*) AS "entries", ${DIGEST} FROM "scope_entries" x
       WHERE x."voidedAt" IS NULL${typeFilter}`,
      deviceTypes ? { deviceTypes: [...deviceTypes, allDigital] } : {},
    );
    return counted(rows, 'entries', () => ({})).digest;
  }

  // Device types with scope rows of their own (for Q4 when every type is asked for).
  async scopedDeviceTypes(): Promise<string[]> {
    const rows = await runSql(
      this.dataSource,
      `SELECT DISTINCT x."deviceType" AS "deviceType" FROM "scope_entries" x WHERE x."voidedAt" IS NULL`,
      {},
    );
    return rows.map((r) => String(r.deviceType)).sort();
  }
}

function counted<T>(
  rows: Record<string, unknown>[],
  countColumn: string,
  map: (row: Record<string, unknown>) => T,
): Counted<T> {
  const digest = emptyDigest();
  for (const row of rows) mergeDigest(digest, row, toCount(row[countColumn]));
  return { rows: rows.map(map), digest };
}

function nullable(value: unknown): string | null {
  return typeof value === 'string'
    ? value
    : value === null || value === undefined
      ? null
      : JSON.stringify(value);
}
