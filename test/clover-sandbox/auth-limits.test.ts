// 401 (bad token, other merchant, missing permission), OAuth refresh with single-use refresh
// tokens and expiring access tokens, and 429 at 16 requests/s and 5 in flight per token.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_PATH, startCloverSandbox, type RunningCloverSandbox } from '../../src/clover-sandbox/index.js';
import { clover, sleep, type Clover } from './helpers.js';

let sb: RunningCloverSandbox;
let api: Clover;

beforeAll(async () => {
  sb = await startCloverSandbox({ seed: 3, merchantId: 'TESTMERCHANT1', token: 'test-api-token', oauth: { appId: 'MYAPP00000001', refreshToken: 'first-refresh' } });
  api = clover(sb);
});
beforeEach(() => sb.control.reset());
afterAll(() => sb.close());

const refresh = async (body: unknown) => {
  const res = await fetch(`${sb.baseUrl}${REFRESH_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('Clover sandbox: auth', () => {
  it('uses the merchant id and token it was given', () => {
    expect(sb.merchantId).toBe('TESTMERCHANT1');
    expect(sb.token).toBe('test-api-token');
  });

  it('answers 401 without a token, with a wrong token, and for another merchant', async () => {
    expect((await api.get('/orders', 'wrong')).status).toBe(401);
    const bare = await fetch(`${sb.baseUrl}/v3/merchants/${sb.merchantId}/orders`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toEqual({ message: '401 Unauthorized' });
    const other = await fetch(`${sb.baseUrl}/v3/merchants/OTHERMERCHANT/orders`, { headers: { authorization: `Bearer ${sb.token}` } });
    expect(other.status).toBe(401);
    // The legacy access_token query parameter works too.
    expect((await fetch(`${sb.baseUrl}/v3/merchants/${sb.merchantId}/orders?access_token=${sb.token}`)).status).toBe(200);
  });

  it('answers 401 to writes when the token lacks the write permission, reads still work', async () => {
    sb.control.setWritePermission(false);
    expect((await api.send('POST', '/orders', { state: 'open' })).status).toBe(401);
    expect((await api.get('/orders')).status).toBe(200);
    sb.control.setWritePermission(true);
    expect((await api.send('POST', '/orders', { state: 'open' })).status).toBe(200);
  });

  it('refreshes OAuth tokens once per refresh token; access tokens work until they expire', async () => {
    const first = await refresh({ client_id: 'MYAPP00000001', refresh_token: 'first-refresh' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      access_token: expect.any(String), access_token_expiration: expect.any(Number),
      refresh_token: expect.any(String), refresh_token_expiration: expect.any(Number),
    });
    expect(first.body.access_token_expiration).toBeGreaterThan(Date.now() / 1000);
    // Single use: the same refresh token again is refused; the new one works.
    expect((await refresh({ client_id: 'MYAPP00000001', refresh_token: 'first-refresh' })).status).toBe(401);
    expect(sb.control.currentRefreshToken()).toBe(first.body.refresh_token);
    expect((await refresh({ client_id: 'WRONGAPP00001', refresh_token: first.body.refresh_token })).status).toBe(401);
    expect((await api.get('/orders', first.body.access_token)).status).toBe(200);
    sb.control.expireAccessTokens();
    expect((await api.get('/orders', first.body.access_token)).status).toBe(401);
    const second = await refresh({ client_id: 'MYAPP00000001', refresh_token: first.body.refresh_token });
    expect((await api.get('/orders', second.body.access_token)).status).toBe(200);
    expect((await refresh({})).status).toBe(400);
  });
});

describe('Clover sandbox: rate limits', () => {
  it('answers 429 with X-RateLimit-tokenLimit and retry-after past 16 requests in a second', async () => {
    // Its own sandbox with a high in-flight cap, so only the per-second limit can refuse a burst.
    const burst = await startCloverSandbox({ seed: 3, enforceRateLimits: true, concurrentPerToken: 1000 });
    try {
      const client = clover(burst);
      const answers = await Promise.all(Array.from({ length: 40 }, () => client.get('/orders?limit=1')));
      const limited = answers.filter((a) => a.status === 429);
      const passed = answers.filter((a) => a.status === 200);
      expect(limited.length + passed.length).toBe(40);
      // 40 calls at once: 16 pass in the first second; the burst may straddle a second, so at most 32.
      expect(limited.length).toBeGreaterThanOrEqual(8);
      expect(passed.length).toBeGreaterThanOrEqual(16);
      const one = limited[0]!;
      expect(one.body).toEqual({ message: '429 Too Many Requests' });
      expect(one.headers.get('x-ratelimit-tokenlimit')).toBe('16');
      expect(Number(one.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // After the retry-after wait the token gets through again.
      await sleep(1100);
      expect((await client.get('/orders?limit=1')).status).toBe(200);
    } finally {
      await burst.close();
    }
  });

  it('answers 429 with the concurrent-limit header past 5 requests in flight for one token', async () => {
    sb.control.setEnforceRateLimits(true);
    sb.control.injectFault({ route: 'GET /orders', latencyMs: 3000, times: 5 });
    try {
      const slow = Array.from({ length: 5 }, () => api.get('/orders?limit=1'));
      // Wait until all five are on the server (held by the fault), however busy the machine is.
      for (let i = 0; i < 200 && sb.control.requests().length < 5; i++) await sleep(10);
      expect(sb.control.faults()).toEqual([]);
      const sixth = await api.get('/orders?limit=1');
      expect(sixth.status).toBe(429);
      expect(sixth.headers.get('x-ratelimit-tokenconcurrentlimit')).toBe('5');
      expect(sixth.headers.get('retry-after')).toBe('1');
      expect((await Promise.all(slow)).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    } finally {
      sb.control.setEnforceRateLimits(false);
    }
  });

  it('does not limit when enforcement is off (the default)', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => api.get('/orders?limit=1')));
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });
});
