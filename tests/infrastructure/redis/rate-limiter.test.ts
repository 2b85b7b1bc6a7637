import { keyValueBackends } from '../../support/services';
import { openBackend, type TestBackend } from './redis-test-backend';
import { must } from '../../support/must';

const LONG = 30_000;

describe.each(keyValueBackends())('rate limiter (%s)', (backend) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await openBackend(backend, 'rate');
  });
  afterAll(() => b.dispose());

  it('counts down the calls left, then refuses with the time until the window ends', async () => {
    const rule = { limit: 3, windowMs: LONG };
    const decisions = [];
    for (let i = 0; i < 4; i += 1) decisions.push(await b.parts.rateLimiter.consume('chat:1', rule));
    expect(decisions.slice(0, 3)).toEqual([
      { allowed: true, remaining: 2, retryAfterMs: 0, resetMs: expect.any(Number) },
      { allowed: true, remaining: 1, retryAfterMs: 0, resetMs: expect.any(Number) },
      { allowed: true, remaining: 0, retryAfterMs: 0, resetMs: expect.any(Number) },
    ]);
    expect(decisions.slice(0, 3).every((d) => d.resetMs > 0 && d.resetMs <= LONG)).toBe(true);
    const refused = must(decisions[3], 'the fourth decision');
    expect(refused.allowed).toBe(false);
    expect(refused.remaining).toBe(0);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(LONG);
  });

  it('keeps keys apart', async () => {
    const rule = { limit: 1, windowMs: LONG };
    expect((await b.parts.rateLimiter.consume('chat:a', rule)).allowed).toBe(true);
    expect((await b.parts.rateLimiter.consume('chat:b', rule)).allowed).toBe(true);
    expect((await b.parts.rateLimiter.consume('chat:a', rule)).allowed).toBe(false);
  });

  it('allows exactly the limit among many concurrent calls from several connections', async () => {
    const limiters = Array.from({ length: 5 }, () => b.peer().rateLimiter);
    const rule = { limit: 10, windowMs: LONG };
    const decisions = await Promise.all(Array.from({ length: 50 }, (_, i) => must(limiters[i % limiters.length], 'a limiter').consume('api:burst', rule)));
    const allowed = decisions.filter((d) => d.allowed);
    expect(allowed).toHaveLength(10);
    expect(allowed.map((d) => d.remaining).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(decisions.filter((d) => !d.allowed).every((d) => d.retryAfterMs > 0)).toBe(true);
  });

  it('counts each of many concurrent calls of one instance for one key once (one count each, exactly the limit allowed)', async () => {
    const rule = { limit: 30, windowMs: LONG };
    const decisions = await Promise.all(Array.from({ length: 80 }, () => b.parts.rateLimiter.consume('api:one-client', rule)));
    const allowed = decisions.filter((d) => d.allowed);
    expect(allowed.map((d) => d.remaining).sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    // And the count went on from there: the next call is the 81st.
    expect(await b.parts.rateLimiter.consume('api:one-client', { limit: 81, windowMs: LONG })).toMatchObject({ allowed: true, remaining: 0 });
    expect((await b.parts.rateLimiter.consume('api:one-client', { limit: 81, windowMs: LONG })).allowed).toBe(false);
  });

  it('allows calls again once the window has passed', async () => {
    const rule = { limit: 2, windowMs: 150 };
    await b.parts.rateLimiter.consume('chat:window', rule);
    await b.parts.rateLimiter.consume('chat:window', rule);
    const refused = await b.parts.rateLimiter.consume('chat:window', rule);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(150);
    await b.advance(300);
    expect(await b.parts.rateLimiter.consume('chat:window', rule)).toMatchObject({ allowed: true, remaining: 1, retryAfterMs: 0 });
  });

  it('refuses a rule that makes no sense', async () => {
    await expect(b.parts.rateLimiter.consume('chat:bad', { limit: 0, windowMs: 1000 })).rejects.toThrow(RangeError);
    await expect(b.parts.rateLimiter.consume('chat:bad', { limit: 2.5, windowMs: 1000 })).rejects.toThrow(RangeError);
    await expect(b.parts.rateLimiter.consume('chat:bad', { limit: 5, windowMs: -1 })).rejects.toThrow(RangeError);
  });
});
