import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { FieldError, ValidationFailedError } from './errors.js';

// NUL cannot be stored in PostgreSQL text and has no place in a register entry: refused in every body,
// query string and path parameter, naming the field, on SQLite and PostgreSQL alike.
const NUL = '\u0000';

function findNul(value: unknown, path: string, found: FieldError[], depth = 0): void {
  if (depth > 20 || found.length >= 20) return;
  if (typeof value === 'string') {
    if (value.includes(NUL))
      found.push({ field: path || 'value', message: 'must not contain a NUL character' });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findNul(item, `${path}[${index}]`, found, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (key.includes(NUL))
        found.push({ field: field.replaceAll(NUL, '\\0'), message: 'is not a known field' });
      findNul(item, field, found, depth + 1);
    }
  }
}

@Injectable()
export class RejectNulPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const found: FieldError[] = [];
    findNul(value, metadata.type === 'param' ? (metadata.data ?? '') : '', found);
    if (found.length > 0) throw new ValidationFailedError(found);
    return value;
  }
}
