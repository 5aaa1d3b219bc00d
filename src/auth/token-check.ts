import type { Role } from './role.enum.js';

/** A token as one read finds it by its hash, with its user. */
export interface TokenRow {
  id: string;
  role: Role;
  tokenId: string;
  revokedAt: string | null;
  expiresAt: string | null;
  createdAt: string;
  disabledAt: string | null;
}

export type TokenRefusal = 'token-unknown' | 'token-revoked' | 'user-disabled' | 'token-expired';

// The rule "this token may be used now", once for every request and for the reason of a refusal: known,
// not revoked, its user not disabled, not expired (a token without an expiry, issued before every token
// had one, lasts the longest lifetime from its issue: created after `oldest`). Instants are ISO UTC text.
export function tokenRefusal(row: TokenRow | undefined, now: string, oldest: string): TokenRefusal | null {
  if (row === undefined) return 'token-unknown';
  if (row.revokedAt !== null) return 'token-revoked';
  if (row.disabledAt !== null) return 'user-disabled';
  const live = row.expiresAt !== null ? row.expiresAt > now : row.createdAt > oldest;
  return live ? null : 'token-expired';
}

// The one read: by the token's hash (a unique index), `?` as its placeholder.
export const TOKEN_SQL =
  'SELECT "u"."id" AS "id", "u"."role" AS "role", "t"."id" AS "tokenId", "t"."revokedAt" AS "revokedAt", ' +
  '"t"."expiresAt" AS "expiresAt", "t"."createdAt" AS "createdAt", "u"."disabledAt" AS "disabledAt" ' +
  'FROM "api_tokens" "t" INNER JOIN "users" "u" ON "u"."id" = "t"."userId" WHERE "t"."tokenHash" = ?';
