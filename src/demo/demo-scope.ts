import { DateTime } from 'luxon';
import { ALL_DIGITAL, rowInForce, type ScopeRow, toScopeStatus } from '../accreditation/scope.js';

// The demo lab's scope register: smart plugs go from not accredited, through an application and a
// flexible-scope accreditation, a voluntary suspension and back; cameras and doorbells are on a
// fixed scope; everything else falls back to ALL_DIGITAL (not accredited).

export interface DemoScopeEntry extends ScopeRow {
  scheduleReference: string | null;
  notes: string;
}

// Months before "now" (first of that month) at which each row takes effect.
const TIMELINE: readonly (readonly [string, number, string, 'FIXED' | 'FLEXIBLE', string | null])[] = [
  [ALL_DIGITAL, 62, 'NOT_ACCREDITED', 'FIXED', null],
  ['SMART_PLUG', 60, 'NOT_ACCREDITED', 'FLEXIBLE', null],
  ['SMART_PLUG', 42, 'APPLICATION_SUBMITTED', 'FLEXIBLE', null],
  ['SMART_PLUG', 30, 'ACCREDITED', 'FLEXIBLE', '4711'],
  ['SMART_PLUG', 14, 'SUSPENDED_VOLUNTARY', 'FLEXIBLE', '4711'],
  ['SMART_PLUG', 8, 'ACCREDITED', 'FLEXIBLE', '4711'],
  ['IP_CAMERA', 48, 'ACCREDITED', 'FIXED', '4711'],
  ['VIDEO_DOORBELL', 36, 'ACCREDITED', 'FIXED', '4711'],
];

export function demoScopeEntries(now: DateTime, newId: () => string): DemoScopeEntry[] {
  const month = now.startOf('month');
  return TIMELINE.map(([deviceType, monthsBefore, status, scopeType, scheduleReference]) => ({
    id: newId(),
    deviceType,
    activity: null,
    status,
    scopeType,
    scheduleReference,
    effectiveFrom: month.minus({ months: monthsBefore }).toISODate() as string,
    notes: 'Demo register',
  }));
}

// Scope status an examination gets at an instant, found by comparing ISO instants with the local
// midnights at which the row in force changes (computed once with Luxon).
export class ScopeTimeline {
  private readonly changes = new Map<string, { from: string; scopeStatus: string }[]>();

  constructor(
    private readonly entries: readonly DemoScopeEntry[],
    private readonly timeZone: string,
    private readonly canClaimAccredited: (status: string) => boolean,
  ) {}

  statusAt(deviceType: string, instant: string): string {
    const changes = this.changesFor(deviceType);
    let status = 'OUT_OF_SCOPE';
    for (const change of changes) {
      if (change.from > instant) break;
      status = change.scopeStatus;
    }
    return status;
  }

  private changesFor(deviceType: string) {
    let changes = this.changes.get(deviceType);
    if (!changes) {
      const dates = [...new Set(this.entries.map((e) => e.effectiveFrom))].sort();
      changes = dates.map((date) => ({
        from: DateTime.fromISO(date, { zone: this.timeZone }).toJSDate().toISOString(),
        scopeStatus: toScopeStatus(rowInForce(this.entries, deviceType, null, date), this.canClaimAccredited),
      }));
      this.changes.set(deviceType, changes);
    }
    return changes;
  }
}
