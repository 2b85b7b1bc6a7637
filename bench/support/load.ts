// The load generator: ONE process (this one), closed loop, keep-alive HTTP/1.1 over an undici pool with one
// connection per concurrent client. Each client builds its own requests (its own shopper, a fresh Idempotency-Key),
// which is why this is not autocannon: autocannon's request context does not survive from one request to the next.
import { build as buildHistogram } from 'hdr-histogram-js';
import { Pool } from 'undici';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface LoadResult {
  /** Requests answered with the expected status, per second of the measured window. */
  perSecond: number;
  ok: number;
  failed: number;
  /** The first few unexpected answers, for the report. */
  failures: string[];
  p50: number;
  p99: number;
  seconds: number;
}

export interface LoadOptions {
  base: string;
  connections: number;
  /** Measured window; the run also stops early when `next` returns null for every client. */
  seconds: number;
  warmupSeconds?: number;
  /** The request client `client` sends next (its n-th); null: this client is done. */
  next: (client: number, n: number) => LoadRequest | null;
  /** Statuses that count as success (default: any 2xx). */
  expect?: (status: number) => boolean;
}

const MAX_FAILURES_KEPT = 5;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(options.base, {
    connections: options.connections,
    pipelining: 1,
    keepAliveTimeout: 60_000,
    headersTimeout: 60_000,
    bodyTimeout: 60_000,
  });
  const expect = options.expect ?? ((s: number) => s >= 200 && s < 300);
  const histogram = buildHistogram({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
  const failures: string[] = [];
  let ok = 0;
  let failed = 0;
  const warmupMs = (options.warmupSeconds ?? 0) * 1000;
  const started = performance.now();
  const measureFrom = started + warmupMs;
  const stopAt = measureFrom + options.seconds * 1000;
  let lastFinished = measureFrom;

  const client = async (id: number) => {
    for (let n = 0; performance.now() < stopAt; n += 1) {
      const request = options.next(id, n);
      if (!request) return;
      const t0 = performance.now();
      let status = 0;
      let problem: string | null = null;
      try {
        const res = await pool.request({ origin: options.base, method: request.method, path: request.path, headers: request.headers, body: request.body });
        status = res.statusCode;
        const text = await res.body.text();
        if (!expect(status)) problem = `HTTP ${status} ${text.slice(0, 200)}`;
      } catch (e) {
        problem = (e as Error).message;
      }
      const t1 = performance.now();
      if (t0 < measureFrom) continue;
      lastFinished = Math.max(lastFinished, t1);
      if (problem === null) {
        ok += 1;
        histogram.recordValue(Math.max(1, Math.round((t1 - t0) * 1000)));
      } else {
        failed += 1;
        if (failures.length < MAX_FAILURES_KEPT) failures.push(problem);
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, i) => client(i)));
  await pool.close();
  // A run whose requests ran out early is measured over the time it really took.
  const seconds = Math.max(0.001, (Math.min(lastFinished, stopAt + 60_000) - measureFrom) / 1000);
  const result: LoadResult = {
    perSecond: ok / seconds,
    ok,
    failed,
    failures,
    p50: histogram.getValueAtPercentile(50) / 1000,
    p99: histogram.getValueAtPercentile(99) / 1000,
    seconds,
  };
  histogram.destroy();
  return result;
}
