import { DateTime, IANAZone } from 'luxon';
import type { Parsed } from './cell-values.js';

// Local wall-clock times in the register's zone to instants, for the import's date cells.
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Luxon's answer, with its messages: used when the fast path below meets anything unusual.
function fromWallClockLuxon(wall: WallClock, zone: string, shown: string): Parsed<string> {
  const dt = DateTime.fromObject(wall, { zone });
  if (!dt.isValid) return bad(`${shown} is not a real date or time`);
  if (dt.hour !== wall.hour || dt.minute !== wall.minute || dt.day !== wall.day) {
    return bad(`${shown} does not exist in ${zone} (the clocks went forward); check the time`);
  }
  if (dt.getPossibleOffsets().length > 1) {
    return bad(
      `${shown} happens twice in ${zone} (the clocks went back); give the offset, e.g. ${dt.toISO({ suppressMilliseconds: true })}`,
    );
  }
  return ok(dt.toUTC().toISO() as string);
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const OFFSETS_KEPT = 200_000; // hours: over 20 years of one zone

// A zone's UTC offset by the hour: Luxon's IANAZone answers through Intl (microseconds a call); an
// hour without a clock change has one offset, so each hour is asked once (an hour that holds a change
// is asked per instant). One clock per zone name, made once.
class ZoneClock {
  private readonly zone: IANAZone;
  private readonly offsets = new Map<number, number>();

  constructor(name: string) {
    this.zone = IANAZone.create(name);
  }

  get valid(): boolean {
    return this.zone.isValid;
  }

  offsetAt(ms: number): number {
    const hour = Math.floor(ms / HOUR_MS);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      const start = this.zone.offset(hour * HOUR_MS);
      offset = start === this.zone.offset(hour * HOUR_MS + HOUR_MS - 1) ? start : Number.NaN;
      if (this.offsets.size < OFFSETS_KEPT) this.offsets.set(hour, offset);
    }
    return Number.isNaN(offset) ? this.zone.offset(ms) : offset;
  }

  // The instant of a local wall-clock time, or null when the clocks skip it or pass it twice.
  instant(local: number): number | null {
    const before = this.offsetAt(local - DAY_MS);
    const after = this.offsetAt(local + DAY_MS);
    const fits = (offset: number) => this.offsetAt(local - offset * 60_000) === offset;
    const early = fits(before);
    if (before === after) return early ? local - before * 60_000 : null;
    const late = fits(after);
    if (early === late) return null;
    return local - (early ? before : after) * 60_000;
  }
}

const clocks = new Map<string, ZoneClock>();
function clockFor(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new ZoneClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}

// A local wall-clock time in the register's zone, refused when the clocks skip it or pass it twice.
// The common case is computed from the zone's cached offsets; anything unusual (a day that does not
// exist, a time the clocks skip or repeat) goes to Luxon, which gives the message.
export function fromWallClock(wall: WallClock, zone: string, shown: string): Parsed<string> {
  const { year, month, day, hour, minute, second } = wall;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  const clock = clockFor(zone);
  if (
    clock.valid &&
    year >= 1000 &&
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second
  ) {
    const instant = clock.instant(local);
    if (instant !== null) return ok(new Date(instant).toISOString());
  }
  return fromWallClockLuxon(wall, zone, shown);
}
