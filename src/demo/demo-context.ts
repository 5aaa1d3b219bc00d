import { DateTime } from 'luxon';
import type { DemoRandom } from './demo-random.js';
import type { ScopeTimeline } from './demo-scope.js';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
export const DEMO_YEARS = 5;

export interface Officer {
  collar: string;
  initials: string;
}

// Everything a row builder needs besides the random stream: the clock, the zone and made-up pools
// (officers, addresses, account names), drawn once so rows are cheap to build.
export interface DemoContext {
  rng: DemoRandom;
  nowMs: number;
  startMs: number;
  timeZone: string;
  actorId: string;
  scope: ScopeTimeline;
  officers: Officer[];
  addresses: string[];
  accounts: string[];
  groupOf: (offenceSubgroup: string) => string | null;
  /** The policing-areas codes a case is recorded against (none: every case UNRECORDED). */
  policingAreas: readonly string[];
}

export function makeContext(
  rng: DemoRandom,
  now: Date,
  timeZone: string,
  actorId: string,
  scope: ScopeTimeline,
  groupOf: (offenceSubgroup: string) => string | null,
  policingAreas: readonly string[] = [],
): DemoContext {
  const f = rng.faker;
  const officers = Array.from({ length: 600 }, (_, i) => ({
    collar: `PC ${1000 + i * 7}`,
    initials: f.string.alpha({ length: rng.int(2, 3), casing: 'upper' }),
  }));
  const addresses = Array.from({ length: 3000 }, () => `${f.location.streetAddress()}, ${f.location.city()}`);
  const accounts = Array.from({ length: 2000 }, () => f.internet.email().toLowerCase());
  const nowMs = now.getTime();
  const startMs = DateTime.fromJSDate(now).minus({ years: DEMO_YEARS }).toMillis();
  return {
    rng,
    nowMs,
    startMs,
    timeZone,
    actorId,
    scope,
    officers,
    addresses,
    accounts,
    groupOf,
    policingAreas,
  };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function localDate(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toISODate() as string;
}

// A seizure time in the five years before now, more in recent years, at a plausible hour.
export function seizureTime(ctx: DemoContext, earlyMorning: boolean): number {
  const growth = 0.6;
  const u = ctx.rng.next();
  const x = (-1 + Math.sqrt(1 + 2 * growth * u * (1 + growth / 2))) / growth;
  const day = Math.floor((ctx.startMs + x * (ctx.nowMs - ctx.startMs)) / DAY_MS) * DAY_MS;
  const hour = earlyMorning ? ctx.rng.int(5, 9) : ctx.rng.int(7, 22);
  const at = day + hour * HOUR_MS + ctx.rng.int(0, 59) * MINUTE_MS;
  return Math.min(at, ctx.nowMs - 2 * DAY_MS);
}
