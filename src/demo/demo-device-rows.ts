import type { CustodyEvent } from '../devices/custody-event.entity.js';
import type { Device } from '../devices/device.entity.js';
import type { Examination } from '../examinations/examination.entity.js';
import { FINDINGS, GENERIC_MAKES, MAKES, METHODS } from './demo-catalogue.js';
import type { CaseStory } from './demo-case-rows.js';
import { DAY_MS, type DemoContext, HOUR_MS, iso, MINUTE_MS, type Officer } from './demo-context.js';
import type { CaseProfile } from './demo-profiles.js';

export type DeviceRow = Omit<Device, 'case'>;
export type CustodyRow = Omit<CustodyEvent, 'device'>;
export type ExaminationRow = Omit<Examination, 'device'>;

export interface DeviceBundle {
  device: DeviceRow;
  custody: CustodyRow[];
  examination: ExaminationRow | null;
}

const FSR_CODE_IN_FORCE = '2023-10-01T23:00:00.000Z';
const LAB = 'Digital forensic unit';

// One seized device with its custody trail and, for some, a lab examination.
export function buildDevice(
  ctx: DemoContext,
  profile: CaseProfile,
  caseId: string,
  story: CaseStory,
  officer: Officer,
  index: number,
  seizedAt: number,
): DeviceBundle {
  const { rng } = ctx;
  const deviceType = rng.weighted(profile.devices);
  const [make, model, app] = rng.pick(MAKES[deviceType] ?? GENERIC_MAKES);
  const id = rng.sequentialUuid();
  const examination = rng.chance(profile.examineShare)
    ? buildExamination(ctx, id, deviceType, seizedAt)
    : null;
  const custody = buildCustody(ctx, id, officer, seizedAt, examination, story);
  const evidentialUse = evidentialUseOf(ctx, profile, story, examination);
  const voided = rng.chance(0.004);
  const mac = rng.chance(0.85) ? rng.hexString(12).replace(/(..)(?!$)/g, '$1:') : null;
  const last = custody.at(-1);
  const updates = [seizedAt, ...custody.map((c) => Date.parse(c.at))];
  if (evidentialUse !== 'UNKNOWN') updates.push(story.finalisedAt ?? story.closedAt ?? seizedAt);
  const device: DeviceRow = {
    id,
    caseId,
    exhibitRef: `${officer.initials}/${index + 1}`,
    deviceType,
    make,
    model,
    serialNumber: rng.chance(0.9) ? rng.hexString(12) : null,
    macAddress: mac,
    firmwareVersion: rng.chance(0.6) ? `${rng.int(1, 3)}.${rng.int(0, 9)}.${rng.int(0, 20)}` : null,
    seizedAt: iso(seizedAt),
    seizedBy: officer.collar,
    seizureLocation: rng.pick(ctx.addresses),
    powerStateAtSeizure: rng.weighted([
      ['ON', 55],
      ['OFF', 30],
      ['UNKNOWN', 15],
    ] as const),
    photographedInSitu: rng.chance(0.85),
    networkIsolated: rng.chance(0.15) ? null : rng.chance(0.7),
    companionApp: rng.chance(0.7) ? app : null,
    cloudAccountIdentifier: rng.chance(0.25) ? rng.pick(ctx.accounts) : null,
    custodyStatus: last?.toStatus ?? 'SEIZED',
    evidentialUse,
    propertyReference: null, // no random draw: the same seed gives the same register as before
    createdAt: iso(seizedAt + 30 * MINUTE_MS),
    createdBy: ctx.actorId,
    updatedAt: iso(Math.min(Math.max(...updates) + MINUTE_MS, ctx.nowMs)),
    version: updates.length + (voided ? 1 : 0),
    voidedAt: voided ? iso(seizedAt + DAY_MS) : null,
    voidedBy: voided ? ctx.actorId : null,
    voidReason: voided ? 'Duplicate entry: exhibit recorded twice' : null,
  };
  if (voided) device.updatedAt = device.voidedAt as string;
  return { device, custody, examination };
}

function buildExamination(
  ctx: DemoContext,
  deviceId: string,
  deviceType: string,
  seizedAt: number,
): ExaminationRow | null {
  const { rng } = ctx;
  const requested = seizedAt + (1 + rng.exponential(10)) * DAY_MS;
  if (requested > ctx.nowMs) return null;
  let started: number | null = requested + (2 + rng.exponential(45)) * DAY_MS;
  let completed: number | null = started + (1 + rng.exponential(14)) * DAY_MS;
  let cancelled: number | null = rng.chance(0.06) ? requested + rng.exponential(30) * DAY_MS : null;
  if (cancelled !== null && cancelled > ctx.nowMs) cancelled = null;
  if (cancelled !== null) {
    completed = null;
    if (started > cancelled) started = null;
  }
  if (started !== null && started > ctx.nowMs) started = completed = null;
  if (completed !== null && completed > ctx.nowMs) completed = null;
  const status = cancelled ? 'CANCELLED' : completed ? 'COMPLETED' : started ? 'IN_PROGRESS' : 'REQUESTED';
  const atStart = started === null ? null : ctx.scope.statusAt(deviceType, iso(started));
  const atCompletion = completed === null ? null : ctx.scope.statusAt(deviceType, iso(completed));
  const changes = [requested, started, completed, cancelled].filter((t): t is number => t !== null);
  return {
    id: rng.sequentialUuid(),
    deviceId,
    requestedAt: iso(requested),
    status,
    startedAt: started === null ? null : iso(started),
    completedAt: completed === null ? null : iso(completed),
    cancelledAt: cancelled === null ? null : iso(cancelled),
    scopeStatusAtStart: atStart,
    scopeStartOverrideReason: null,
    scopeStatusAtCompletion: atCompletion,
    scopeCompletionOverrideReason: null,
    codeCompliance: codeCompliance(started, atCompletion ?? atStart, completed !== null),
    dataRecovered: completed === null ? null : rng.chance(0.75),
    methods: started === null ? null : rng.pick(METHODS),
    findingsSummary: completed === null ? null : rng.pick(FINDINGS),
    toolsUsed: null, // no random draw: the same seed gives the same register as before
    createdAt: iso(requested),
    createdBy: ctx.actorId,
    updatedAt: iso(Math.max(...changes)),
    version: changes.length,
    voidedAt: null,
    voidedBy: null,
    voidReason: null,
  };
}

function codeCompliance(started: number | null, scopeStatus: string | null, completed: boolean): string {
  if (started === null || !completed) return 'NOT_ASSESSED';
  if (iso(started) < FSR_CODE_IN_FORCE) return 'NOT_SUBJECT_TO_CODE';
  return scopeStatus?.startsWith('IN_SCOPE') ? 'COMPLIANT' : 'NON_COMPLIANT_DECLARED';
}

function evidentialUseOf(
  ctx: DemoContext,
  profile: CaseProfile,
  story: CaseStory,
  examination: ExaminationRow | null,
): string {
  const { rng } = ctx;
  if (story.charged) {
    const served = examination?.completedAt ? profile.servedShare * 1.5 : profile.servedShare * 0.5;
    if (rng.chance(Math.min(served, 0.9))) return 'SERVED_EVIDENCE';
    return rng.weighted([
      ['UNUSED_NON_SENSITIVE', 50],
      ['NOT_RELEVANT', 30],
      ['UNUSED_SENSITIVE', 5],
      ['UNKNOWN', 15],
    ] as const);
  }
  if (story.closedAt !== null)
    return rng.weighted([
      ['NOT_RELEVANT', 40],
      ['UNKNOWN', 60],
    ] as const);
  return 'UNKNOWN';
}

function buildCustody(
  ctx: DemoContext,
  deviceId: string,
  officer: Officer,
  seizedAt: number,
  examination: ExaminationRow | null,
  story: CaseStory,
): CustodyRow[] {
  const { rng } = ctx;
  const events: CustodyRow[] = [];
  let cursor = seizedAt;
  let holder = officer.collar;
  const move = (at: number, toHolder: string, toStatus: string, purpose: string) => {
    const when = Math.max(at, cursor + 10 * MINUTE_MS);
    if (when > ctx.nowMs) return false;
    events.push({
      id: rng.sequentialUuid(),
      deviceId,
      at: iso(when),
      fromHolder: holder,
      toHolder,
      toStatus,
      purpose,
      notes: null,
      sealNumber: `SE${rng.int(10_000_000, 99_999_999)}`,
      sealIntact: rng.chance(0.995),
      recordedBy: officer.collar,
      createdAt: iso(when),
      createdBy: ctx.actorId,
      voidedAt: null,
      voidedBy: null,
      voidReason: null,
    });
    cursor = when;
    holder = toHolder;
    return true;
  };
  move(seizedAt + rng.int(20, 90) * MINUTE_MS, 'Station temporary store', 'IN_TEMPORARY_STORE', 'BOOK_IN');
  move(cursor + rng.int(1, 4) * DAY_MS, 'Main property store', 'IN_MAIN_STORE', 'TRANSFER');
  if (examination) {
    move(Date.parse(examination.requestedAt) + HOUR_MS, LAB, 'SUBMITTED_TO_LAB', 'SUBMIT_TO_LAB');
    if (examination.startedAt) move(Date.parse(examination.startedAt), LAB, 'UNDER_EXAMINATION', 'TRANSFER');
    const back = examination.completedAt ?? examination.cancelledAt;
    if (back) {
      const done = examination.completedAt ? 'EXAMINATION_COMPLETE' : 'IN_MAIN_STORE';
      if (move(Date.parse(back), LAB, done, 'RETURNED_FROM_LAB') && examination.completedAt) {
        move(cursor + rng.int(2, 10) * DAY_MS, 'Main property store', 'IN_MAIN_STORE', 'TRANSFER');
      }
    }
  }
  const endedAt = story.finalisedAt ?? story.closedAt;
  if (endedAt !== null) {
    const disposal = story.convicted
      ? rng.weighted([
          ['FORFEITED', 30],
          ['DESTROYED', 50],
          ['RETAINED_OTHER', 20],
        ] as const)
      : rng.weighted([
          ['RETURNED_TO_OWNER', 60],
          ['DESTROYED', 30],
          ['RETAINED_OTHER', 10],
        ] as const);
    move(
      endedAt + rng.int(30, 120) * DAY_MS,
      disposal === 'RETURNED_TO_OWNER' ? 'Owner' : 'Disposals',
      disposal,
      disposal === 'RETURNED_TO_OWNER' ? 'RETURN_TO_OWNER' : 'DISPOSAL',
    );
  }
  return events;
}
