import { AuthFailureLimiter } from './auth-failure-limiter.js';

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
