// The Clover client and shield against the Clover sandbox over HTTP: OAuth refresh (single-use
// refresh tokens, one refresh for concurrent callers, a 401 right after a refresh is final), a
// missing permission as an auth error, and the rate gate keeping a burst under Clover's per-token
// limits (the sandbox enforcing them answers 429 past 16/s or 5 in flight), and 429s, which two
// instances sharing a token earn, waited out and sent again (writes too).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCloverSandbox } from '../../../src/clover-sandbox/index.js';
import type { RunningCloverSandbox } from '../../../src/clover-sandbox/contract.js';
import { fixedToken, JUST_REFRESHED_MS, MemoryPairStore, oauthTokens } from '../../../src/upstreams/clover/auth.js';
import { cloverRefresher, createCloverClient } from '../../../src/upstreams/clover/client.js';
import { createCloverShield } from '../../../src/upstreams/clover/shield.js';
import { UpstreamError } from '../../../src/upstreams/errors.js';

let sandbox: RunningCloverSandbox;
beforeAll(async () => {
  sandbox = await startCloverSandbox({ seed: 11 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.control.reset());

const refreshes = () => sandbox.control.requests().filter((r) => r.route === 'POST /oauth/v2/refresh').length;

function oauthClient() {
  const tokens = oauthTokens({
    appId: sandbox.oauth.appId,
    // reset() starts a new refresh token generation: the valid one now.
    refreshToken: sandbox.control.currentRefreshToken(),
    store: new MemoryPairStore(),
    refresh: cloverRefresher(sandbox.baseUrl),
  });
  return createCloverClient({ baseUrl: sandbox.baseUrl, merchantId: sandbox.merchantId, tokens });
}

describe('OAuth with expiring tokens', () => {
  it('refreshes once for concurrent first calls, and again (once) when the access token expires', async () => {
    const api = oauthClient();
    const pages = await Promise.all([1, 2, 3, 4].map(() => api.listOrders({ filters: [], limit: 2, offset: 0 })));
    expect(pages.every((p) => p.length === 2)).toBe(true);
    expect(refreshes()).toBe(1);
    // Past the just-refreshed second: a 401 now means the token expired, and is renewed once.
    await new Promise((r) => setTimeout(r, JUST_REFRESHED_MS + 100));
    sandbox.control.expireAccessTokens();
    await api.listOrders({ filters: [], limit: 1, offset: 0 });
    expect(refreshes()).toBe(2);
  });

  it('a 401 right after a refresh is an auth error, not a reason to refresh again', async () => {
    const api = oauthClient();
    await api.listOrders({ filters: [], limit: 1, offset: 0 });
    sandbox.control.setWritePermission(false);
    const failed = await api.createOrder({}).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(UpstreamError);
    expect(failed).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED', message: 'Clover refused the gateway credentials' });
    // The token came from a refresh a moment ago: no second refresh, no resend.
    expect(refreshes()).toBe(1);
    expect(sandbox.control.requests().filter((r) => r.route === 'POST /orders').length).toBe(1);
  });

  it('a token that lives less than twice the refresh margin is refreshed halfway through its life, not on every call', async () => {
    // 4 s tokens against the default 60 s margin: before, no token was ever usable and each call refreshed.
    const short = await startCloverSandbox({ seed: 11, oauth: { accessTokenLifetimeSeconds: 4 } });
    try {
      const tokens = oauthTokens({ appId: short.oauth.appId, refreshToken: short.oauth.refreshToken, store: new MemoryPairStore(), refresh: cloverRefresher(short.baseUrl) });
      const api = createCloverClient({ baseUrl: short.baseUrl, merchantId: short.merchantId, tokens });
      for (let i = 0; i < 5; i++) await api.listOrders({ filters: [], limit: 1, offset: 0 });
      const count = () => short.control.requests().filter((r) => r.route === 'POST /oauth/v2/refresh').length;
      expect(count()).toBe(1);
      await new Promise((r) => setTimeout(r, 2100));
      await api.listOrders({ filters: [], limit: 1, offset: 0 });
      expect(count()).toBe(2);
      expect(short.control.requests().filter((r) => r.status === 401)).toEqual([]);
    } finally {
      await short.close();
    }
  });

  it('a caller that read the pair before another refresh ended uses the new pair instead of spending the refresh token again', async () => {
    const inner = new MemoryPairStore({ accessToken: 'old', accessExpiresAt: 1, refreshToken: 'r0' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let slow = true;
    // The first read (caller B's) is answered with the stale pair, then held until A has refreshed.
    const store = {
      get: async () => {
        const pair = await inner.get();
        if (slow) {
          slow = false;
          await gate;
        }
        return pair;
      },
      put: (pair: Parameters<typeof inner.put>[0]) => inner.put(pair),
      exclusive: (refresh: Parameters<typeof inner.exclusive>[0]) => inner.exclusive(refresh),
    };
    let refreshes = 0;
    const tokens = oauthTokens({
      appId: 'APP',
      refreshToken: 'r0',
      store,
      refresh: async (_app, token) => ({ accessToken: `a${++refreshes}`, accessExpiresAt: Date.now() + 3_600_000, refreshToken: `${token}+` }),
    });
    const b = tokens.token();
    expect(await tokens.token()).toBe('a1');
    release();
    expect(await b).toBe('a1');
    expect(refreshes).toBe(1);
  });

  it('a spent refresh token is an auth error that names no token', async () => {
    const tokens = oauthTokens({ appId: sandbox.oauth.appId, refreshToken: 'refresh-spent', store: new MemoryPairStore(), refresh: cloverRefresher(sandbox.baseUrl) });
    const api = createCloverClient({ baseUrl: sandbox.baseUrl, merchantId: sandbox.merchantId, tokens });
    const failed = (await api.listOrders({ filters: [], limit: 1, offset: 0 }).catch((e: unknown) => e)) as UpstreamError;
    expect(failed.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(failed.message).not.toMatch(/refresh-/);
  });
});

describe('the fixed API token', () => {
  it('answers a missing permission (401) as an auth error without resending', async () => {
    const api = createCloverClient({ baseUrl: sandbox.baseUrl, merchantId: sandbox.merchantId, tokens: fixedToken(sandbox.token) });
    sandbox.control.setWritePermission(false);
    await expect(api.createOrder({})).rejects.toMatchObject({ code: 'UPSTREAM_AUTH_FAILED' });
    expect(sandbox.control.requests().filter((r) => r.route === 'POST /orders').length).toBe(1);
  });
});

describe('the Clover shield', () => {
  it('shares identical reads in flight, and caches them for CACHE_TTL_MS until a write', async () => {
    const shield = createCloverShield({ requestTimeoutMs: 15_000 });
    const api = shield.wrap(
      createCloverClient({ baseUrl: sandbox.baseUrl, merchantId: sandbox.merchantId, tokens: fixedToken(sandbox.token), fetch: shield.transport(globalThis.fetch) }),
      { cacheTtlMs: 60_000 },
    );
    const lists = () => sandbox.control.requests().filter((r) => r.route === 'GET /orders').length;
    await Promise.all(Array.from({ length: 10 }, () => api.listOrders({ filters: [], limit: 3, offset: 0 })));
    await api.listOrders({ filters: [], limit: 3, offset: 0 });
    expect(lists()).toBe(1);
    const created = await api.createOrder({});
    await api.listOrders({ filters: [], limit: 3, offset: 0 });
    expect(lists()).toBe(2);
    await api.deleteOrder(created.id);
  });

  it('keeps a burst of 40 reads within 16/s and 5 in flight: the enforcing sandbox never answers 429', async () => {
    sandbox.control.setEnforceRateLimits(true);
    const shield = createCloverShield({ requestTimeoutMs: 15_000 });
    const api = shield.wrap(createCloverClient({ baseUrl: sandbox.baseUrl, merchantId: sandbox.merchantId, tokens: fixedToken(sandbox.token), fetch: shield.transport(globalThis.fetch) }));
    // Distinct reads (identical ones in flight would share one call).
    const pages = await Promise.all(Array.from({ length: 40 }, (_, i) => api.listOrders({ filters: [], limit: 1, offset: i })));
    expect(pages).toHaveLength(40);
    const statuses = sandbox.control.requests().map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
  });

  it('two instances on one token (each gated alone) earn 429s; every call, writes included, waits them out and succeeds', async () => {
    sandbox.control.setEnforceRateLimits(true);
    const instance = () => {
      const shield = createCloverShield({ requestTimeoutMs: 15_000 });
      return createCloverClient({ baseUrl: sandbox.baseUrl, merchantId: sandbox.merchantId, tokens: fixedToken(sandbox.token), fetch: shield.transport(globalThis.fetch) });
    };
    const [a, b] = [instance(), instance()];
    // Slow answers keep calls in flight: 5 per instance, 10 together.
    sandbox.control.injectFault({ route: 'POST /orders', latencyMs: 150 });
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).createOrder({ note: `burst ${i}` })));
    expect(new Set(created.map((o) => o.id)).size).toBe(12);
    const posts = sandbox.control.requests().filter((r) => r.route === 'POST /orders');
    // Each instance alone stays within 5 in flight; together they do not, and Clover refuses some.
    expect(posts.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(posts.filter((r) => r.status === 200)).toHaveLength(12);
    expect(sandbox.control.orders().filter((o) => o.note?.startsWith('burst ')).length).toBe(12);
  });

  it('without the gate the same burst earns 429s, which the client reports as rate limited', async () => {
    sandbox.control.setEnforceRateLimits(true);
    const api = createCloverClient({ baseUrl: sandbox.baseUrl, merchantId: sandbox.merchantId, tokens: fixedToken(sandbox.token) });
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => api.listOrders({ filters: [], limit: 1, offset: 0 })));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.reason).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
  });
});
