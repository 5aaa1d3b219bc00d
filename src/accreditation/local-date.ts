import { ValidateBy, type ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';

// Local calendar dates (`2024-04-01`) in the register's time zone, resolved with Luxon (never by hand).
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || !LOCAL_DATE.test(value)) return false;
  const date = DateTime.fromISO(value, { zone: 'UTC' });
  return date.isValid && date.toISODate() === value && date.year >= 1900 && date.year <= 2200;
}

export function todayIn(timeZone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone(timeZone).toISODate() as string;
}

export function localDateOf(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: 'UTC' }).setZone(timeZone).toISODate() as string;
}

// Local midnight at the start of `date`, as a UTC instant.
export function startOfLocalDate(date: string, timeZone: string): string {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toUTC().toISO() as string;
}

export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => isLocalDate(value),
        defaultMessage: (args) => `${args?.property} must be a calendar date YYYY-MM-DD`,
      },
    },
    options,
  );
}
