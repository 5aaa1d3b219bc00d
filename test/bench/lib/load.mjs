// HTTP measurement: single timed requests (latency of one report or page) and autocannon load runs.
import autocannon from 'autocannon';
import { Agent, request } from 'undici';
import { summarise } from './stats.mjs';

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 4 });

/** One request; returns { ms, status, bytes }. The body is read fully (a report is only done when sent). */
export async function timed(url, { method = 'GET', headers = {}, body, timeoutMs = 600_000 } = {}) {
  const started = performance.now();
  const res = await request(url, {
    method,
    headers,
    body,
    dispatcher: agent,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const buffer = Buffer.from(await res.body.arrayBuffer());
  return { ms: performance.now() - started, status: res.statusCode, bytes: buffer.length, buffer };
}

/** Repeats a request: warm-up runs (not counted), then `runs` timed runs; every answer must be 2xx. */
export async function repeat(
  url,
  { runs = 5, warmup = 1, headers = {}, expect = (status) => status < 300 } = {},
) {
  const samples = [];
  let bytes = 0;
  let last = null;
  for (let i = 0; i < warmup + runs; i++) {
    const r = await timed(url, { headers });
    if (!expect(r.status)) {
      throw new Error(`GET ${url} answered ${r.status}: ${r.buffer.toString('utf8').slice(0, 500)}`);
    }
    if (i >= warmup) samples.push(r.ms);
    bytes = r.bytes;
    last = r.buffer;
  }
  return { ...summarise(samples), samples, bytes, last };
}

/**
 * autocannon POST load with a unique body per request (makeBody(n) gets a counter), bounded in time.
 * Returns throughput and latency percentiles; non-2xx answers are counted and reported, not hidden.
 */
export async function postLoad({ url, headers = {}, makeBody, connections = 10, durationSec = 10 }) {
  let n = 0;
  const result = await autocannon({
    url,
    connections,
    duration: durationSec,
    pipelining: 1,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        setupRequest: (req) => ({ ...req, body: JSON.stringify(makeBody(n++)) }),
      },
    ],
  });
  const ok = result['2xx'] ?? 0;
  return {
    // Only 2xx answers count as work done; autocannon's average counts every answer.
    requestsPerSec: ok / result.duration,
    answeredPerSec: result.requests.average,
    ok,
    total: result.requests.total,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSec: result.duration,
    perSecond: result.requests, // average, min, max, stddev over the one-second buckets
  };
}
