// Exhibit references (exhibit-statuses.json referenceConvention): the producing officer's initials and a
// sequence number, sub-exhibits add further numbers: ABC/1, ABC/001, ABC/1/1. Unique within a case.
export const EXHIBIT_REF_PATTERN = /^[A-Z]{2,4}\/\d+(\/\d+)*$/;
export const EXHIBIT_REF_MAX_LENGTH = 30;

// Stored form: trimmed, upper case.
export function normaliseExhibitRef(raw: string): string {
  return raw.trim().toUpperCase();
}

export function isExhibitRef(value: string): boolean {
  return value.length <= EXHIBIT_REF_MAX_LENGTH && EXHIBIT_REF_PATTERN.test(value);
}

// ABC/1 and ABC/001 name the same exhibit: compare without leading zeros.
export function exhibitRefKey(value: string): string {
  const [initials, ...numbers] = normaliseExhibitRef(value).split('/');
  return [initials, ...numbers.map((n) => String(Number(n)))].join('/');
}
