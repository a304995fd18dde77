import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SINGLE_CALL, startTestGateway, type TestGateway } from '../support/gateway.js';

// Through createApp; the shield set to send each call once, so each fault's own mapping shows.
const start = (options: Parameters<typeof startTestGateway>[0] = {}) =>
  startTestGateway({ client: { timeoutMs: 1500 }, deps: { shield: SINGLE_CALL }, ...options });

let gw: TestGateway;
beforeAll(async () => {
  gw = await start();
});
afterAll(() => gw.close());
beforeEach(() => gw.sandbox.control.reset());

const LIST = '{ orders(first: 3) { totalCount nodes { id } } }';

/** Nothing from Clopos's side of the wire may reach a caller. */
function expectNoLeak(result: unknown) {
  const text = JSON.stringify(result);
  const authCalls = gw.upstreamCalls('POST', '/auth');
  expect(text).not.toContain(gw.sandbox.baseUrl);
  expect(text).not.toContain('127.0.0.1');
  expect(text).not.toContain(gw.sandbox.credentials.client_secret);
  expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
  expect(text).not.toMatch(/stack|at .*\.ts:\d+/);
  expect(authCalls.length).toBeGreaterThanOrEqual(0);
}

describe('Clopos failures become coded GraphQL errors', () => {
  it('a Clopos 400 is UPSTREAM_REJECTED, without Clopos\'s body', async () => {
    gw.sandbox.control.injectFault({ path: '/orders', status: 400, body: { success: false, error: 'invalid_parameter', message: 'limit secret-detail' } });
    const result = await gw.gql(LIST);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'UPSTREAM_REJECTED' }, path: ['orders'] });
    expect(JSON.stringify(result)).not.toContain('secret-detail');
    expectNoLeak(result);
  });

  it('a 401 that persists after one renewal is UPSTREAM_AUTH_FAILED', async () => {
    await gw.gql(LIST); // holds a token now
    gw.sandbox.control.clearRequests();
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 401 });
    const result = await gw.gql(LIST);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED' });
    expect(gw.upstreamCalls('GET', '/orders')).toHaveLength(2);
    expect(gw.upstreamCalls('POST', '/auth')).toHaveLength(1);
    expectNoLeak(result);
  });

  it('a single 401 renews the token and the query still succeeds', async () => {
    await gw.gql(LIST);
    gw.sandbox.control.clearRequests();
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 401, times: 1 });
    const result = await gw.gql(LIST);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ orders: { totalCount: expect.any(Number) } });
    expect(gw.upstreamCalls('POST', '/auth')).toHaveLength(1);
    const [first, second] = gw.upstreamCalls('GET', '/orders');
    expect(first!.headers['x-token']).not.toBe(second!.headers['x-token']);
  });

  it('/auth answering success:false is UPSTREAM_AUTH_FAILED', async () => {
    const fresh = await start();
    try {
      fresh.sandbox.control.injectFault({
        path: '/auth',
        status: 200,
        body: { success: false, error: 'Integrator is in test mode. But brand is not in test mode', message: 'mismatch' },
      });
      const result = await fresh.gql(LIST);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED' });
      expect(JSON.stringify(result)).not.toContain('test mode');
    } finally {
      await fresh.close();
    }
  });

  it('a 429 is UPSTREAM_RATE_LIMITED with the retry-after Clopos gave', async () => {
    // A gateway of its own: the budget rightly holds every later call back until the reset.
    const fresh = await start();
    try {
      fresh.sandbox.control.injectFault({ path: '/orders', status: 429, rateLimitReset: 17 });
      const result = await fresh.gql(LIST);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfter: 17 });
      expect(JSON.stringify(result)).not.toContain(fresh.sandbox.baseUrl);
    } finally {
      await fresh.close();
    }
  });

  it.each([
    ['a 500', { status: 500 }],
    ['a 504', { status: 504 }],
    ['malformed JSON', { malformedJson: true }],
    ['a connection reset mid-response', { resetConnection: true }],
    ['no answer within the timeout', { latencyMs: 4000 }],
  ])('%s is UPSTREAM_UNAVAILABLE', async (_name, fault) => {
    gw.sandbox.control.injectFault({ path: '/orders', ...fault });
    const started = Date.now();
    const result = await gw.gql(LIST);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(result.data).toBeNull();
    expect(Date.now() - started).toBeLessThan(3500);
    expectNoLeak(result);
  });

  it('keeps serving normally once the fault is gone', async () => {
    gw.sandbox.control.injectFault({ path: '/orders', status: 500, times: 1 });
    expect((await gw.gql(LIST)).errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    const result = await gw.gql(LIST);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ orders: { nodes: [{ id: expect.any(String) }, {}, {}] } });
  });

  it('fails only the field at fault: order(id) errors while another field still answers', async () => {
    const id = gw.sandbox.control.orders()[0]!.id;
    gw.sandbox.control.injectFault({ path: `/orders/${id}`, status: 500 });
    const result = await gw.gql<{ a: unknown; b: { totalCount: number } }>(`{ a: order(id: "${id}") { id } b: orders(first: 1) { totalCount } }`);
    expect(result.data?.a).toBeNull();
    expect(result.data?.b.totalCount).toBeGreaterThan(0);
    expect(result.errors?.[0]).toMatchObject({ path: ['a'], extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
  });
});

describe('the Clopos token', () => {
  it('is fetched once and reused across queries', async () => {
    const fresh = await start();
    try {
      for (let i = 0; i < 5; i++) expect((await fresh.gql(LIST)).errors).toBeUndefined();
      expect(fresh.upstreamCalls('POST', '/auth')).toHaveLength(1);
      const tokens = new Set(fresh.upstreamCalls('GET', '/orders').map((c) => c.headers['x-token']));
      expect(tokens.size).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('is requested once for many concurrent first queries', async () => {
    const fresh = await start();
    try {
      const results = await Promise.all(Array.from({ length: 20 }, () => fresh.gql(LIST)));
      for (const result of results) expect(result.errors).toBeUndefined();
      expect(fresh.upstreamCalls('POST', '/auth')).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });

  it('is renewed before it expires', async () => {
    const fresh = await start({ sandbox: { tokenLifetimeSeconds: 2 } });
    try {
      expect((await fresh.gql(LIST)).errors).toBeUndefined();
      // expires_at is in whole seconds; past 2.1 s the renew point (half the lifetime before it) has surely passed.
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect((await fresh.gql(LIST)).errors).toBeUndefined();
      expect(fresh.upstreamCalls('POST', '/auth')).toHaveLength(2);
      // Renewed ahead of expiry: Clopos never had to refuse a stale token.
      expect(fresh.upstreamCalls('GET', '/orders').every((c) => c.status === 200)).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
