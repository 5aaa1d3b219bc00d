import { randomBytes } from 'node:crypto';
import { registerAs } from '@nestjs/config';

function whole(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`Invalid configuration:\n  ${name}: must be a whole number of at least 1`);
  }
  return value;
}

function flag(name: string, fallback: boolean): boolean {
  const raw = process.env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`Invalid configuration:\n  ${name}: must be true or false`);
}

function secret(): string {
  const raw = process.env.SESSION_SECRET;
  if (raw === undefined || raw === '') return randomBytes(32).toString('base64url');
  if (raw.length < 32) {
    throw new Error('Invalid configuration:\n  SESSION_SECRET: must be at least 32 characters');
  }
  return raw;
}

// Page sessions: SESSION_IDLE_MINUTES (30), SESSION_ABSOLUTE_HOURS (12), COOKIE_SECURE (default true
// when NODE_ENV=production), SESSION_SECRET (signs the cookies; without it a random one per start, so
// a restart signs everyone out).
export const signInConfig = registerAs('signIn', () => ({
  idleMs: whole('SESSION_IDLE_MINUTES', 30) * 60_000,
  absoluteMs: whole('SESSION_ABSOLUTE_HOURS', 12) * 3_600_000,
  cookieSecure: flag('COOKIE_SECURE', process.env.NODE_ENV === 'production'),
  secret: secret(),
}));
