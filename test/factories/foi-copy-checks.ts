import { caseFoiKey } from '../../src/database/migrations/1764408300000-CopyFoiCaseKey.triggers.js';

// The FOI copies (devices' case*, examinations' device*) against their originals: how many rows are wrong,
// and how many carry a copy at all. Shared by the specs that prove the copy triggers work.
const DEVICE_COPY_WRONG = `SELECT COUNT(*) AS n FROM "devices" d JOIN "cases" c ON c."id" = d."caseId" WHERE
  d."caseKind" IS DISTINCT FROM c."kind" OR d."caseOffenceGroup" IS DISTINCT FROM c."offenceGroup"
  OR d."caseOffenceSubgroup" IS DISTINCT FROM c."offenceSubgroup"
  OR d."caseIncidentCategory" IS DISTINCT FROM c."incidentCategory"
  OR d."caseCourtResult" IS DISTINCT FROM c."courtResult"
  OR d."caseProgressedToCourt" IS DISTINCT FROM c."progressedToCourt"
  OR d."caseVoidedAt" IS DISTINCT FROM c."voidedAt" OR d."caseVersion" IS DISTINCT FROM c."version"
  OR d."caseUpdatedAt" IS DISTINCT FROM c."updatedAt" OR d."caseFoiKey" IS DISTINCT FROM ${caseFoiKey('c')}`;
const EXAMINATION_COPY_WRONG = `SELECT COUNT(*) AS n FROM "examinations" x JOIN "devices" d ON d."id" = x."deviceId"
  WHERE x."deviceType" IS DISTINCT FROM d."deviceType" OR x."deviceSeizedAt" IS DISTINCT FROM d."seizedAt"
  OR x."deviceVoidedAt" IS DISTINCT FROM COALESCE(d."voidedAt", d."caseVoidedAt")`;
const COPIED = `SELECT (SELECT COUNT(*) FROM "devices" WHERE "caseKind" IS NOT NULL) AS devices,
  (SELECT COUNT(*) FROM "examinations" WHERE "deviceType" IS NOT NULL) AS examinations`;

export type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export async function copies(query: Query) {
  const [devices] = await query(DEVICE_COPY_WRONG);
  const [examinations] = await query(EXAMINATION_COPY_WRONG);
  const [copied] = await query(COPIED);
  return {
    wrong: { devices: Number(devices.n), examinations: Number(examinations.n) },
    copied: { devices: Number(copied.devices), examinations: Number(copied.examinations) },
  };
}
