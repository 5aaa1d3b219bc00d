import { isISO8601, ValidateBy, ValidationOptions } from 'class-validator';

// A moment in time: ISO 8601 date and time with seconds optional and an explicit offset (Z or ±hh:mm),
// so "10:00" is never read in the server's own zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    INSTANT.test(value) &&
    isISO8601(value, { strict: true, strictSeparator: true }) &&
    !Number.isNaN(Date.parse(value))
  );
}

export const IsInstant = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO 8601 date and time with an offset, e.g. 2025-03-01T14:30:00Z`,
      },
    },
    options,
  );
