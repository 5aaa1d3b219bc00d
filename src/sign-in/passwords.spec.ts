import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblems, usernameProblems, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('accepts a long uncommon password and refuses short, common or username-based ones', () => {
    expect(passwordProblems('violet-harbour-teapot')).toEqual([]);
    expect(passwordProblems('short-one')[0].message).toMatch(/at least 12/);
    expect(passwordProblems('Password1234!')[0].message).toMatch(/too common/);
    expect(passwordProblems('qwertyuiop12')[0].message).toMatch(/too common/);
    expect(passwordProblems('111111111111')[0].message).toMatch(/too common/);
    expect(passwordProblems('jsmith-long-enough', 'jsmith')[0].message).toMatch(/username/);
  });

  it('hashes with a salt and verifies only the right password', async () => {
    const a = await hashPassword('violet-harbour-teapot');
    const b = await hashPassword('violet-harbour-teapot');
    expect(a).not.toEqual(b);
    expect(a.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('violet-harbour-teapot', a)).toBe(true);
    expect(await verifyPassword('violet-harbour-teapoT', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });

  it('checks usernames', () => {
    expect(usernameProblems('pc.1234')).toEqual([]);
    expect(usernameProblems('a')).toHaveLength(1);
    expect(usernameProblems('has space')).toHaveLength(1);
  });
});
