import { DateTime, type Zone } from 'luxon';

const HOUR_MS = 3_600_000;

interface HourOffset {
  /** Minutes east of UTC for the whole hour, or null when the clocks change within it. */
  minutes: number | null;
  /** The offset as Luxon writes it in ISO 8601 (`+01:00`, `+00:00`). */
  suffix: string;
}

// Stored instants (ISO 8601 UTC text) as local ISO 8601 with the offset, exactly as
// DateTime.toISO({ suppressMilliseconds: true }) in the register's zone writes them, but at a fraction of
// the cost: Luxon is asked once per UTC hour (the offset of a zone is constant within an hour unless
// the clocks change in it; such an hour is converted instant by instant). A million rows span at most
// a few tens of thousands of hours, and an export reads them in time order.
export class LocalTimeFormatter {
  private readonly zone: Zone;
  private readonly hours = new Map<number, HourOffset>();
  private readonly suffixes = new Map<number, string>();
  private lastStart: { key: number; minutes: number } | undefined;

  constructor(zoneName: string) {
    // The zone object Luxon itself would use for this name (`UTC` is a fixed zone written as `Z`).
    this.zone = DateTime.now().setZone(zoneName).zone;
  }

  format(instant: string): string {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) return instant;
    const hour = this.hour(Math.floor(ms / HOUR_MS));
    if (hour.minutes === null) return this.slow(ms);
    const local = new Date(ms + hour.minutes * 60_000).toISOString();
    // Years outside 0000-9999 do not have the fixed-width shape; let Luxon write them.
    if (local.length !== 24) return this.slow(ms);
    const fraction = ms % 1000 === 0 ? '' : local.slice(19, 23);
    return `${local.slice(0, 19)}${fraction}${hour.suffix}`;
  }

  // An hour is steady when the offset at its start is the offset at the next hour's start (no zone
  // changes its clocks twice within an hour); each hour's start is asked of Luxon once.
  private hour(key: number): HourOffset {
    let hour = this.hours.get(key);
    if (hour === undefined) {
      const minutes = this.offsetAt(key);
      const steady = this.offsetAt(key + 1) === minutes;
      hour = { minutes: steady ? minutes : null, suffix: steady ? this.suffix(key * HOUR_MS, minutes) : '' };
      if (this.hours.size > 100_000) this.hours.clear();
      this.hours.set(key, hour);
    }
    return hour;
  }

  private offsetAt(key: number): number {
    if (this.lastStart?.key === key) return this.lastStart.minutes;
    const minutes = this.zone.offset(key * HOUR_MS);
    this.lastStart = { key, minutes };
    return minutes;
  }

  private suffix(at: number, minutes: number): string {
    let suffix = this.suffixes.get(minutes);
    if (suffix === undefined) {
      const iso = DateTime.fromMillis(at, { zone: this.zone }).toISO({ suppressMilliseconds: true }) ?? '';
      suffix = iso.slice(19);
      this.suffixes.set(minutes, suffix);
    }
    return suffix;
  }

  private slow(ms: number): string {
    return DateTime.fromMillis(ms, { zone: this.zone }).toISO({ suppressMilliseconds: true }) ?? '';
  }
}
