import { Transform } from 'class-transformer';

// Query strings carry text: "true"/"false" become booleans; anything else is left for @IsBoolean to reject.
export const BooleanQuery = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

// A repeatable query parameter (?deviceType=A&deviceType=B) is always an array.
export const ArrayQuery = () =>
  Transform(({ value }: { value: unknown }) =>
    value === undefined || Array.isArray(value) ? value : [value],
  );

// Printable text without leading or trailing spaces.
export const TRIMMED_TEXT = /^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u;
