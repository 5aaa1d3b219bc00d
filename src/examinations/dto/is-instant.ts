import { isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';
import { isLocalDate } from '../../accreditation/local-date.js';

// An instant must say which clock it was read on: ISO 8601 with a UTC offset or Z.
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    WITH_OFFSET.test(value) &&
    isISO8601(value, { strict: true, strictSeparator: true }) &&
    !Number.isNaN(Date.parse(value))
  );
}

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => isInstant(value),
        defaultMessage: (args) =>
          `${args?.property} must be an ISO 8601 date-time with an offset or Z (e.g. 2024-03-01T10:15:00Z)`,
      },
    },
    options,
  );
}

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
