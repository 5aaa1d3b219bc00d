import { FieldError } from '../common/errors.js';
import { ReferenceListName } from '../reference-data/reference-lists.js';
import { ACTIVITY_MAX_CHARS, activityTooLong, ALL_DIGITAL, isSuspension } from './scope.js';

// The reference look-ups a scope entry needs, kept apart from Nest so they are easy to test.
export interface CodeLookup {
  has(list: ReferenceListName, code: string): boolean;
  codes(list: ReferenceListName): string[];
}

export function unknownCode(
  field: string,
  list: ReferenceListName,
  lookup: CodeLookup,
  extra: string[] = [],
) {
  const examples = [...extra, ...lookup.codes(list)].slice(0, 5).join(', ');
  return { field, message: `${field} must be a code from /api/reference/${list} (e.g. ${examples})` };
}

export function checkDeviceType(field: string, value: string, lookup: CodeLookup): FieldError | null {
  if (value === ALL_DIGITAL || lookup.has('device-types', value)) return null;
  return unknownCode(field, 'device-types', lookup, [ALL_DIGITAL]);
}

export function checkScopeEntryCodes(
  dto: { deviceType: string; status: string; fsaCode?: string; activity?: string },
  lookup: CodeLookup,
): FieldError[] {
  const errors: (FieldError | null)[] = [
    activityTooLong(dto.activity)
      ? {
          field: 'activity',
          message: `activity must be at most ${ACTIVITY_MAX_CHARS} characters, also once in lower case`,
        }
      : null,
    checkDeviceType('deviceType', dto.deviceType, lookup),
    lookup.has('accreditation-statuses', dto.status)
      ? null
      : unknownCode('status', 'accreditation-statuses', lookup),
    dto.fsaCode === undefined || lookup.has('forensic-science-activities', dto.fsaCode)
      ? null
      : unknownCode('fsaCode', 'forensic-science-activities', lookup),
  ];
  return errors.filter((e): e is FieldError => e !== null);
}

// scopeType describes an accredited (or suspended) scope only: null for any other status; FIXED
// when an accredited or suspended row gives none. Returns the type to store, or the field's error.
export function resolveScopeType(
  status: string,
  scopeType: string | undefined,
  canClaimAccredited: (status: string) => boolean,
): { scopeType: string | null; error: FieldError | null } {
  const applies = canClaimAccredited(status) || isSuspension(status);
  if (applies) return { scopeType: scopeType ?? 'FIXED', error: null };
  if (scopeType === undefined) return { scopeType: null, error: null };
  const message = `scopeType applies only to an accredited or suspended status, not ${status}; leave it out`;
  return { scopeType: null, error: { field: 'scopeType', message } };
}

// A row dated after today is a planned change, and must say so (planned: true); a planned row must be
// dated after today.
export function checkPlanned(
  effectiveFrom: string,
  planned: boolean | undefined,
  today: string,
): FieldError | null {
  if (effectiveFrom > today && planned !== true) {
    return {
      field: 'effectiveFrom',
      message: `effectiveFrom ${effectiveFrom} is after today (${today}); send planned: true to record a planned change`,
    };
  }
  if (effectiveFrom <= today && planned === true) {
    return { field: 'planned', message: `a planned change is dated after today (${today})` };
  }
  return null;
}
