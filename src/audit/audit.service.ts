import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { nowInstant } from '../common/columns.js';
import { AuditEvent } from './audit-event.entity.js';
import { canonicalJson, diff, GENESIS_HASH, hashEvent } from './audit-chain.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

const POSTGRES_CHAIN_LOCK = 7_216_801;

@Injectable()
export class AuditService {
  // Call inside the caller's transaction, so the change and its audit event commit together.
  async record(manager: EntityManager, entry: AuditEntry): Promise<AuditEvent> {
    if (manager.connection.options.type === 'postgres') {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [POSTGRES_CHAIN_LOCK]);
    }
    const head = await manager
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .select(['e.seq', 'e.hash'])
      .orderBy('e.seq', 'DESC')
      .limit(1)
      .getOne();
    const changes = diff(
      (entry.before ?? null) as Record<string, unknown> | null,
      (entry.after ?? null) as Record<string, unknown> | null,
    );
    const content = {
      seq: (head?.seq ?? 0) + 1,
      at: nowInstant(),
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      changes: canonicalJson(changes),
    };
    const prevHash = head?.hash ?? GENESIS_HASH;
    const event = { ...content, prevHash, hash: hashEvent(prevHash, content) };
    await manager.getRepository(AuditEvent).insert(event);
    return event as AuditEvent;
  }

  // Many events at once (the spreadsheet import): the same chain as record() called for each entry in
  // turn, with one lock, one head read and one INSERT per 500 events instead of three statements each.
  async recordMany(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    if (manager.connection.options.type === 'postgres') {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [POSTGRES_CHAIN_LOCK]);
    }
    const head = await manager
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .select(['e.seq', 'e.hash'])
      .orderBy('e.seq', 'DESC')
      .limit(1)
      .getOne();
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const at = nowInstant();
    const events = entries.map((entry) => {
      const changes = diff(
        (entry.before ?? null) as Record<string, unknown> | null,
        (entry.after ?? null) as Record<string, unknown> | null,
      );
      seq += 1;
      const content = {
        seq,
        at,
        actorId: entry.actorId,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId,
        changes: canonicalJson(changes),
      };
      const event = { ...content, prevHash, hash: hashEvent(prevHash, content) };
      prevHash = event.hash;
      return event;
    });
    for (let i = 0; i < events.length; i += 500) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AuditEvent)
        .values(events.slice(i, i + 500))
        .updateEntity(false)
        .execute();
    }
  }
}
