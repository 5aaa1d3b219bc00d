import type { Case } from '../cases/case.entity.js';
import { progressedToCourt } from '../cases/progressed-to-court.js';
import { referenceKeyOf } from '../cases/reference-key.js';
import { COURT_RESULTS, COURT_STAGES, OTHER_OUTCOMES } from './demo-catalogue.js';
import { DAY_MS, type DemoContext, HOUR_MS, iso, localDate } from './demo-context.js';
import type { CaseProfile } from './demo-profiles.js';

export type CaseRow = Case;

// How a case ended up, for the devices' evidential use and disposal.
export interface CaseStory {
  charged: boolean;
  finalisedAt: number | null;
  closedAt: number | null;
  convicted: boolean;
}

// One case: its classification, then a police outcome and court progress as time allows.
export function buildCase(
  ctx: DemoContext,
  profile: CaseProfile,
  seq: number,
  seizedAt: number,
): { row: CaseRow; story: CaseStory } {
  const { rng } = ctx;
  const cls = rng.weighted(profile.classes);
  const changes: number[] = [seizedAt + HOUR_MS];
  let policeOutcome: string | null = null;
  let courtStage: string | null = null;
  let courtResult: string | null = null;
  let courtResultAt: string | null = null;
  const story: CaseStory = { charged: false, finalisedAt: null, closedAt: null, convicted: false };

  if (cls.kind === 'CRIME' && cls.offenceSubgroup) {
    const outcomeAt = seizedAt + (14 + rng.exponential(110)) * DAY_MS;
    if (outcomeAt <= ctx.nowMs) {
      changes.push(outcomeAt);
      story.charged = rng.chance(profile.chargeShare);
      if (story.charged) {
        // A few charged cases never had the outcome recorded: court stage alone shows the progress.
        policeOutcome = rng.chance(0.03) ? null : rng.chance(0.95) ? '1' : '1A';
        const finalisedAt = outcomeAt + (30 + rng.exponential(200)) * DAY_MS;
        if (finalisedAt <= ctx.nowMs) {
          courtStage = 'FINALISED';
          courtResult = rng.weighted(COURT_RESULTS);
          courtResultAt = localDate(finalisedAt, ctx.timeZone);
          story.finalisedAt = finalisedAt;
          story.convicted = ['GUILTY_PLEA', 'CONVICTED_AFTER_TRIAL', 'PROVED_IN_ABSENCE'].includes(
            courtResult,
          );
          changes.push(finalisedAt);
        } else {
          const share = (ctx.nowMs - outcomeAt) / (finalisedAt - outcomeAt);
          courtStage = COURT_STAGES.filter(([, from]) => from <= share).at(-1)?.[0] ?? null;
        }
      } else {
        policeOutcome = rng.weighted(OTHER_OUTCOMES);
        if (rng.chance(0.3)) courtStage = 'NOT_CHARGED';
        story.closedAt = outcomeAt;
      }
    }
  } else if (cls.kind === 'INCIDENT') {
    const closedAt = seizedAt + (3 + rng.exponential(40)) * DAY_MS;
    if (closedAt <= ctx.nowMs) story.closedAt = closedAt;
  }

  const crime = cls.kind === 'CRIME' ? cls : null;
  const voided = rng.chance(0.002);
  const createdAt = iso(seizedAt + HOUR_MS);
  const voidedAt = voided ? iso(seizedAt + 2 * DAY_MS) : null;
  const updatedAt = voidedAt ?? iso(Math.max(...changes));
  const year = localDate(seizedAt, ctx.timeZone).slice(2, 4);
  const reference = `${cls.kind === 'CRIME' ? 'CR' : 'INC'}/${String(seq).padStart(7, '0')}/${year}`;
  const row: CaseRow = {
    id: rng.sequentialUuid(),
    reference,
    referenceKey: referenceKeyOf(reference),
    kind: cls.kind,
    offenceGroup: crime?.offenceSubgroup ? ctx.groupOf(crime.offenceSubgroup) : null,
    offenceSubgroup: crime?.offenceSubgroup ?? null,
    homeOfficeCode: crime?.homeOfficeCode ?? null,
    incidentCategory: cls.kind === 'INCIDENT' ? cls.incidentCategory : null,
    policeOutcome,
    courtStage,
    courtResult,
    courtResultAt,
    policingArea: policingAreaOf(ctx.policingAreas, seq),
    progressedToCourt: progressedToCourt(policeOutcome, courtStage),
    createdAt,
    createdBy: ctx.actorId,
    updatedAt,
    version: changes.length + (voided ? 1 : 0),
    voidedAt,
    voidedBy: voided ? ctx.actorId : null,
    voidReason: voided ? 'Entered against the wrong reference' : null,
  };
  return { row, story };
}

// The case's policing area from its sequence number, not from the random stream (so a seed gives the
// same register as before the field existed): areas unevenly used, about one case in 25 UNRECORDED.
export function policingAreaOf(areas: readonly string[], seq: number): string | null {
  if (areas.length === 0) return null;
  const h = Math.imul(seq ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  if (h % 25 === 0) return null;
  // Squaring a uniform draw favours the first areas of the list, as real demand is uneven.
  const u = (h >>> 8) / 0x1000000;
  return areas[Math.min(areas.length - 1, Math.floor(u * u * areas.length))];
}
