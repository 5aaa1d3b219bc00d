export interface FieldError {
  field: string;
  message: string;
}

// Services say what went wrong; problem-details.filter.ts alone decides the HTTP status.
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

export type DomainErrorKind =
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'rule'
  | 'precondition-required'
  | 'precondition-failed'
  | 'forbidden'
  | 'too-large'
  | 'busy';

export class ValidationFailedError extends DomainError {
  readonly kind = 'validation';

  constructor(errors: FieldError[], message = 'The request has invalid fields.') {
    super('VALIDATION_FAILED', message, errors);
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

// A well-formed request that breaks a rule of the register (422), naming the field.
export class RuleViolationError extends DomainError {
  readonly kind = 'rule';

  constructor(code: string, field: string, message: string) {
    super(code, message, [{ field, message }]);
  }
}

export class PreconditionRequiredError extends DomainError {
  readonly kind = 'precondition-required';
}

export class PreconditionFailedError extends DomainError {
  readonly kind = 'precondition-failed';
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

// Content past a documented bound (413): `limit` names the bound, `max` gives its value.
export class TooLargeError extends DomainError {
  readonly kind = 'too-large';

  constructor(
    message: string,
    readonly limit: string,
    readonly max: number,
    field = 'file',
  ) {
    super('TOO_LARGE', message, [{ field, message }]);
  }
}

// The server is at its limit of expensive work (429): retry after `retryAfterSeconds`.
export class BusyError extends DomainError {
  readonly kind = 'busy';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('BUSY', message);
  }
}
