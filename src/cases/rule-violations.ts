import { FieldError, RuleViolationError } from '../common/errors.js';

// A 422 that names every broken rule at once, not only the first.
export class RuleViolationsError extends RuleViolationError {
  constructor(code: string, errors: FieldError[]) {
    super(code, errors[0].field, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    Object.defineProperty(this, 'errors', { value: errors, enumerable: true });
  }
}
