import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isLocalDate } from '../../accreditation/local-date.js';
import { isInstant } from '../../common/is-instant.js';

// A list filter may name a local date (its midnight in the register's zone) or an exact instant.
export function IsInstantOrDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstantOrDate',
      validator: {
        validate: (value: unknown) => isInstant(value) || isLocalDate(value),
        defaultMessage: (args) =>
          `${args?.property} must be a date YYYY-MM-DD or an ISO 8601 date-time with an offset or Z`,
      },
    },
    options,
  );
}
