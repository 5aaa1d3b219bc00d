import type { EntityManager, EntityTarget } from 'typeorm';
import type { AuditEntry } from '../audit/audit.service.js';
import { nowInstant } from './columns.js';
import { ConflictError } from './errors.js';
import type { EvidentialRecord } from './evidential-record.js';

export interface VoidTarget<T extends EvidentialRecord> {
  entity: EntityTarget<T>;
  /** Word for messages: "case", "device", "examination", "scope entry". */
  label: string;
  /** Audit names, e.g. action 'case.void' on entity 'case'. */
  action: string;
  auditEntity: string;
  /** What the audit event compares before and after (it keeps only what changed). */
  snapshot: (record: T) => object;
}

// For records whose audit trail of a void needs only the void itself.
export const voidFields = (record: EvidentialRecord) => ({
  voidedAt: record.voidedAt,
  voidedBy: record.voidedBy,
  voidReason: record.voidReason,
});

interface AuditRecorder {
  record(manager: EntityManager, entry: AuditEntry): Promise<unknown>;
}

// Void, never delete: one guarded UPDATE (version unchanged, not yet voided) and its audit event, inside the
// caller's transaction. The caller has already loaded the record and checked its own rules.
export async function voidRecord<T extends EvidentialRecord>(
  manager: EntityManager,
  audit: AuditRecorder,
  target: VoidTarget<T>,
  current: T,
  reason: string,
  actorId: string,
): Promise<T> {
  if (current.voidedAt) throw new ConflictError('ALREADY_VOIDED', `This ${target.label} is already voided.`);
  const now = nowInstant();
  const change = { voidedAt: now, voidedBy: actorId, voidReason: reason, updatedAt: now };
  const result = await manager
    .createQueryBuilder()
    .update(target.entity)
    .set({ ...change, version: () => 'version + 1' } as never)
    .where('id = :id AND version = :version AND "voidedAt" IS NULL', {
      id: current.id,
      version: current.version,
    })
    .execute();
  if (result.affected !== 1) {
    throw new ConflictError(
      'CONCURRENT_CHANGE',
      `The ${target.label} changed meanwhile; read it again and retry.`,
    );
  }
  const voided = Object.assign(
    Object.create(Object.getPrototypeOf(current) as object) as T,
    current,
    change,
    {
      version: current.version + 1,
    },
  );
  await audit.record(manager, {
    actorId,
    action: target.action,
    entity: target.auditEntity,
    entityId: current.id,
    before: target.snapshot(current),
    after: target.snapshot(voided),
  });
  return voided;
}
