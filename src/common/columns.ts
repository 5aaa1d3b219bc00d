import { Column, ColumnOptions } from 'typeorm';

// Instants are stored as ISO 8601 UTC text (`2024-03-31T23:30:00.000Z`): the same on SQLite and
// PostgreSQL, ordered as text exactly as in time, so range queries and indexes behave alike.
export const INSTANT_LENGTH = 24;

export function InstantColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: INSTANT_LENGTH, ...options });
}

// Local calendar dates (`2024-04-01`) as text.
export function DateColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 10, ...options });
}

export function CodeColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 40, ...options });
}

export function toInstant(value: string | Date): string {
  return new Date(value).toISOString();
}

export function nowInstant(): string {
  return new Date().toISOString();
}
