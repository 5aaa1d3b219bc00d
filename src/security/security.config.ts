import { registerAs } from '@nestjs/config';

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`Invalid configuration:\n  ${name}: must be a whole number of at least 1`);
  }
  return value;
}

export const securityConfig = registerAs('security', () => ({
  // Failed bearer-token checks (401s) allowed per client IP per window before it gets 429.
  authFailuresPerWindow: positiveInt('AUTH_FAILURES_PER_MINUTE', 20),
  authFailureWindowMs: 60_000,
  // Every bearer token expires: TOKEN_LIFETIME_DAYS after it is issued unless expiresAt is given, and
  // never later than TOKEN_MAX_LIFETIME_DAYS (an older token without an expiry stops then too).
  tokenLifetimeDays: positiveInt('TOKEN_LIFETIME_DAYS', 90),
  tokenMaxLifetimeDays: positiveInt('TOKEN_MAX_LIFETIME_DAYS', 365),
}));

// TRUST_PROXY: unset (default) trusts no proxy, so the limiter counts per connecting address. Behind a
// reverse proxy set it to the proxy's address(es) ("10.0.0.5,10.0.0.6") or a hop count ("1"), so the
// client's own address (X-Forwarded-For) is counted, not the proxy's.
export function trustProxySetting(
  raw = process.env.TRUST_PROXY,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  const value = raw?.trim();
  if (!value || value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address: string, hop: number) => hop < hops;
  }
  return value.split(',').map((part) => part.trim());
}
