// Pure rules of the scope register: which dated row is in force for a device type (and activity)
// on a local date, and what that means for an examination's scope status. No database here.

export const ALL_DIGITAL = 'ALL_DIGITAL';

export type ScopeStatus = 'IN_SCOPE_FIXED' | 'IN_SCOPE_FLEXIBLE' | 'OUT_OF_SCOPE' | 'SCOPE_SUSPENDED';

export interface ScopeRow {
  id: string;
  deviceType: string;
  activity: string | null;
  status: string;
  scopeType: string | null;
  effectiveFrom: string;
}

// Activities are free text; "Extraction" and " extraction" are the same scope line.
export function normaliseActivity(activity: string | null | undefined): string | null {
  const trimmed = activity?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}

// The activity and its key are varchar(100), which PostgreSQL counts in characters (code points).
export const ACTIVITY_MAX_CHARS = 100;

// Lower-casing can lengthen text ('İ' becomes 'i̇', two code points), and the request's length check
// does not count variation selectors: an activity is refused when it, or its key, would not fit.
export function activityTooLong(activity: string | null | undefined): boolean {
  const fits = (text: string | null | undefined) => codePoints(text ?? '') <= ACTIVITY_MAX_CHARS;
  return !fits(activity?.trim()) || !fits(normaliseActivity(activity));
}

// What PostgreSQL counts as characters (an emoji is one, not two UTF-16 units).
function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

// Latest effectiveFrom on or before `on` among the rows of exactly this line (device type + activity).
function latestOnLine<T extends ScopeRow>(
  rows: readonly T[],
  deviceType: string,
  activity: string | null,
  on: string,
): T | null {
  let best: T | null = null;
  for (const row of rows) {
    if (row.deviceType !== deviceType || normaliseActivity(row.activity) !== activity) continue;
    if (row.effectiveFrom > on) continue;
    if (!best || row.effectiveFrom > best.effectiveFrom) best = row;
  }
  return best;
}

// The lines consulted, most specific first. Without an activity only the device-type lines (no
// activity) count: an activity-specific row says nothing about the device type as a whole. With an
// activity, its own line wins, then the device type's line, then ALL_DIGITAL's (activity, then none).
function linesFor(deviceType: string, activity: string | null): [string, string | null][] {
  const lines: [string, string | null][] = [];
  for (const type of deviceType === ALL_DIGITAL ? [ALL_DIGITAL] : [deviceType, ALL_DIGITAL]) {
    if (activity) lines.push([type, activity]);
    lines.push([type, null]);
  }
  return lines;
}

// The row in force for a device type (and optional activity) on local date `on`; rows must be non-voided.
export function rowInForce<T extends ScopeRow>(
  rows: readonly T[],
  deviceType: string,
  activity: string | null | undefined,
  on: string,
): T | null {
  for (const [type, line] of linesFor(deviceType, normaliseActivity(activity))) {
    const row = latestOnLine(rows, type, line, on);
    if (row) return row;
  }
  return null;
}

export function isSuspension(status: string): boolean {
  return status.startsWith('SUSPENDED_');
}

// canClaimAccredited comes from the accreditation-statuses reference list (attributes.canClaimAccredited).
export function toScopeStatus(
  row: ScopeRow | null,
  canClaimAccredited: (status: string) => boolean,
): ScopeStatus {
  if (!row) return 'OUT_OF_SCOPE';
  if (canClaimAccredited(row.status))
    return row.scopeType === 'FLEXIBLE' ? 'IN_SCOPE_FLEXIBLE' : 'IN_SCOPE_FIXED';
  if (isSuspension(row.status)) return 'SCOPE_SUSPENDED';
  return 'OUT_OF_SCOPE';
}

export interface ScopeChange<T> {
  effectiveFrom: string;
  row: T;
}

// The device type's effective history (no activity): each date on which the row in force changed,
// counting ALL_DIGITAL rows only while the device type has no row of its own in force.
export function scopeHistory<T extends ScopeRow>(rows: readonly T[], deviceType: string): ScopeChange<T>[] {
  const dates = [
    ...new Set(
      rows
        .filter(
          (r) =>
            (r.deviceType === deviceType || r.deviceType === ALL_DIGITAL) && !normaliseActivity(r.activity),
        )
        .map((r) => r.effectiveFrom),
    ),
  ].sort();
  const changes: ScopeChange<T>[] = [];
  for (const date of dates) {
    const row = rowInForce(rows, deviceType, null, date);
    if (row && row.id !== changes.at(-1)?.row.id) changes.push({ effectiveFrom: date, row });
  }
  return changes;
}

// Rows recorded for a date after `after` on the lines a status for (deviceType, activity) consults:
// changes planned but not yet in force, soonest first.
export function plannedChanges<T extends ScopeRow>(
  rows: readonly T[],
  deviceType: string,
  activity: string | null,
  after: string,
): T[] {
  const lines = linesFor(deviceType, normaliseActivity(activity));
  return rows
    .filter((r) => r.effectiveFrom > after)
    .filter((r) =>
      lines.some(([type, line]) => r.deviceType === type && normaliseActivity(r.activity) === line),
    )
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
}
