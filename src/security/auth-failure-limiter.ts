interface Window {
  failures: number;
  resetAt: number;
}

// Counts failed authentications per client (a fixed window each); a client over the limit is refused
// until its window ends. Successful requests are never counted.
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

  recordFailure(client: string): void {
    const window = this.current(client);
    if (window) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= 10_000) this.prune();
    this.windows.set(client, { failures: 1, resetAt: this.now() + this.windowMs });
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
