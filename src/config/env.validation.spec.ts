import { validateEnv } from './env.validation.js';

describe('validateEnv', () => {
  it('accepts an empty environment (every setting has a default)', () => {
    expect(() => validateEnv({})).not.toThrow();
  });

  it('turns numeric settings into numbers', () => {
    const env = validateEnv({ PORT: '8080', FOI_SUPPRESS_BELOW: '5' });

    expect(env).toMatchObject({ PORT: 8080, FOI_SUPPRESS_BELOW: 5 });
  });

  it('names every bad setting in one message', () => {
    const bad = () =>
      validateEnv({
        PORT: 'eighty',
        FOI_SUPPRESS_BELOW: '-1',
        REGISTER_TIMEZONE: 'Mars/Olympus',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
      });

    expect(bad).toThrow(/PORT/);
    expect(bad).toThrow(/FOI_SUPPRESS_BELOW/);
    expect(bad).toThrow(/REGISTER_TIMEZONE: "Mars\/Olympus" is not an IANA time zone/);
    expect(bad).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(bad).toThrow(/LOG_LEVEL/);
  });

  it('checks the token lifetimes: whole days, the default no longer than the maximum', () => {
    expect(validateEnv({ TOKEN_LIFETIME_DAYS: '30', TOKEN_MAX_LIFETIME_DAYS: '60' })).toMatchObject({
      TOKEN_LIFETIME_DAYS: 30,
    });
    expect(() => validateEnv({ TOKEN_LIFETIME_DAYS: '0' })).toThrow(/TOKEN_LIFETIME_DAYS/);
    expect(() => validateEnv({ TOKEN_LIFETIME_DAYS: '400' })).toThrow(
      /TOKEN_LIFETIME_DAYS: 400 is longer than TOKEN_MAX_LIFETIME_DAYS \(365\)/,
    );
    expect(() => validateEnv({ AUTH_FAILURES_PER_MINUTE: 'lots' })).toThrow(/AUTH_FAILURES_PER_MINUTE/);
  });
});
