import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { FieldError, ValidationFailedError } from './errors.js';
import { isMultiLineField, unsafeTextReason } from './safe-text.js';

const NUL = '\u0000';
const MAX_ERRORS = 20;

// Bodies are at most MAX_JSON_DEPTH deep (json-body.ts); this walks a little further for anything else.
const MAX_WALK_DEPTH = 40;

function findUnsafe(value: unknown, path: string, found: FieldError[], depth = 0): void {
  if (depth > MAX_WALK_DEPTH || found.length >= MAX_ERRORS) return;
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value, isMultiLineField(path));
    if (reason) found.push({ field: path || 'value', message: reason });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findUnsafe(item, `${path}[${index}]`, found, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (key.includes(NUL))
        found.push({ field: field.replaceAll(NUL, '\\0'), message: 'is not a known field' });
      findUnsafe(item, field, found, depth + 1);
    }
  }
}

// Every body, query string and path parameter: text the register refuses (safe-text.ts: NUL, control
// and invisible formatting characters such as U+202E, lone surrogates) is a 400 naming each field, on
// SQLite and PostgreSQL alike, before any validation or write.
@Injectable()
export class SafeTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const found: FieldError[] = [];
    findUnsafe(value, metadata.data ?? '', found);
    if (found.length > 0) throw new ValidationFailedError(found);
    return value;
  }
}
