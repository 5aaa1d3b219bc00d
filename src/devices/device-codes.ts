import { Injectable } from '@nestjs/common';
import { FieldError, ValidationFailedError } from '../common/errors.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { ReferenceListName } from '../reference-data/reference-lists.js';

const LISTS = {
  deviceType: 'device-types',
  evidentialUse: 'evidential-uses',
  custodyStatus: 'custody-statuses',
  toStatus: 'custody-statuses',
  purpose: 'custody-purposes',
} as const satisfies Record<string, ReferenceListName>;

type CodeField = keyof typeof LISTS;

// Every code a device or custody event carries is checked against its reference list (400 naming the field).
@Injectable()
export class DeviceCodes {
  constructor(private readonly reference: ReferenceDataService) {}

  check(values: Partial<Record<CodeField, string | string[] | null | undefined>>): void {
    const errors: FieldError[] = [];
    for (const [field, list] of Object.entries(LISTS) as [CodeField, ReferenceListName][]) {
      const value = values[field];
      if (value === undefined || value === null) continue;
      const unknown = (Array.isArray(value) ? value : [value]).filter(
        (code) => !this.reference.has(list, code),
      );
      if (unknown.length > 0) {
        const examples = this.reference.codes(list).slice(0, 5).join(', ');
        errors.push({
          field,
          message: `${field} ${unknown.map((code) => JSON.stringify(code)).join(', ')} is not a code from /api/reference/${list} (e.g. ${examples})`,
        });
      }
    }
    if (errors.length > 0) throw new ValidationFailedError(errors);
  }

  rejectNulls(values: object, fields: readonly string[]): void {
    const nulls = fields.filter((field) => (values as Record<string, unknown>)[field] === null);
    if (nulls.length > 0) {
      throw new ValidationFailedError(
        nulls.map((field) => ({ field, message: `${field} cannot be cleared` })),
      );
    }
  }
}
