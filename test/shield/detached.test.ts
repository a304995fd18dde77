// Work that outlives or is shared beyond one request runs detached from its scope, and calls the
// gateway never sent give the breaker no verdict. Through the quota shield as main.ts wires it,
// against the sandbox over HTTP.
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../src/upstreams/errors.js';
import { Budget, MemoryBudgetStore } from '../../src/shield/budget.js';
import { pollReserve } from '../../src/shield/index.js';
import { errorLog } from '../../src/observability/log-errors.js';
import { currentScope, runDetached, runInScope } from '../../src/request-scope.js';
import { type ShieldedGateway, startShieldedGateway } from './support.js';

let gw: ShieldedGateway | undefined;
afterEach(async () => {
  await gw?.close();
  gw = undefined;
});

const list = (first: number) => ({ page: 1, limit: first });

describe('calls never sent', () => {
  it('many calls refused before sending (deadline passed, budget spent) never open the breaker', async () => {
    gw = await startShieldedGateway({ settings: { cacheTtlMs: 0, cloposBudgetPerMinute: 5 } });
    const { clopos, shield } = gw.shield;
    await clopos.call('listOrders', list(1)); // a token, and one call spent
    const sent = gw.calls().length;

    // Requests whose deadline has passed: reads and cancels refused before they leave, 40 times.
    const late = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        runInScope({ requestId: `late-${i}`, deadline: Date.now() - 1 }, () => (i % 2 ? clopos.call('listOrders', list(2 + i)) : clopos.call('cancelOrder', { id: 1 + i }))),
      ),
    );
    for (const r of late) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', reason: 'timeout', notSent: true });
    }
    expect(gw.calls().length).toBe(sent);
    // The budget (5 a minute, one spent above): spend it, then 40 more refused by it.
    const spent = await Promise.allSettled(Array.from({ length: 44 }, (_, i) => clopos.call('listOrders', list(50 + i))));
    expect(spent.filter((r) => r.status === 'rejected' && (r.reason as UpstreamError).reason === 'budget')).toHaveLength(40);
    expect(gw.calls().length - sent).toBe(4);
    expect(shield.breaker.current()).toBe('closed');
  });

  it('a connection refused still counts: Clopos cannot be reached', () => {
    const refused = new UpstreamError({ operation: 'listOrders', code: 'UPSTREAM_UNAVAILABLE', reason: 'network', notSent: true });
    expect(refused.notSent).toBe(true);
  });
});

describe('shared calls are detached from the request that started them', () => {
  it('a coalesced GET outlives the first caller’s deadline and answers the caller who joined it', async () => {
    gw = await startShieldedGateway({ settings: { cacheTtlMs: 0 } });
    const { clopos, shield } = gw.shield;
    await clopos.call('listOrders', list(1)); // token
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', latencyMs: 600, times: 1 });
    const hurried = runInScope({ requestId: 'hurried', deadline: Date.now() + 150 }, () => clopos.call('listOrders', list(7)));
    const patient = runInScope({ requestId: 'patient', deadline: Date.now() + 10_000 }, () => clopos.call('listOrders', list(7)));
    await expect(hurried).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', reason: 'timeout' });
    const page = await patient;
    expect(page.orders).toHaveLength(7);
    // One call for both, and it carried the first caller's id (for the logs), not its deadline.
    const calls = gw.calls('GET', '/orders').filter((r) => r.rawQuery.includes('limit=7'));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers['x-request-id']).toBe('hurried');
    expect(shield.breaker.current()).toBe('closed');
  });

  it('a token renewal started by a request whose deadline then passes still serves the next caller', async () => {
    gw = await startShieldedGateway({ settings: { cacheTtlMs: 0 } });
    const { clopos } = gw.shield;
    gw.sandbox.control.injectFault({ method: 'POST', path: '/auth', latencyMs: 400, times: 1 });
    const hurried = runInScope({ requestId: 'hurried', deadline: Date.now() + 100 }, () => clopos.call('listOrders', list(3)));
    await expect(hurried).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    const page = await runInScope({ requestId: 'next', deadline: Date.now() + 10_000 }, () => clopos.call('listOrders', list(4)));
    expect(page.orders).toHaveLength(4);
    // The renewal the first request started was used, not repeated.
    expect(gw.sandbox.control.requests().filter((r) => r.path === '/auth')).toHaveLength(1);
  });

  it('runDetached runs outside the scope; runInScope ends with the function', async () => {
    await runInScope({ requestId: 'r1', deadline: 1 }, async () => {
      expect(currentScope()?.requestId).toBe('r1');
      const inside = runDetached(() => new Promise((resolve) => setTimeout(() => resolve(currentScope()), 5)));
      expect(await inside).toBeUndefined();
      expect(runDetached(() => currentScope(), { requestId: 'r1' })).toEqual({ requestId: 'r1' });
    });
    expect(currentScope()).toBeUndefined();
  });
});

describe('error log levels', () => {
  it('coded, expected errors: info or warn, no stack; anything else: error with its stack', () => {
    const limited = new GraphQLError('masked', { originalError: new UpstreamError({ operation: 'listOrders', code: 'UPSTREAM_RATE_LIMITED', reason: 'budget' }) });
    expect(errorLog(limited)).toEqual({ level: 'info', fields: { code: 'UPSTREAM_RATE_LIMITED', reason: 'budget', operation: 'listOrders' } });
    const down = new UpstreamError({ operation: 'getOrder', code: 'UPSTREAM_UNAVAILABLE', reason: 'http', status: 503 });
    expect(errorLog(down)).toEqual({ level: 'warn', fields: { code: 'UPSTREAM_UNAVAILABLE', reason: 'http', operation: 'getOrder', status: 503 } });
    expect(errorLog(new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT' } }))).toEqual({ level: 'info', fields: { code: 'BAD_USER_INPUT' } });
    const bug = new TypeError('x is undefined');
    expect(errorLog(new GraphQLError('Unexpected error.', { originalError: bug }))).toEqual({ level: 'error', fields: { err: bug } });
  });
});

describe("the poller's share of the budget", () => {
  it('is POLL_BUDGET_SHARE percent, at least one call per interval (at most half), and leaves queries one', () => {
    expect(pollReserve(280, 10, 3000)).toBe(28);
    expect(pollReserve(280, 10, 1000)).toBe(60);
    expect(pollReserve(280, 10, 100)).toBe(140);
    expect(pollReserve(10, 90, 3000)).toBe(9);
    expect(pollReserve(280, 0, 1000)).toBe(0);
  });

  it('queries cannot spend it; the poller can, and is told how much queries spent', async () => {
    let now = 1_000_000;
    const budget = new Budget({ store: new MemoryBudgetStore(10), reserved: 3, now: () => now });
    const take = (lane: 'query' | 'poll') => budget.acquire(now + 100, undefined, lane).then(() => true, () => false);
    const queries = [];
    for (let i = 0; i < 10; i++) queries.push(await take('query'));
    expect(queries.filter(Boolean)).toHaveLength(7);
    expect(budget.querySpent()).toBe(7);
    expect([await take('poll'), await take('poll'), await take('poll'), await take('poll')]).toEqual([true, true, true, false]);
    now += 60_001;
    expect(budget.querySpent()).toBe(0);
    expect(await take('query')).toBe(true);
  });
});
