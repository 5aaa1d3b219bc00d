import { createHash } from 'node:crypto';
import type { AuditContent } from './audit-chain.js';

// The same bytes as canonicalJson() and hashEvent() in audit-chain.ts (the reference, which the spec
// compares these against), made cheaper for the audit trail's hot paths (an import writes 100,000+
// events): one string built in place instead of entries/filter/map/join arrays per object, and the
// event's own content written in its (fixed) sorted key order without sorting or re-walking it.

// JSON with keys sorted at every level; undefined members left out, undefined alone as null.
export function fastCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) {
    let out = '[';
    // A hole stays empty, as the reference's map() and join() leave it.
    for (let i = 0; i < value.length; i += 1) {
      out += (i === 0 ? '' : ',') + (i in value ? fastCanonicalJson(value[i]) : '');
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, as the reference's `a < b` does (keys are unique).
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + fastCanonicalJson(member);
    first = false;
  }
  return out + '}';
}

// An event's content in sorted key order: action, actorId, at, changes, entity, entityId, seq.
const CONTENT_KEYS = ['action', 'actorId', 'at', 'changes', 'entity', 'entityId', 'seq'] as const;

// canonicalJson(content) for an object holding exactly the seven AuditContent members.
export function contentJson(content: AuditContent): string {
  let out = '{';
  let first = true;
  for (const key of CONTENT_KEYS) {
    const member = content[key];
    if (member === undefined) continue;
    out += (first ? '"' : ',"') + key + '":' + fastCanonicalJson(member);
    first = false;
  }
  return out + '}';
}

// hashEvent(prevHash, content) for an object holding exactly the seven AuditContent members.
export function contentHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256')
    .update(prevHash + contentJson(content))
    .digest('hex');
}
