interface Window {
  failures: number;
  resetAt: number;
}

/** Characters of a presented token that tell its failures apart ("sr_" and 8 random ones). */
export const TOKEN_PREFIX_LENGTH = 11;

// The limiter's key: the client address and the first characters of the token it presented (or of
// whatever it put in Authorization; "-" for nothing). So a client that keeps sending one bad token is
// locked out, while the valid tokens of others behind the same address (a NAT, a proxy) still work.
// Kept in memory only, never logged.
export function failureKey(client: string, authorization: string | undefined): string {
  const presented = /^Bearer\s+(\S+)/i.exec(authorization ?? '')?.[1] ?? authorization?.trim() ?? '';
  return `${client} ${presented ? presented.slice(0, TOKEN_PREFIX_LENGTH) : '-'}`;
}

// A failed page sign-in's key: the client address and the (normalised) username tried, so one client
// guessing one account's password is locked out of that account from that address, while everyone else
// behind the same address (a NAT, a proxy) can still sign in. The username is cut to 64 characters (the
// longest a username may be) so the key stays small. Kept in memory only, never logged.
export function signInFailureKey(client: string, username: string): string {
  return `${client} sign-in:${username.trim().toLowerCase().slice(0, 64)}`;
}

// Counts failed authentications per key (a fixed window each); a key over the limit is refused until
// its window ends. Successful requests are never counted.
export class AuthFailureLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  // Seconds until the client may try again, or 0 when it is not blocked.
  blockedFor(client: string): number {
    const window = this.current(client);
    if (!window || window.failures < this.limit) return 0;
    return Math.max(1, Math.ceil((window.resetAt - this.now()) / 1000));
  }

  /** Counts one failure; the key's failures in its window so far (the limit: just locked out). */
  recordFailure(client: string): number {
    const window = this.current(client);
    if (window) {
      window.failures += 1;
      return window.failures;
    }
    if (this.windows.size >= 10_000) this.prune();
    this.windows.set(client, { failures: 1, resetAt: this.now() + this.windowMs });
    return 1;
  }

  get threshold(): number {
    return this.limit;
  }

  get windowSeconds(): number {
    return Math.round(this.windowMs / 1000);
  }

  private current(client: string): Window | undefined {
    const window = this.windows.get(client);
    if (window && window.resetAt <= this.now()) {
      this.windows.delete(client);
      return undefined;
    }
    return window;
  }

  private prune(): void {
    const now = this.now();
    for (const [client, window] of this.windows) if (window.resetAt <= now) this.windows.delete(client);
  }
}
