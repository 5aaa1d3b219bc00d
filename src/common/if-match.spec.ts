import { PreconditionFailedError, PreconditionRequiredError } from './errors.js';
import { requireVersion } from './if-match.js';

describe('requireVersion', () => {
  it('accepts the quoted version, and the bare number', () => {
    expect(requireVersion('"3"', 3)).toBe(3);
    expect(requireVersion('3', 3)).toBe(3);
  });

  it('asks for If-Match (428) when it is missing, blank or *', () => {
    for (const header of [undefined, '', ' ', '*']) {
      expect(() => requireVersion(header, 1)).toThrow(PreconditionRequiredError);
    }
  });

  it('fails (412) on a stale, weak or malformed tag', () => {
    for (const header of ['"2"', 'W/"3"', '"x"', '"3", "4"']) {
      expect(() => requireVersion(header, 3)).toThrow(PreconditionFailedError);
    }
  });
});
