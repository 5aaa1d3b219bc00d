import { Injectable, Module } from '@nestjs/common';
import { BusyError } from './errors.js';

export interface WorkLimits {
  /** Expensive requests (imports, exports, FOI reports) run at once. */
  concurrency: number;
  /** Further ones that wait their turn; past that, 429 with Retry-After. */
  queue: number;
  /** Seconds a refused client is told to wait. */
  retryAfterSeconds: number;
}

const whole = (raw: string | undefined, fallback: number, min: number): number => {
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  return Number.isInteger(value) && value >= min ? value : fallback;
};

// HEAVY_WORK_CONCURRENCY (default 2), HEAVY_WORK_QUEUE (default 8), HEAVY_WORK_RETRY_AFTER (default 10 s).
export function workLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): WorkLimits {
  return {
    concurrency: whole(env.HEAVY_WORK_CONCURRENCY, 2, 1),
    queue: whole(env.HEAVY_WORK_QUEUE, 8, 0),
    retryAfterSeconds: whole(env.HEAVY_WORK_RETRY_AFTER, 10, 1),
  };
}

/** Gives back the slot; calling it again does nothing. */
export type Release = () => void;

// One limit for the register's expensive requests, so that a few large uploads or ten-year reports
// cannot take every core from /health and ordinary requests: at most `concurrency` run, `queue` more
// wait in arrival order, and the rest are refused at once (BusyError, 429 with Retry-After).
@Injectable()
export class WorkLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limits: WorkLimits = workLimitsFromEnv()) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async acquire(): Promise<Release> {
    if (this.active < this.limits.concurrency) {
      this.active += 1;
    } else if (this.waiting.length < this.limits.queue) {
      // The slot is handed over by release(), active unchanged.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      throw new BusyError(
        `The register is running as many imports, exports and reports as it allows (${this.limits.concurrency} at once, ${this.limits.queue} waiting); try again in ${this.limits.retryAfterSeconds} s.`,
        this.limits.retryAfterSeconds,
      );
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

@Module({
  providers: [{ provide: WorkLimiter, useFactory: () => new WorkLimiter() }],
  exports: [WorkLimiter],
})
export class WorkLimiterModule {}
