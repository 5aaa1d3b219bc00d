import { BusyError } from './errors.js';
import { WorkLimiter, workLimitsFromEnv } from './work-limiter.js';

describe('WorkLimiter', () => {
  it('runs up to the limit at once, queues the next in order, and refuses past the queue', async () => {
    const limiter = new WorkLimiter({ concurrency: 2, queue: 1, retryAfterSeconds: 7 });
    const first = await limiter.acquire();
    const second = await limiter.acquire();
    expect(limiter.running).toBe(2);
    let thirdStarted = false;
    const third = limiter.acquire().then((release) => {
      thirdStarted = true;
      return release;
    });
    expect(limiter.queued).toBe(1);
    const refused = await limiter.acquire().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BusyError);
    expect((refused as BusyError).retryAfterSeconds).toBe(7);
    expect(thirdStarted).toBe(false);
    first();
    first(); // a second release gives nothing back twice
    const releaseThird = await third;
    expect(thirdStarted).toBe(true);
    expect(limiter.running).toBe(2);
    second();
    releaseThird();
    expect(limiter.running).toBe(0);
  });

  it('gives the slot back when the work fails', async () => {
    const limiter = new WorkLimiter({ concurrency: 1, queue: 0, retryAfterSeconds: 1 });
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(() => Promise.resolve(42))).resolves.toBe(42);
  });

  it('reads its settings from the environment, with defaults', () => {
    expect(workLimitsFromEnv({})).toEqual({ concurrency: 2, queue: 8, retryAfterSeconds: 10 });
    expect(
      workLimitsFromEnv({ HEAVY_WORK_CONCURRENCY: '4', HEAVY_WORK_QUEUE: '0', HEAVY_WORK_RETRY_AFTER: '3' }),
    ).toEqual({ concurrency: 4, queue: 0, retryAfterSeconds: 3 });
  });
});
