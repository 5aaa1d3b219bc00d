import { AuditContent, GENESIS_HASH, hashEvent } from './audit-chain.js';

// The stored columns of one audit event, as read back from the database.
export interface StoredAuditEvent extends AuditContent {
  prevHash: string;
  hash: string;
}

export type ChainBreakReason = 'sequence-gap' | 'broken-link' | 'hash-mismatch';

export type ChainReport =
  | { intact: true; events: number; headSeq: number; headHash: string }
  | {
      intact: false;
      events: number;
      firstBadSeq: number;
      reason: ChainBreakReason;
      detail: string;
    };

// Reads up to `limit` events with seq > afterSeq, in seq order.
export type AuditBatchReader = (afterSeq: number, limit: number) => Promise<StoredAuditEvent[]>;

export const VERIFY_BATCH_SIZE = 1000;

interface ChainCursor {
  seq: number;
  hash: string;
}

// Why this event does not follow `previous`, or null when it does.
export function checkEvent(
  previous: ChainCursor,
  event: StoredAuditEvent,
): { reason: ChainBreakReason; detail: string } | null {
  const seq = Number(event.seq);
  if (seq !== previous.seq + 1) {
    return {
      reason: 'sequence-gap',
      detail: `expected event ${previous.seq + 1} after event ${previous.seq}, found event ${seq}`,
    };
  }
  if (event.prevHash !== previous.hash) {
    return {
      reason: 'broken-link',
      detail: `prevHash does not equal the hash of event ${previous.seq}`,
    };
  }
  const content: AuditContent = {
    seq,
    at: event.at,
    actorId: event.actorId ?? null,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    changes: event.changes,
  };
  if (hashEvent(event.prevHash, content) !== event.hash) {
    return { reason: 'hash-mismatch', detail: 'the stored content does not match its hash' };
  }
  return null;
}

// Walks the whole chain in batches (never all of it in memory) and stops at the first bad event.
export async function verifyChain(
  read: AuditBatchReader,
  batchSize = VERIFY_BATCH_SIZE,
): Promise<ChainReport> {
  let cursor: ChainCursor = { seq: 0, hash: GENESIS_HASH };
  let events = 0;
  for (;;) {
    const batch = await read(cursor.seq, batchSize);
    for (const event of batch) {
      const problem = checkEvent(cursor, event);
      if (problem) return { intact: false, events, firstBadSeq: Number(event.seq), ...problem };
      cursor = { seq: Number(event.seq), hash: event.hash };
      events += 1;
    }
    if (batch.length < batchSize) break;
  }
  return { intact: true, events, headSeq: cursor.seq, headHash: cursor.hash };
}

export function describeReport(report: ChainReport): string {
  if (report.intact) {
    return report.events === 0
      ? 'Audit trail intact: 0 events (empty chain).'
      : `Audit trail intact: ${report.events} events, head event ${report.headSeq}, head hash ${report.headHash}`;
  }
  return `Audit trail BROKEN at event ${report.firstBadSeq} (${report.reason}): ${report.detail}. ${report.events} events before it verified.`;
}
