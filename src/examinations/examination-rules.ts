import { DomainError, FieldError } from '../common/errors.js';
import type { ExaminationStatus } from './examination.entity.js';

// Pure rules of an examination's life: status moves, the timeline, and when the scope status is set.

export interface Timeline {
  status: ExaminationStatus;
  requestedAt: string;
  startedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
}

// The fields an examination's audit events record (before/after).
const RECORDED = [
  'deviceId',
  'requestedAt',
  'status',
  'startedAt',
  'completedAt',
  'cancelledAt',
  'scopeStatusAtStart',
  'scopeStartOverrideReason',
  'scopeStatusAtCompletion',
  'scopeCompletionOverrideReason',
  'codeCompliance',
  'dataRecovered',
  'methods',
  'findingsSummary',
  'toolsUsed',
] as const;

export function recorded<T extends Record<(typeof RECORDED)[number], unknown>>(
  exam: T,
): Record<string, unknown> {
  return Object.fromEntries(RECORDED.map((key) => [key, exam[key]]));
}

// A PATCH body's fields that were sent (null included: it clears a field).
export function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export class ExaminationRulesError extends DomainError {
  readonly kind = 'rule';

  constructor(errors: FieldError[]) {
    super('EXAMINATION_RULES', errors.map((e) => e.message).join(' '), errors);
  }
}

// No going back; COMPLETED and CANCELLED are final. REQUESTED → COMPLETED passes through IN_PROGRESS
// in one step (startedAt is then required), e.g. when the lab records finished work after the fact.
const NEXT: Record<ExaminationStatus, readonly ExaminationStatus[]> = {
  REQUESTED: ['REQUESTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'],
  IN_PROGRESS: ['IN_PROGRESS', 'COMPLETED', 'CANCELLED'],
  COMPLETED: ['COMPLETED'],
  CANCELLED: ['CANCELLED'],
};

export function checkTransition(from: ExaminationStatus, to: ExaminationStatus): FieldError | null {
  if (NEXT[from].includes(to)) return null;
  return { field: 'status', message: `status cannot change from ${from} to ${to}.` };
}

// The moment a status is reached defaults to now when the client moves the status without giving it.
export function withDefaultTimes(
  next: Timeline,
  fromStatus: ExaminationStatus | null,
  now: string,
): Timeline {
  if (next.status === fromStatus) return next;
  const filled = { ...next };
  if (next.status === 'IN_PROGRESS') filled.startedAt ??= now;
  if (next.status === 'COMPLETED') filled.completedAt ??= now;
  if (next.status === 'CANCELLED') filled.cancelledAt ??= now;
  return filled;
}

const NEEDS: Record<ExaminationStatus, { required: (keyof Timeline)[]; absent: (keyof Timeline)[] }> = {
  REQUESTED: { required: [], absent: ['startedAt', 'completedAt', 'cancelledAt'] },
  IN_PROGRESS: { required: ['startedAt'], absent: ['completedAt', 'cancelledAt'] },
  COMPLETED: { required: ['startedAt', 'completedAt'], absent: ['cancelledAt'] },
  CANCELLED: { required: ['cancelledAt'], absent: ['completedAt'] },
};

const TIMES = ['requestedAt', 'startedAt', 'completedAt', 'cancelledAt'] as const;

// Every time the status needs, none it must not have, none before the seizure or in the future,
// and requested <= started <= completed (cancelled after whatever came before it).
export function checkTimeline(t: Timeline, seizedAt: string, now: string): FieldError[] {
  const errors: FieldError[] = [];
  const need = NEEDS[t.status];
  for (const field of need.required) {
    if (!t[field]) errors.push({ field, message: `${field} is required when status is ${t.status}.` });
  }
  for (const field of need.absent) {
    if (t[field]) errors.push({ field, message: `${field} must be empty when status is ${t.status}.` });
  }
  const at = (value: string | null) => (value ? Date.parse(value) : null);
  for (const field of TIMES) {
    const value = at(t[field]);
    if (value === null) continue;
    if (value < Date.parse(seizedAt)) {
      errors.push({ field, message: `${field} must not be before the device's seizure (${seizedAt}).` });
    } else if (value > Date.parse(now)) {
      errors.push({ field, message: `${field} must not be in the future.` });
    }
  }
  const order: [keyof Timeline, keyof Timeline][] = [
    ['startedAt', 'requestedAt'],
    ['completedAt', 'startedAt'],
    ['cancelledAt', t.startedAt ? 'startedAt' : 'requestedAt'],
  ];
  for (const [later, earlier] of order) {
    const a = at(t[later]);
    const b = at(t[earlier]);
    if (a !== null && b !== null && a < b) {
      errors.push({ field: later, message: `${later} must not be before ${earlier}.` });
    }
  }
  return errors;
}

// An examination's scope status is kept at both ends (issue 13, part 5): at its start (the local date
// of startedAt; never changed by completion) and at its completion (the local date of completedAt).
export type ScopeEnd = 'start' | 'completion';

export const SCOPE_FIELDS: Record<
  ScopeEnd,
  {
    status: 'scopeStatusAtStart' | 'scopeStatusAtCompletion';
    reason: 'scopeStartOverrideReason' | 'scopeCompletionOverrideReason';
    time: 'startedAt' | 'completedAt';
  }
> = {
  start: { status: 'scopeStatusAtStart', reason: 'scopeStartOverrideReason', time: 'startedAt' },
  completion: {
    status: 'scopeStatusAtCompletion',
    reason: 'scopeCompletionOverrideReason',
    time: 'completedAt',
  },
};

// The instant whose local date decides the status at one end, or null while that end is not reached
// (a cancelled examination keeps the start it had, and has no completion).
export function scopeInstant(end: ScopeEnd, t: Timeline): string | null {
  if (end === 'start') return t.status === 'REQUESTED' ? null : t.startedAt;
  return t.status === 'COMPLETED' ? t.completedAt : null;
}

// An end's status is (re)read from the register on creation, when its instant changes (reached,
// moved or gone), or when its override is cleared; otherwise the stored value stands.
export function needsScopeRecompute(
  end: ScopeEnd,
  prev: Timeline | null,
  next: Timeline,
  overrideCleared: boolean,
): boolean {
  if (!prev || overrideCleared) return true;
  return scopeInstant(end, prev) !== scopeInstant(end, next);
}

export interface OverrideInput {
  scopeStatus?: string;
  scopeOverrideReason?: string | null;
}

export interface Override {
  scopeStatus: string;
  reason: string;
}

// A client-sent status for one end stands only with a reason in the same request; a null reason
// clears that end's override. Field names are the end's own (e.g. scopeStatusAtStart with
// scopeStartOverrideReason), so an override always names the end it overrides.
export function resolveOverride(
  input: OverrideInput,
  current: Override | null,
  end: ScopeEnd = 'start',
): { override: Override | null; cleared: boolean; errors: FieldError[] } {
  const { status: statusField, reason: reasonField } = SCOPE_FIELDS[end];
  const reason = input.scopeOverrideReason;
  if (input.scopeStatus !== undefined) {
    if (!reason) {
      const message = `${statusField} is set by the server from the scope register; to override it, send ${reasonField} too.`;
      return { override: current, cleared: false, errors: [{ field: statusField, message }] };
    }
    return { override: { scopeStatus: input.scopeStatus, reason }, cleared: false, errors: [] };
  }
  if (reason === null) return { override: null, cleared: current !== null, errors: [] };
  if (reason === undefined) return { override: current, cleared: false, errors: [] };
  if (current) return { override: { ...current, reason }, cleared: false, errors: [] };
  const message = `${reasonField} needs a ${statusField} to override with.`;
  return { override: null, cleared: false, errors: [{ field: reasonField, message }] };
}

// An end can be overridden only once it is reached (the start once started, the completion once completed).
export function checkOverrideReached(
  end: ScopeEnd,
  override: Override | null,
  t: Timeline,
): FieldError | null {
  if (!override || scopeInstant(end, t) !== null) return null;
  const { status, time } = SCOPE_FIELDS[end];
  return { field: status, message: `${status} can be overridden only once ${time} is set.` };
}

// When the lab has recorded the device's receipt, no examination starts before it.
export function checkStartAfterReceipt(
  startedAt: string | null,
  receivedAt: string | null,
): FieldError | null {
  if (!startedAt || !receivedAt || Date.parse(startedAt) >= Date.parse(receivedAt)) return null;
  return {
    field: 'startedAt',
    message: `startedAt (${startedAt}) is before the device's receipt by the lab (${receivedAt}).`,
  };
}
