import { RuleViolationError } from '../common/errors.js';

// The rule "a device is filed only under an open case": the case exists and is not voided. One
// definition, called by every writer that files a device (POST /api/devices on both databases, a device
// moved to another case, the spreadsheet import); each reads the case its own way and reports in its
// own words.
export type CaseClosed = 'CASE_NOT_FOUND' | 'CASE_VOIDED';

export function caseClosed(found: { voidedAt: string | null } | null | undefined): CaseClosed | null {
  if (found === null || found === undefined) return 'CASE_NOT_FOUND';
  return found.voidedAt === null || found.voidedAt === undefined ? null : 'CASE_VOIDED';
}

/** The API's answer: 422 naming `field`. */
export function requireOpenCase(
  found: { voidedAt: string | null } | null | undefined,
  caseId: string,
  field = 'caseId',
) {
  const closed = caseClosed(found);
  if (closed === 'CASE_NOT_FOUND')
    throw new RuleViolationError(closed, field, `No case has the id ${caseId}.`);
  if (closed === 'CASE_VOIDED') throw new RuleViolationError(closed, field, 'The case is voided.');
}
