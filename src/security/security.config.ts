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
}));
