import { Role } from '../../auth/role.enum.js';

export class ScopeStatusResponseDto {
  deviceType: string;
  /** The local date asked about. */
  on: string;
  /** The organisation status in force (NOT_ACCREDITED when no row applies). */
  status: string;
  scopeType: string | null;
  scheduleReference: string | null;
  /** effectiveFrom of the row in force; null when no row applies. */
  since: string | null;
  /** What an examination started that day gets: IN_SCOPE_FIXED, IN_SCOPE_FLEXIBLE, OUT_OF_SCOPE, SCOPE_SUSPENDED. */
  scopeStatus: string;
  /** The device type of the row in force: the one asked about, or ALL_DIGITAL by fallback; null when none. */
  appliesVia: string | null;
  /** The scope entry in force; null when none. Absent for the foi role (aggregates only, no record ids). */
  entryId?: string | null;
  /** true when the row in force on `on` is a planned change (dated after today). */
  planned: boolean;
  /** Changes recorded for a date after `on` and after today (planned, not yet in force), soonest first. */
  plannedChanges: PlannedScopeChangeDto[];
}

export class PlannedScopeChangeDto {
  effectiveFrom: string;
  status: string;
  scopeType: string | null;
  scheduleReference: string | null;
  scopeStatus: string;
  appliesVia: string;
}

// The foi role sees the register's answer, never which record gave it.
export function toScopeStatusResponse(status: ScopeStatusResponseDto, role: Role): ScopeStatusResponseDto {
  if (role !== Role.Foi) return status;
  const { entryId: _entryId, ...aggregate } = status;
  return aggregate;
}

export class ScopeHistoryItemDto {
  effectiveFrom: string;
  status: string;
  scopeType: string | null;
  scheduleReference: string | null;
  scopeStatus: string;
  appliesVia: string;
  entryId: string;
}
