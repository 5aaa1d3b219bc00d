import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'sr_';

export function generateToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeToken(token: string): boolean {
  return token.startsWith(PREFIX) && token.length > 20 && token.length < 100;
}
