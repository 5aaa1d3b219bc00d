import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/audit-chain.js';
import type { RecordSetDigest } from './foi-sql.js';

// A fingerprint of the records a report counted: the question as resolved and, for every set of
// records counted, how many, the sum of their versions and their latest update. The same question
// on the same data gives the same fingerprint; any change to a counted record through the register
// raises its version and updatedAt, and a record entering or leaving a set changes that set's digest.
// (A change made behind the application's back is what audit:verify is for.)
export interface FingerprintInput {
  rulesVersion: string;
  deviceTypes: string[] | null;
  start: string;
  end: string;
  scopeOn: string;
  sets: Record<string, RecordSetDigest>;
}

export function foiFingerprint(input: FingerprintInput): string {
  return `sha256:${createHash('sha256').update(canonicalJson(input)).digest('hex')}`;
}
