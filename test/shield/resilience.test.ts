// The budget, 429 handling, retries and the circuit breaker, with the sandbox's faults over real
// HTTP: what the GraphQL caller gets, how many requests Clopos saw, and within what time.
import { afterEach, describe, expect, it } from 'vitest';
import { Budget, MemoryBudgetStore } from '../../src/shield/budget.js';
import { CREATE, LIST, type ShieldedGateway, codes, simpleOrder, sleep, startShieldedGateway } from './support.js';

let gw: ShieldedGateway;
afterEach(() => gw?.close());

const noCache = { cacheTtlMs: 0 };

describe('budget', () => {
  it('waits for a token when the wait fits the deadline, and refuses when it does not', async () => {
    let now = 0;
    const budget = new Budget({
      store: new MemoryBudgetStore(2),
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    });
    await budget.acquire(60_000);
    await budget.acquire(60_000);
    await expect(budget.acquire(30_000)).rejects.toMatchObject({ name: 'BudgetExhausted', retryAfterMs: 60_000 });
    await budget.acquire(120_000);
    expect(now).toBe(60_000);
  });

  it('never sends more than CLOPOS_BUDGET_PER_MINUTE; the rest get UPSTREAM_RATE_LIMITED with a retry-after', async () => {
    gw = await startShieldedGateway({ settings: { ...noCache, cloposBudgetPerMinute: 3, requestTimeoutMs: 2000 } });
    const answers = [];
    for (let i = 1; i <= 5; i++) answers.push(await gw.gql(LIST, { first: i }));
    expect(gw.calls('GET', '/orders')).toHaveLength(3);
    expect(answers.slice(0, 3).every((a) => a.errors === undefined)).toBe(true);
    for (const a of answers.slice(3)) {
      expect(codes(a)).toEqual(['UPSTREAM_RATE_LIMITED']);
      expect(a.errors![0]!.extensions!.retryAfter).toBeGreaterThanOrEqual(55);
      expect(a.ms).toBeLessThan(500);
    }
  });

  it('reads RateLimit-Remaining: at 0 nothing is sent until RateLimit-Reset', async () => {
    gw = await startShieldedGateway({ sandbox: { rateLimitPerMinute: 2 }, settings: { ...noCache, requestTimeoutMs: 2000 } });
    await gw.gql(LIST, { first: 1 });
    await gw.gql(LIST, { first: 2 });
    const third = await gw.gql(LIST, { first: 3 });
    expect(codes(third)).toEqual(['UPSTREAM_RATE_LIMITED']);
    expect(gw.calls('GET', '/orders')).toHaveLength(2);
  });
});

describe('429 from Clopos', () => {
  it('waits RateLimit-Reset and retries a GET within the deadline', async () => {
    gw = await startShieldedGateway({ settings: { ...noCache, requestTimeoutMs: 5000 } });
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 429, rateLimitReset: 1, times: 1 });
    const answer = await gw.gql(LIST, { first: 2 });
    expect(answer.errors).toBeUndefined();
    const sent = gw.calls('GET', '/orders');
    expect(sent.map((r) => r.status)).toEqual([429, 200]);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('answers UPSTREAM_RATE_LIMITED with retryAfter when the wait would pass the deadline', async () => {
    gw = await startShieldedGateway({ settings: { ...noCache, requestTimeoutMs: 1500 } });
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 429, rateLimitReset: 7, times: 1 });
    const answer = await gw.gql(LIST, { first: 2 });
    expect(codes(answer)).toEqual(['UPSTREAM_RATE_LIMITED']);
    expect(answer.errors![0]!.extensions!.retryAfter).toBe(7);
    expect(answer.ms).toBeLessThan(1500);
    expect(gw.calls('GET', '/orders')).toHaveLength(1);
    // The budget holds every other call back until the reset, too.
    const next = await gw.gql(LIST, { first: 3 });
    expect(codes(next)).toEqual(['UPSTREAM_RATE_LIMITED']);
    expect(gw.calls('GET', '/orders')).toHaveLength(1);
  });
});

describe('retries', () => {
  it('retries a GET twice on 5xx and answers when the third attempt succeeds', async () => {
    gw = await startShieldedGateway({ settings: noCache });
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 503, times: 2 });
    const answer = await gw.gql(LIST, { first: 2 });
    expect(answer.errors).toBeUndefined();
    expect(gw.calls('GET', '/orders').map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('gives up after 2 retries with UPSTREAM_UNAVAILABLE', async () => {
    gw = await startShieldedGateway({ settings: noCache });
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 504 });
    const answer = await gw.gql(LIST, { first: 2 });
    expect(codes(answer)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(gw.calls('GET', '/orders')).toHaveLength(3);
  });

  it('retries a broken connection and a timed-out GET', async () => {
    gw = await startShieldedGateway({ settings: { ...noCache, cloposTimeoutMs: 300 } });
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', resetConnection: true, times: 1 });
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', latencyMs: 1000, times: 1 });
    const answer = await gw.gql(LIST, { first: 2 });
    expect(answer.errors).toBeUndefined();
    expect(gw.calls('GET', '/orders').length).toBeGreaterThanOrEqual(3);
  });

  it('never retries a create, and does not retry 4xx', async () => {
    gw = await startShieldedGateway({ settings: noCache });
    gw.sandbox.control.injectFault({ method: 'POST', path: '/orders', status: 503 });
    const created = await gw.gql<{ createOrder: { userErrors: Array<{ code: string }> } }>(CREATE, { input: simpleOrder() });
    expect(created.data!.createOrder.userErrors.map((e) => e.code)).toEqual(['UPSTREAM_OUTCOME_UNKNOWN']);
    expect(gw.calls('POST', '/orders')).toHaveLength(1);
    gw.sandbox.control.clearFaults();
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 400, times: 1 });
    const rejected = await gw.gql(LIST, { first: 2 });
    expect(codes(rejected)).toEqual(['UPSTREAM_REJECTED']);
    expect(gw.calls('GET', '/orders')).toHaveLength(1);
  });

  it('stays inside the request deadline', async () => {
    gw = await startShieldedGateway({ settings: { ...noCache, cloposTimeoutMs: 5000, requestTimeoutMs: 800 } });
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', latencyMs: 3000 });
    const answer = await gw.gql(LIST, { first: 2 });
    expect(codes(answer)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(answer.ms).toBeLessThan(1100);
  });
});

describe('circuit breaker', () => {
  const fast = { breaker: { openMs: 400 }, retry: { retries: 0 } };

  it('opens after 5 consecutive failures and answers UPSTREAM_UNAVAILABLE at once without calling Clopos', async () => {
    gw = await startShieldedGateway({ settings: noCache, deps: fast });
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 500 });
    for (let i = 1; i <= 5; i++) expect(codes(await gw.gql(LIST, { first: i }))).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(gw.shield.health().breaker).toBe('open');
    const refused = await gw.gql(LIST, { first: 9 });
    expect(codes(refused)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(refused.ms).toBeLessThan(100);
    expect(gw.calls('GET', '/orders')).toHaveLength(5);
  });

  it('lets one probe through after the pause: a failed probe reopens, a good one closes and clears', async () => {
    gw = await startShieldedGateway({ settings: noCache, deps: fast });
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 500 });
    for (let i = 1; i <= 5; i++) await gw.gql(LIST, { first: i });
    await sleep(450);
    // Concurrent requests in half-open: exactly one reaches Clopos.
    gw.sandbox.control.clearRequests();
    await Promise.all([1, 2, 3].map((i) => gw.gql(LIST, { first: 10 + i })));
    expect(gw.calls('GET', '/orders')).toHaveLength(1);
    expect(gw.shield.health().breaker).toBe('open');
    const ready = () => gw.shield.readiness.every((c) => c.check());
    expect(ready()).toBe(false);
    gw.sandbox.control.clearFaults();
    await sleep(450);
    expect((await gw.gql(LIST, { first: 20 })).errors).toBeUndefined();
    expect(gw.shield.health().breaker).toBe('closed');
    expect(ready()).toBe(true);
    // Cleared: one new failure does not reopen it.
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 500, times: 1 });
    await gw.gql(LIST, { first: 21 });
    expect(gw.shield.health().breaker).toBe('closed');
  });

  it('opens when half of at least 10 calls in 10 s failed', async () => {
    gw = await startShieldedGateway({ settings: noCache, deps: fast });
    for (let i = 1; i <= 10; i++) {
      if (i % 2 === 0) gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 502, times: 1 });
      await gw.gql(LIST, { first: i });
    }
    expect(gw.shield.health().breaker).toBe('open');
  });

  it('never counts 429 or other 4xx', async () => {
    gw = await startShieldedGateway({ settings: { ...noCache, requestTimeoutMs: 500 }, deps: fast });
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 400, times: 6 });
    for (let i = 1; i <= 6; i++) await gw.gql(LIST, { first: i });
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 429, rateLimitReset: 1, times: 6 });
    for (let i = 1; i <= 6; i++) await gw.gql(LIST, { first: 10 + i });
    expect(gw.shield.health().breaker).toBe('closed');
  });
});
