import type { Type } from '@nestjs/common';
import { createValidationPipe } from '../common/validation.js';
import type { ReferenceDataService } from '../reference-data/reference-data.service.js';

const pipe = createValidationPipe();

// A form's values checked and shaped by the API's own DTO and ValidationPipe, so a page refuses exactly
// what the API refuses, with the same problem (a ValidationFailedError naming the fields).
export async function validated<T extends object>(dto: Type<T>, plain: Record<string, unknown>): Promise<T> {
  return (await pipe.transform(plain, { type: 'body', metatype: dto })) as T;
}

// Blank form fields are left out (optional in the DTO), or sent as null to clear them on an update.
export function withoutBlanks(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined && v !== null));
}

export function blanksAsNull(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? null : v]));
}

export interface SelectItem {
  value: string;
  text: string;
  selected?: boolean;
}

// A list's codes as <select> items showing their labels (codes stay the values).
export function codeOptions(
  reference: ReferenceDataService,
  list: string,
  selected: string | null | undefined,
  blank = 'Not recorded',
): SelectItem[] {
  const items = reference.items(list).map((item) => ({
    value: item.code,
    text: item.label,
    selected: item.code === selected,
  }));
  return blank === '' ? items : [{ value: '', text: blank, selected: !selected }, ...items];
}

export function labelOf(reference: ReferenceDataService, list: string, code: string | null | undefined): string {
  if (!code) return '';
  try {
    return reference.items(list).find((item) => item.code === code)?.label ?? code;
  } catch {
    return code;
  }
}

// Pagination links for govukPagination.
export function pagination(path: string, query: Record<string, string>, total: number, limit: number, offset: number) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const current = Math.floor(offset / limit) + 1;
  const href = (page: number) => `${path}?${new URLSearchParams({ ...query, page: String(page) }).toString()}`;
  const numbers = [...new Set([1, current - 1, current, current + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: { number?: number; href?: string; current?: boolean; ellipsis?: boolean }[] = [];
  numbers.forEach((n, i) => {
    if (i > 0 && n - numbers[i - 1] > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: href(n), current: n === current });
  });
  return {
    items: pages > 1 ? items : [],
    previous: current > 1 ? { href: href(current - 1) } : undefined,
    next: current < pages ? { href: href(current + 1) } : undefined,
    from: total === 0 ? 0 : offset + 1,
    to: Math.min(offset + limit, total),
    total,
  };
}

export function pageNumber(raw: string): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
