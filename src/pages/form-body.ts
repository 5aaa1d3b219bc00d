import { ValidationFailedError, type FieldError } from '../common/errors.js';
import { SafeTextPipe } from '../common/safe-text.pipe.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const safeText = new SafeTextPipe();

export type ParsedForm = Record<string, string | string[]>;

// One name or value of application/x-www-form-urlencoded: '+' is a space, %XX a byte; the bytes must
// be UTF-8. URLSearchParams would put U+FFFD in place of a bad byte and store it; here it is refused.
// A '%' not followed by two hex digits stays itself, as URLSearchParams (and browsers) keep it.
function decodeComponent(text: string): string | null {
  const spaced = text.replaceAll('+', ' ');
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  } catch {
    return null;
  }
}

// A form body as the pages read it: repeated fields become arrays, and the object has no prototype, so
// "__proto__" is just a key. Bytes that are not UTF-8 (raw or percent-encoded), and text the register
// refuses in any field (safe-text.ts: control and invisible formatting characters), are a 400 naming
// the field, before the CSRF check and before any handler: nothing is written.
export function parseFormBody(body: Buffer): ParsedForm {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new ValidationFailedError([{ field: 'body', message: 'must be UTF-8 text' }], 'The form is not valid UTF-8 text, so nothing was saved.');
  }
  const values = Object.create(null) as ParsedForm;
  const bad: FieldError[] = [];
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const key = decodeComponent(at < 0 ? pair : pair.slice(0, at));
    const value = decodeComponent(at < 0 ? '' : pair.slice(at + 1));
    if (key === null || value === null) {
      bad.push({ field: key ?? 'body', message: 'must be UTF-8 text' });
      continue;
    }
    const previous = values[key];
    values[key] = previous === undefined ? value : ([] as string[]).concat(previous, value);
  }
  if (bad.length > 0) throw new ValidationFailedError(bad, 'The form is not valid UTF-8 text, so nothing was saved.');
  safeText.transform(values, { type: 'body' });
  return values;
}
