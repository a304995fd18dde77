import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { RateLimiter } from '../../src/sandbox/rate-limit.js';
import { api, control, postAuth, tokenFor } from './helpers.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ enforceRateLimits: true, rateLimitPerMinute: 5, authRateLimitPerMinute: 3 });
});
beforeEach(() => sandbox.control.reset());
afterAll(() => sandbox.close());

const RATE_LIMITED = { success: false, error: 'rate_limited', message: 'Too many requests. Retry later.' };

it('counts RateLimit-Remaining down per request and answers 429 once the quota is spent', async () => {
  const client = api(sandbox, await tokenFor(sandbox));
  const remaining: string[] = [];
  for (let i = 0; i < 5; i++) {
    const { status, headers } = await client.get('/orders?limit=1');
    expect(status).toBe(200);
    expect(headers.get('ratelimit-limit')).toBe('5');
    remaining.push(headers.get('ratelimit-remaining')!);
  }
  expect(remaining).toEqual(['4', '3', '2', '1', '0']);
  const refused = await client.get('/orders?limit=1');
  expect(refused.status).toBe(429);
  expect(refused.body).toEqual(RATE_LIMITED);
  expect(refused.headers.get('ratelimit-remaining')).toBe('0');
  const reset = Number(refused.headers.get('ratelimit-reset'));
  expect(reset).toBeGreaterThanOrEqual(59);
  expect(reset).toBeLessThanOrEqual(60);
});

it('counts per integrator and brand, so a new token does not get a new quota', async () => {
  await api(sandbox, await tokenFor(sandbox)).get('/orders?limit=1');
  await api(sandbox, await tokenFor(sandbox)).get('/orders?limit=1');
  const third = await api(sandbox, await tokenFor(sandbox)).get('/orders?limit=1');
  expect(third.headers.get('ratelimit-remaining')).toBe('2');
});

it('counts failed requests (404, 400) against the quota', async () => {
  const client = api(sandbox, await tokenFor(sandbox));
  expect((await client.get('/orders/99999')).headers.get('ratelimit-remaining')).toBe('4');
  for (let i = 0; i < 4; i++) expect((await client.get('/orders?limit=0')).status).toBe(400);
  expect((await client.get('/orders')).status).toBe(429);
});

describe('the sliding window, on a clock the test controls', () => {
  it('does not count refused requests: capacity returns when the oldest served one leaves', () => {
    const limiter = new RateLimiter(2, true);
    expect(limiter.hit('k', 0)).toMatchObject({ allowed: true, remaining: 1, reset: 60 });
    expect(limiter.hit('k', 10_000)).toMatchObject({ allowed: true, remaining: 0, reset: 50 });
    expect(limiter.hit('k', 30_000)).toMatchObject({ allowed: false, remaining: 0, reset: 30 });
    expect(limiter.hit('k', 59_999)).toMatchObject({ allowed: false, reset: 1 });
    expect(limiter.hit('k', 60_000)).toMatchObject({ allowed: true, remaining: 0, reset: 10 });
  });

  it('keeps counting without enforcement, Remaining staying at 0 while over quota', () => {
    const limiter = new RateLimiter(2, false);
    for (const t of [0, 1000, 2000, 3000]) expect(limiter.hit('k', t).allowed).toBe(true);
    // Reset says when a slot frees up: the oldest of the newest two (3000 ms) leaves at 63 s.
    expect(limiter.hit('k', 4000)).toMatchObject({ remaining: 0, reset: 59 });
    expect(limiter.hit('other', 4000).remaining).toBe(1);
  });
});

it('limits /auth per client IP and answers 429 past the quota', async () => {
  const seen: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { status, headers } = await postAuth(sandbox, sandbox.credentials);
    expect(status).toBe(200);
    seen.push(headers.get('ratelimit-remaining')!);
  }
  expect(seen).toEqual(['2', '1', '0']);
  const refused = await postAuth(sandbox, sandbox.credentials);
  expect(refused.status).toBe(429);
  expect(refused.body).toEqual(RATE_LIMITED);
  expect(refused.headers.get('ratelimit-limit')).toBe('3');
});

it('does not count control requests, and reset clears the windows', async () => {
  const client = api(sandbox, await tokenFor(sandbox));
  for (let i = 0; i < 5; i++) await client.get('/orders?limit=1');
  for (let i = 0; i < 10; i++) expect((await control(sandbox, 'GET', '/requests')).status).toBe(200);
  expect((await client.get('/orders?limit=1')).status).toBe(429);
  expect((await control(sandbox, 'POST', '/reset')).status).toBe(200);
  const fresh = api(sandbox, await tokenFor(sandbox));
  const after = await fresh.get('/orders?limit=1');
  expect(after.status).toBe(200);
  expect(after.headers.get('ratelimit-remaining')).toBe('4');
});
