import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { FieldError } from '../common/errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
// scrypt parameters (N = 2^15, r = 8, p = 1: OWASP's minimum is 2^17 with p=1 for memory 128 MiB;
// 2^15 keeps a sign-in near 50 ms on a 2-core server). Stored with the hash so they can be raised later.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

// The rule for a new password: at least 12 characters, at most 256, not a well-known password and not
// the username. Returns the problems, field "password" (empty when acceptable).
export function passwordProblems(password: string, username?: string): FieldError[] {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [{ field: 'password', message: `Password must be at least ${PASSWORD_MIN_LENGTH} characters` }];
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return [{ field: 'password', message: `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer` }];
  }
  const plain = password.toLowerCase().replace(/\s+/g, '');
  const core = plain.replace(/[\d!?.@#$%^&*_-]+$/, '');
  if (COMMON_PASSWORDS.has(plain) || COMMON_PASSWORDS.has(core) || /^(.)\1+$/.test(plain) || /^\d+$/.test(plain)) {
    return [{ field: 'password', message: 'Password is too common: choose one that is harder to guess' }];
  }
  if (username && plain.includes(username.toLowerCase())) {
    return [{ field: 'password', message: 'Password must not contain the username' }];
  }
  return [];
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, { ...PARAMS, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

// A hash of a random password: checked when the username is unknown, so a wrong username takes as
// long as a wrong password.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(18).toString('base64'));
  return decoy;
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export function usernameProblems(username: string): FieldError[] {
  return USERNAME_PATTERN.test(normaliseUsername(username))
    ? []
    : [
        {
          field: 'username',
          message: 'Username must be 2 to 64 letters, digits, dots, hyphens or underscores',
        },
      ];
}
