import { AuditEvent } from '../audit-event.entity.js';

export class AuditChangesDto {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export class AuditEventResponseDto {
  seq: number;
  at: string;
  actorId: string | null;
  /** The name of the user who made the change (null for the command line and the system). */
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  /** Only the fields that changed, before and after. */
  changes: AuditChangesDto;
  /** Admins only: the chain links (with the content known, a hash would confirm a guessed restricted value). */
  prevHash?: string;
  /** Admins only. */
  hash?: string;
}

export class AuditPageDto {
  items: AuditEventResponseDto[];
  total: number;
  limit: number;
  offset: number;
}

export class RecordHistoryDto extends AuditPageDto {
  entity: string;
  id: string;
}

export class AuditVerifyResponseDto {
  intact: boolean;
  /** Events verified (before the first bad one, when broken). */
  events: number;
  headSeq?: number;
  headHash?: string;
  firstBadSeq?: number;
  /** `sequence-gap`, `broken-link` or `hash-mismatch`. */
  reason?: string;
  detail?: string;
  message: string;
}

export const REDACTED = '[restricted]';

// Restricted fields keep their key (the change is visible) but lose their value.
function redact(values: Record<string, unknown> | null, fields: readonly string[]) {
  if (!values) return values;
  const copy = { ...values };
  for (const field of fields) if (field in copy && copy[field] !== null) copy[field] = REDACTED;
  return copy;
}

// Hashes go to admins only: each covers the event's whole content, restricted values included, so
// anyone who sees the rest of the content could confirm a guess of a withheld value offline.
export function toAuditEventResponse(
  event: AuditEvent,
  restrictedFields: readonly string[] = [],
  withHashes = true,
  actorNames: ReadonlyMap<string, string> = new Map(),
): AuditEventResponseDto {
  const changes = JSON.parse(event.changes) as AuditChangesDto;
  const response: AuditEventResponseDto = {
    seq: Number(event.seq),
    at: event.at,
    actorId: event.actorId,
    actorName: (event.actorId && actorNames.get(event.actorId)) || null,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    changes: {
      before: redact(changes.before ?? null, restrictedFields),
      after: redact(changes.after ?? null, restrictedFields),
    },
  };
  if (withHashes) Object.assign(response, { prevHash: event.prevHash, hash: event.hash });
  return response;
}
