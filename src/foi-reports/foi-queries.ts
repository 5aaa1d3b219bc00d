import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  countedDevices,
  countedExaminations,
  emptyDigest,
  mergeDigest,
  monthIndexCase,
  type RecordSetDigest,
  runSql,
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

  // Q1: devices seized in the window, by device type and month (months end at monthEnds).
  async q1(scope: FoiScope, monthEnds: string[]): Promise<Counted<Q1Row>> {
    const filter = countedDevices(scope.deviceTypes);
    const month = monthIndexCase('d."seizedAt"', monthEnds);
    const rows = await runSql(
      this.dataSource,
      `SELECT x."deviceType" AS "deviceType", x."monthIndex" AS "monthIndex", COUNT(*) AS "devices", ${DIGEST}
       FROM (SELECT d."deviceType" AS "deviceType", ${month.sql} AS "monthIndex",
                    d."version" AS "version", d."updatedAt" AS "updatedAt"
             FROM "devices" d
             WHERE ${filter.sql} AND d."seizedAt" >= :start AND d."seizedAt" < :end) x
       GROUP BY x."deviceType", x."monthIndex"`,
      { ...filter.params, ...month.params, start: scope.start, end: scope.end },
    );
    return counted(rows, 'devices', (r) => ({
      deviceType: String(r.deviceType),
      monthIndex: toCount(r.monthIndex),
      devices: toCount(r.devices),
    }));
  }

  // Q2 and Q3 in one pass over the window's devices: first per case (its devices, those served as
  // evidence, and its fields, the same on each of its devices), then per classification and court
  // result. A case has one classification and one court result, so distinct cases add up across rows.
  async cases(scope: FoiScope): Promise<{ q2: Q2GroupRow[]; q3: Counted<Q3GroupRow> }> {
    const filter = countedDevices(scope.deviceTypes);
    const groups = ['kind', 'offenceGroup', 'offenceSubgroup', 'incidentCategory', 'courtResult'];
    const rows = await runSql(
      this.dataSource,
      `SELECT ${groups.map((g) => `p."${g}" AS "${g}"`).join(', ')}, p."progressed" AS "progressed",
              COUNT(*) AS "cases", SUM(p."devices") AS "devices", SUM(p."served") AS "devicesServed",
              SUM(CASE WHEN p."served" > 0 THEN 1 ELSE 0 END) AS "casesServed",
              SUM(p."caseVersion") AS "versionSum", MAX(p."caseUpdatedAt") AS "lastUpdatedAt"
       FROM (SELECT d."caseId" AS "caseId",
                    ${groups.map((g) => `MAX(d."case${g[0].toUpperCase()}${g.slice(1)}") AS "${g}"`).join(', ')},
                    MAX(CASE WHEN d."caseProgressedToCourt" THEN 1 ELSE 0 END) AS "progressed",
                    COUNT(*) AS "devices",
                    SUM(CASE WHEN d."evidentialUse" = :served THEN 1 ELSE 0 END) AS "served",
                    MAX(d."caseVersion") AS "caseVersion", MAX(d."caseUpdatedAt") AS "caseUpdatedAt"
             FROM "devices" d
             WHERE ${filter.sql} AND d."seizedAt" >= :start AND d."seizedAt" < :end
             GROUP BY d."caseId") p
       GROUP BY ${groups.map((g) => `p."${g}"`).join(', ')}, p."progressed"`,
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
    const q3 = { rows: [...byResult.values()], digest };
    return { q2, q3 };
  }

  // Q4 (and Q5's total): examinations of the type(s) started in the window, by scope status.
  async examinationsStarted(scope: FoiScope): Promise<Counted<ScopeStatusRow>> {
    const filter = countedExaminations(scope.deviceTypes);
    const rows = await runSql(
      this.dataSource,
      `SELECT x."scopeStatus" AS "scopeStatus", COUNT(*) AS "examinations", ${DIGEST}
       FROM "examinations" x
       WHERE ${filter.sql} AND x."startedAt" >= :start AND x."startedAt" < :end
       GROUP BY x."scopeStatus"`,
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
