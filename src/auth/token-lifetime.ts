import { ValidationFailedError } from '../common/errors.js';

/** Injection token for the TokenLifetime settings (provided by SecurityModule). */
export const TOKEN_LIFETIME = Symbol('TOKEN_LIFETIME');

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TokenLifetime {
  /** Days a token lives when no expiresAt is asked for (TOKEN_LIFETIME_DAYS, default 90). */
  defaultDays: number;
  /** The longest a token may live (TOKEN_MAX_LIFETIME_DAYS, default 365). */
  maxDays: number;
}

// Every token expires: when it is asked for (in the future, at most maxDays from now; 400 naming
// expiresAt otherwise), or defaultDays from now.
export function tokenExpiry(
  requested: string | null | undefined,
  lifetime: TokenLifetime,
  now = Date.now(),
): string {
  if (requested === undefined || requested === null)
    return new Date(now + lifetime.defaultDays * DAY_MS).toISOString();
  const at = Date.parse(requested);
  if (!(at > now)) {
    throw new ValidationFailedError([{ field: 'expiresAt', message: 'expiresAt must be in the future' }]);
  }
  if (at > now + lifetime.maxDays * DAY_MS) {
    throw new ValidationFailedError([
      {
        field: 'expiresAt',
        message: `expiresAt must be at most ${lifetime.maxDays} days from now (TOKEN_MAX_LIFETIME_DAYS)`,
      },
    ]);
  }
  return new Date(at).toISOString();
}

/** Tokens issued before expiry was the default (expiresAt null) stop maxDays after they were issued:
 * such a token is valid only if it was created after this instant. */
export function oldestUnexpiredCreation(lifetime: TokenLifetime, now = Date.now()): string {
  return new Date(now - lifetime.maxDays * DAY_MS).toISOString();
}

/** When a token issued without an expiry stops: maxDays after its issue. */
export function effectiveLegacyExpiry(createdAt: string, lifetime: TokenLifetime): string {
  return new Date(Date.parse(createdAt) + lifetime.maxDays * DAY_MS).toISOString();
}
