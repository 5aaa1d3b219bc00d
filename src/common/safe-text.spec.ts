import fc from 'fast-check';
import { jsonDepthProblem, MAX_JSON_DEPTH } from './json-body.js';
import { isMultiLineField, unsafeTextReason } from './safe-text.js';

describe('unsafeTextReason', () => {
  it('accepts letters of every script, punctuation, combining marks and emoji', () => {
    for (const text of ['PC 1234', 'Zoë', 'محمد', '李小龍', 'e\u0301', '\u{1F469}\u{1F3FD}', 'a\u00A0b']) {
      expect(unsafeTextReason(text), text).toBeNull();
    }
  });

  it('refuses bidirectional, zero-width and other format characters anywhere', () => {
    const refused = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
    refused.push(0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0xfeff, 0x061c, 0x00ad, 0xe0041);
    for (const code of refused) {
      const text = `a${String.fromCodePoint(code)}b`;
      expect(unsafeTextReason(text), code.toString(16)).toMatch(/must not contain/);
      expect(unsafeTextReason(text, true), code.toString(16)).toMatch(/must not contain/);
    }
  });

  it('allows tab and line breaks only in multi-line fields; other controls nowhere', () => {
    for (const ch of ['\t', '\n', '\r']) {
      expect(unsafeTextReason(`a${ch}b`)).toMatch(/line breaks/);
      expect(unsafeTextReason(`a${ch}b`, true)).toBeNull();
    }
    for (const ch of ['\u0001', '\u001b', '\u007f', '\u0085', '\u2028']) {
      expect(unsafeTextReason(`a${ch}b`)).not.toBeNull();
    }
    expect(unsafeTextReason('a\u0000b', true)).toBe('must not contain a NUL character');
    expect(unsafeTextReason('a\u0007b', true)).toContain('U+0007');
  });

  it('refuses lone surrogates, keeps pairs', () => {
    expect(unsafeTextReason('a\ud800b')).toMatch(/surrogate/);
    expect(unsafeTextReason('a\udc00')).toMatch(/surrogate/);
    expect(unsafeTextReason('\ud83d\ude00')).toBeNull();
  });

  it('knows the multi-line fields by their last name', () => {
    expect(isMultiLineField('notes')).toBe(true);
    expect(isMultiLineField('rows[3].notes')).toBe(true);
    expect(isMultiLineField('make')).toBe(false);
  });
});

describe('jsonDepthProblem', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('allows MAX_JSON_DEPTH levels and refuses one more', () => {
    expect(jsonDepthProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonDepthProblem(nested(MAX_JSON_DEPTH + 1))).toMatch(/32/);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ a: '[[[[{{{{"\\'.repeat(50), b: [1] });
    expect(jsonDepthProblem(text, 2)).toBeNull();
  });

  it('agrees with the real depth of any JSON value', () => {
    const depthOf = (v: unknown): number =>
      v !== null && typeof v === 'object'
        ? 1 + Math.max(0, ...Object.values(v as Record<string, unknown>).map(depthOf))
        : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 6 }), (value, limit) => {
        expect(jsonDepthProblem(JSON.stringify(value), limit) === null).toBe(depthOf(value) <= limit);
      }),
    );
  });
});
