import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { loadReferenceRows } from '../reference-data/reference-lists.js';
import { buildCase } from './demo-case-rows.js';
import { makeContext, MINUTE_MS, seizureTime } from './demo-context.js';
import { buildDevice } from './demo-device-rows.js';
import { CASE_PROFILES } from './demo-profiles.js';
import { DemoRandom } from './demo-random.js';
import { demoScopeEntries, ScopeTimeline } from './demo-scope.js';
import { DemoWriter } from './demo-writer.js';

export interface DemoSeedOptions {
  devices: number;
  seed: number;
  now: Date;
  timeZone: string;
  onProgress?: (devices: number) => void;
}

export interface DemoSeedResult {
  devices: number;
  cases: number;
  rows: Record<string, number>;
  totalRows: number;
  seconds: number;
}

const CANNABIS = 'cannabis cultivation';

// Fills an empty register with a generated one: the same seed and "now" give the same rows.
// One audit event (demo.seed) records the run, so the audit chain still verifies.
export async function seedDemoRegister(
  dataSource: DataSource,
  audit: AuditService,
  options: DemoSeedOptions,
): Promise<DemoSeedResult> {
  const started = process.hrtime.bigint();
  const [{ n }] = (await dataSource.query('SELECT COUNT(*) AS n FROM "cases"')) as { n: number | string }[];
  if (Number(n) > 0) throw new Error('The demo database already holds cases; seed an empty one.');

  const rng = new DemoRandom(options.seed);
  const reference = loadReferenceRows();
  const claims = new Set(
    reference
      .filter((r) => r.list === 'accreditation-statuses')
      .filter(
        (r) => (JSON.parse(r.attributes ?? '{}') as { canClaimAccredited?: boolean }).canClaimAccredited,
      )
      .map((r) => r.code),
  );
  const groups = new Map(
    reference.filter((r) => r.list === 'offence-subgroups').map((r) => [r.code, r.parentCode]),
  );
  const nowIso = options.now.toISOString();
  const actorId = rng.uuid();
  const scopeEntries = demoScopeEntries(DateTime.fromJSDate(options.now, { zone: options.timeZone }), () =>
    rng.uuid(),
  );
  const scope = new ScopeTimeline(scopeEntries, options.timeZone, (status) => claims.has(status));
  const policingAreas = reference.filter((r) => r.list === 'policing-areas').map((r) => r.code);
  const ctx = makeContext(
    rng,
    options.now,
    options.timeZone,
    actorId,
    scope,
    (s) => groups.get(s) ?? null,
    policingAreas,
  );

  const writer = new DemoWriter(dataSource);
  writer.bulkLoad(true);
  await writer.add('users', [
    { id: actorId, name: 'Demo data generator', role: 'admin', createdAt: nowIso, disabledAt: nowIso },
  ]);
  await writer.add(
    'scope_entries',
    scopeEntries.map((e) => {
      const createdAt = DateTime.fromISO(e.effectiveFrom, { zone: options.timeZone })
        .toJSDate()
        .toISOString();
      return {
        ...e,
        standard: 'ISO/IEC 17025:2017',
        accreditationBody: 'UKAS',
        fsaCode: null,
        createdAt,
        createdBy: actorId,
        updatedAt: createdAt,
        version: 1,
        voidedAt: null,
        voidedBy: null,
        voidReason: null,
      };
    }),
  );

  let devices = 0;
  let cases = 0;
  while (devices < options.devices) {
    const profile = rng.weighted(CASE_PROFILES);
    const wanted = profile.minDevices + Math.floor(rng.exponential(profile.extraMean));
    const count = Math.min(wanted, profile.maxDevices, options.devices - devices);
    const seizedAt = seizureTime(ctx, profile.name === CANNABIS);
    const { row, story } = buildCase(ctx, profile, cases + 1, seizedAt);
    const officer = rng.pick(ctx.officers);
    const bundles = Array.from({ length: count }, (_, i) =>
      buildDevice(ctx, profile, row.id, story, officer, i, seizedAt + i * rng.int(1, 6) * MINUTE_MS),
    );
    await writer.add('cases', [row]);
    await writer.add(
      'devices',
      bundles.map((b) => b.device),
    );
    await writer.add(
      'custody_events',
      bundles.flatMap((b) => b.custody),
    );
    await writer.add(
      'examinations',
      bundles.flatMap((b) => (b.examination ? [b.examination] : [])),
    );
    cases += 1;
    devices += count;
    if (cases % 2000 === 0) options.onProgress?.(devices);
  }
  await writer.flush();
  writer.bulkLoad(false);
  options.onProgress?.(devices);

  const rows = Object.fromEntries(writer.written);
  await dataSource.transaction(async (manager) => {
    await audit.record(manager, {
      actorId,
      action: 'demo.seed',
      entity: 'demo',
      entityId: rng.uuid(),
      after: { seed: options.seed, now: nowIso, timeZone: options.timeZone, rows },
    });
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const totalRows = Object.values(rows).reduce((s, r) => s + r, 0);
  return { devices, cases, rows, totalRows, seconds };
}
