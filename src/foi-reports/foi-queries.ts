import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  countedDevices,
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
// Examinations are read first, by their date index: CROSS JOIN keeps SQLite from starting at every
// device of the type ever seized (PostgreSQL plans a CROSS JOIN with these WHERE terms as an inner join).
const EXAMINATIONS_FIRST = `"examinations" x CROSS JOIN "devices" d CROSS JOIN "cases" c`;
const JOINED = `d."id" = x."deviceId" AND c."id" = d."caseId"`;
const DIGEST = `SUM(x."version") AS "versionSum", MAX(x."updatedAt") AS "lastUpdatedAt"`;

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
             FROM "devices" d INNER JOIN "cases" c ON c."id" = d."caseId"
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

  // Q2: the same devices by their case's classification; cases are distinct within a group.
  async q2(scope: FoiScope): Promise<Q2GroupRow[]> {
    const filter = countedDevices(scope.deviceTypes);
    const rows = await runSql(
      this.dataSource,
      `SELECT c."kind" AS "kind", c."offenceGroup" AS "offenceGroup", c."offenceSubgroup" AS "offenceSubgroup",
              c."incidentCategory" AS "incidentCategory", COUNT(*) AS "devices", COUNT(DISTINCT c."id") AS "cases"
       FROM "devices" d INNER JOIN "cases" c ON c."id" = d."caseId"
       WHERE ${filter.sql} AND d."seizedAt" >= :start AND d."seizedAt" < :end
       GROUP BY c."kind", c."offenceGroup", c."offenceSubgroup", c."incidentCategory"`,
      { ...filter.params, start: scope.start, end: scope.end },
    );
    return rows.map((r) => ({
      kind: nullable(r.kind),
      offenceGroup: nullable(r.offenceGroup),
      offenceSubgroup: nullable(r.offenceSubgroup),
      incidentCategory: nullable(r.incidentCategory),
      devices: toCount(r.devices),
      cases: toCount(r.cases),
    }));
  }

  // Q3: over the distinct cases of the Q1 devices, grouped by court result (totals are the sums).
  // Grouped by c.id, not d.caseId (equal by the join): grouping by d.caseId let SQLite read every device
  // in caseId order through the exhibit index instead of the window's range (4x the CPU at 1M devices).
  async q3(scope: FoiScope): Promise<Counted<Q3GroupRow>> {
    const filter = countedDevices(scope.deviceTypes);
    const rows = await runSql(
      this.dataSource,
      `SELECT x."courtResult" AS "courtResult", COUNT(*) AS "cases",
              SUM(CASE WHEN x."progressedToCourt" THEN 1 ELSE 0 END) AS "progressed",
              SUM(per."served") AS "devicesServed",
              SUM(CASE WHEN per."served" > 0 THEN 1 ELSE 0 END) AS "casesServed", ${DIGEST}
       FROM (SELECT c."id" AS "caseId",
                    SUM(CASE WHEN d."evidentialUse" = :served THEN 1 ELSE 0 END) AS "served"
             FROM "devices" d INNER JOIN "cases" c ON c."id" = d."caseId"
             WHERE ${filter.sql} AND d."seizedAt" >= :start AND d."seizedAt" < :end
             GROUP BY c."id") per
       INNER JOIN "cases" x ON x."id" = per."caseId"
       GROUP BY x."courtResult"`,
      { ...filter.params, served: SERVED_EVIDENCE, start: scope.start, end: scope.end },
    );
    return counted(rows, 'cases', (r) => ({
      courtResult: nullable(r.courtResult),
      cases: toCount(r.cases),
      progressed: toCount(r.progressed),
      devicesServed: toCount(r.devicesServed),
      casesServed: toCount(r.casesServed),
    }));
  }

  // Q4 (and Q5's total): examinations of the type(s) started in the window, by scope status.
  async examinationsStarted(scope: FoiScope): Promise<Counted<ScopeStatusRow>> {
    const filter = countedDevices(scope.deviceTypes);
    const rows = await runSql(
      this.dataSource,
      `SELECT x."scopeStatus" AS "scopeStatus", COUNT(*) AS "examinations", ${DIGEST}
       FROM ${EXAMINATIONS_FIRST}
       WHERE ${JOINED} AND x."voidedAt" IS NULL AND ${filter.sql} AND x."startedAt" >= :start AND x."startedAt" < :end
       GROUP BY x."scopeStatus"`,
      { ...filter.params, start: scope.start, end: scope.end },
    );
    return counted(rows, 'examinations', (r) => ({
      scopeStatus: nullable(r.scopeStatus),
      examinations: toCount(r.examinations),
    }));
  }

  // Backlog: devices with an examination requested before the end, neither completed nor cancelled by then.
  async awaitingAtEnd(scope: FoiScope): Promise<Counted<{ devices: number }>> {
    const filter = countedDevices(scope.deviceTypes);
    const rows = await runSql(
      this.dataSource,
      `SELECT COUNT(DISTINCT d."id") AS "devices", COUNT(*) AS "examinations", ${DIGEST}
       FROM ${EXAMINATIONS_FIRST}
       WHERE ${JOINED} AND x."voidedAt" IS NULL AND ${filter.sql} AND x."requestedAt" < :end
         AND (x."completedAt" IS NULL OR x."completedAt" >= :end)
         AND (x."cancelledAt" IS NULL OR x."cancelledAt" >= :end)`,
      { ...filter.params, end: scope.end },
    );
    return counted(rows, 'examinations', (r) => ({ devices: toCount(r.devices) }));
  }

  // Backlog median: the only query returning one row per record, and only two instants each
  // (portable day arithmetic in SQL is not possible on text instants).
  async completions(scope: FoiScope): Promise<Counted<CompletionRow>> {
    const filter = countedDevices(scope.deviceTypes);
    const rows = await runSql(
      this.dataSource,
      `SELECT d."seizedAt" AS "seizedAt", x."completedAt" AS "completedAt",
              x."version" + d."version" AS "versionSum",
              CASE WHEN x."updatedAt" > d."updatedAt" THEN x."updatedAt" ELSE d."updatedAt" END AS "lastUpdatedAt"
       FROM ${EXAMINATIONS_FIRST}
       WHERE ${JOINED} AND x."voidedAt" IS NULL AND ${filter.sql} AND x."completedAt" >= :start AND x."completedAt" < :end`,
      { ...filter.params, start: scope.start, end: scope.end },
    );
    const digest = emptyDigest();
    for (const row of rows) mergeDigest(digest, row, 1);
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
