// What text the register accepts in any field: one rule for every body, query string and path parameter
// (and for anyone else who takes text in, e.g. an import cell).
//
// Refused, because they make a stored value read differently from what it is (a name shown reversed by
// U+202E, an exhibit reference with an invisible character that never matches its twin) or cannot be
// stored faithfully:
// - NUL (PostgreSQL cannot store it);
// - every other control character (Unicode Cc), except tab, line feed and carriage return in fields
//   that hold multi-line text;
// - every format character (Unicode Cf): bidirectional embeddings, overrides and isolates
//   (U+202A–U+202E, U+2066–U+2069), marks (U+200E, U+200F, U+061C), zero-width characters
//   (U+200B–U+200D), the byte order mark U+FEFF, soft hyphen, tags …;
// - line and paragraph separators (U+2028, U+2029) outside multi-line fields;
// - lone surrogates (half of a UTF-16 pair: not a character at all, so not valid UTF-8 once stored).

// Free-text fields in which a line break (and a tab) may stand: notes, reasons, the lab's write-ups and
// the seizure location (an address). Every other text field is one line.
export const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set([
  'notes',
  'reason',
  'scopeOverrideReason',
  'methods',
  'findingsSummary',
  'toolsUsed',
  'seizureLocation',
  // The FOI request form's questions box (a page field: one question per paragraph, each stored on one line).
  'questions',
]);

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVISIBLE_SINGLE_LINE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const INVISIBLE_MULTI_LINE = /[^\P{Cc}\t\n\r]|\p{Cf}/u;

/** Why `value` may not be stored in a field, or null when it may. */
export function unsafeTextReason(value: string, multiLine = false): string | null {
  if (value.includes(NUL)) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it holds a lone surrogate)';
  const found = (multiLine ? INVISIBLE_MULTI_LINE : INVISIBLE_SINGLE_LINE).exec(value);
  if (!found) return null;
  const code = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return multiLine
    ? `must not contain control or invisible formatting characters (found ${code})`
    : `must not contain control characters, line breaks or invisible formatting characters (found ${code})`;
}

/** The last name in a field path: `items[2].notes` → `notes`. */
export function fieldName(path: string): string {
  return (
    path
      .replace(/\[\d+\]$/, '')
      .split('.')
      .at(-1) ?? path
  );
}

export function isMultiLineField(path: string): boolean {
  return MULTI_LINE_FIELDS.has(fieldName(path));
}
