import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { nowInstant } from '../common/columns.js';
import { dialectOf } from '../database/dialect.js';
import type { WriteStatements } from '../database/statements.js';
import { AuditEvent } from './audit-event.entity.js';
import { contentHash, fastCanonicalJson } from './audit-canonical.js';
import { diff, GENESIS_HASH } from './audit-chain.js';
import { auditInsertSql, auditRowValues, insertAuditEvents } from './audit-rows.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

// The chain's lock: one writer at a time appends (PostgreSQL; SQLite has one writer anyway).
const CHAIN_LOCK = 7_216_801;

// The chain's head and the next event after it, hashed; the same for every way an event is written
// (the bytes of hashEvent(prevHash, canonicalJson(content)), built cheaper: audit-canonical.ts).
export function nextAuditEvent(
  head: { seq: number; hash: string } | null | undefined,
  entry: AuditEntry,
  at = nowInstant(),
): AuditEvent {
  const changes = diff(
    (entry.before ?? null) as Record<string, unknown> | null,
    (entry.after ?? null) as Record<string, unknown> | null,
  );
  const event: AuditEvent = {
    seq: (head?.seq ?? 0) + 1,
    at,
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    changes: fastCanonicalJson(changes),
    prevHash: head?.hash ?? GENESIS_HASH,
    hash: '',
  };
  event.hash = contentHash(event.prevHash, event);
  return event;
}

const HEAD_SQL = 'SELECT "seq", "hash" FROM "audit_events" ORDER BY "seq" DESC LIMIT 1';
const AUDIT_INSERT_ONE = auditInsertSql(1);

@Injectable()
export class AuditService {
  // Call inside the caller's transaction, so the change and its audit event commit together.
  async record(manager: EntityManager, entry: AuditEntry): Promise<AuditEvent> {
    const head = await this.lockedHead(manager);
    const event = nextAuditEvent(head, entry);
    await manager.getRepository(AuditEvent).insert(event);
    return event;
  }

  // The same as record(), inside a transaction run with RegisterStatements (prepared statements on
  // SQLite: the hot path of POST /api/devices).
  async recordIn(tx: WriteStatements, entry: AuditEntry): Promise<AuditEvent> {
    await tx.lock(CHAIN_LOCK);
    const event = nextAuditEvent(await tx.get<{ seq: number; hash: string }>(HEAD_SQL), entry);
    await tx.run(AUDIT_INSERT_ONE, auditRowValues(event));
    return event;
  }

  // Many events at once (the spreadsheet import): the same chain as record() called for each entry in
  // turn, with one lock, one head read and one multi-row INSERT per 1,000 events (a fixed SQL text,
  // no query builder) instead of three statements each.
  async recordMany(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const head = await this.lockedHead(manager);
    let previous: { seq: number; hash: string } | null | undefined = head;
    const at = nowInstant();
    const events = entries.map((entry) => (previous = nextAuditEvent(previous, entry, at)));
    await insertAuditEvents(manager, events);
  }

  // The chain's head, read under the chain lock.
  private async lockedHead(manager: EntityManager): Promise<{ seq: number; hash: string } | null> {
    await dialectOf(manager).lock(manager, CHAIN_LOCK);
    return manager
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .select(['e.seq', 'e.hash'])
      .orderBy('e.seq', 'DESC')
      .limit(1)
      .getOne();
  }
}
