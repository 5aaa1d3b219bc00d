import { Role } from './role.enum.js';
import { tokenRefusal, type TokenRow } from './token-check.js';

const NOW = '2026-12-03T12:00:00.000Z';
const OLDEST = '2025-12-03T12:00:00.000Z';
const row = (overrides: Partial<TokenRow> = {}): TokenRow => ({
  id: 'u',
  role: Role.Lab,
  tokenId: 't',
  revokedAt: null,
  expiresAt: '2027-01-01T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  disabledAt: null,
  ...overrides,
});

describe('tokenRefusal', () => {
  it.each([
    ['a live token', row(), null],
    ['no token with this hash', undefined, 'token-unknown'],
    ['revoked (before anything else)', row({ revokedAt: NOW, disabledAt: NOW }), 'token-revoked'],
    ['its user disabled', row({ disabledAt: NOW }), 'user-disabled'],
    ['expired at this instant', row({ expiresAt: NOW }), 'token-expired'],
    ['no expiry, issued within the longest lifetime', row({ expiresAt: null }), null],
    ['no expiry, issued before it', row({ expiresAt: null, createdAt: OLDEST }), 'token-expired'],
  ])('%s', (_, token, refusal) => {
    expect(tokenRefusal(token, NOW, OLDEST)).toBe(refusal);
  });
});
