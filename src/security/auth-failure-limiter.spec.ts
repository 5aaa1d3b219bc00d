import { AuthFailureLimiter, failureKey } from './auth-failure-limiter.js';
import { trustProxySetting } from './security.config.js';

describe('AuthFailureLimiter', () => {
  let clock: number;
  const limiter = () => new AuthFailureLimiter(3, 60_000, () => clock);

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('blocks a client after the limit of failures, for the rest of its window', () => {
    const sut = limiter();
    sut.recordFailure('10.0.0.1');
    sut.recordFailure('10.0.0.1');
    expect(sut.blockedFor('10.0.0.1')).toBe(0);

    sut.recordFailure('10.0.0.1');
    clock += 15_000;

    expect(sut.blockedFor('10.0.0.1')).toBe(45);
  });

  it('counts each client separately', () => {
    const sut = limiter();
    for (let i = 0; i < 3; i++) sut.recordFailure('10.0.0.1');

    expect(sut.blockedFor('10.0.0.2')).toBe(0);
  });

  it('lets the client try again when the window ends', () => {
    const sut = limiter();
    for (let i = 0; i < 3; i++) sut.recordFailure('10.0.0.1');

    clock += 60_000;

    expect(sut.blockedFor('10.0.0.1')).toBe(0);
    sut.recordFailure('10.0.0.1');
    expect(sut.blockedFor('10.0.0.1')).toBe(0);
  });
});

describe('failureKey', () => {
  it('tells tokens from one address apart by their first characters, never more of the token', () => {
    const a = failureKey('10.0.0.1', 'Bearer sr_AAAAAAAArest-of-token-one');
    const b = failureKey('10.0.0.1', 'Bearer sr_BBBBBBBBrest-of-token-two');

    expect(a).not.toBe(b);
    expect(a).toBe('10.0.0.1 sr_AAAAAAAA');
    expect(failureKey('10.0.0.2', 'Bearer sr_AAAAAAAAxyz')).not.toBe(a);
    expect(failureKey('10.0.0.1', undefined)).toBe('10.0.0.1 -');
    expect(failureKey('10.0.0.1', 'Basic dXNlcjpwYXNzd29yZA==')).toBe('10.0.0.1 Basic dXNlc');
  });

  it('reports the count, so the crossing of the limit is seen once', () => {
    const sut = new AuthFailureLimiter(2, 60_000, () => 0);
    expect([sut.recordFailure('k'), sut.recordFailure('k'), sut.recordFailure('k')]).toEqual([1, 2, 3]);
  });
});

describe('trustProxySetting', () => {
  it('trusts no proxy unless told, then addresses or a hop count', () => {
    expect(trustProxySetting(undefined)).toBe(false);
    expect(trustProxySetting('false')).toBe(false);
    const oneHop = trustProxySetting('1') as (address: string, hop: number) => boolean;
    expect([oneHop('10.0.0.5', 0), oneHop('10.0.0.5', 1)]).toEqual([true, false]);
    expect(trustProxySetting('10.0.0.5, 10.0.0.6')).toEqual(['10.0.0.5', '10.0.0.6']);
  });
});
