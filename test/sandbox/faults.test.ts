import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { api, control, postAuth, tokenFor, type Api } from './helpers.js';

let sandbox: RunningSandbox;
let client: Api;
beforeAll(async () => {
  sandbox = await startSandbox();
  client = api(sandbox, await tokenFor(sandbox));
});
beforeEach(() => sandbox.control.clearFaults());
afterAll(() => sandbox.close());

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

describe('injected faults', () => {
  it('adds latency, then serves the request normally', async () => {
    sandbox.control.injectFault({ path: '/orders', latencyMs: 300 });
    const [slow, ms] = await timed(() => client.get('/orders?limit=1'));
    expect(slow.status).toBe(200);
    expect(slow.body.data).toHaveLength(1);
    expect(slow.headers.get('ratelimit-limit')).toBe('300');
    expect(ms).toBeGreaterThanOrEqual(280);
    expect(ms).toBeLessThan(3000);
    sandbox.control.clearFaults();
    const [, fast] = await timed(() => client.get('/orders?limit=1'));
    expect(fast).toBeLessThan(250);
  });

  it.each([
    [500, 'server_error'],
    [502, 'bad_gateway'],
    [503, 'service_unavailable'],
    [504, 'gateway_timeout'],
  ])('answers %i with the error envelope', async (status, error) => {
    sandbox.control.injectFault({ path: '/orders', status });
    const answer = await client.get('/orders');
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ success: false, error });
    expect(typeof answer.body.message).toBe('string');
  });

  it('answers 429 with the chosen RateLimit-Reset and the documented body', async () => {
    sandbox.control.injectFault({ path: '/orders', status: 429, rateLimitReset: 17 });
    const answer = await client.get('/orders');
    expect(answer.status).toBe(429);
    expect(answer.body).toEqual({ success: false, error: 'rate_limited', message: 'Too many requests. Retry later.' });
    expect(answer.headers.get('ratelimit-reset')).toBe('17');
    expect(answer.headers.get('ratelimit-remaining')).toBe('0');
    expect(answer.headers.get('ratelimit-limit')).toBe('300');
  });

  it('resets the connection mid-response, so the client call rejects', async () => {
    sandbox.control.injectFault({ path: '/orders', resetConnection: true, times: 1 });
    const call = fetch(`${sandbox.baseUrl}/orders`, { headers: { 'x-token': await tokenFor(sandbox) } }).then((r) => r.text());
    await expect(call).rejects.toThrow();
    expect((await client.get('/orders?limit=1')).status).toBe(200);
  });

  it('sends a 200 whose body is not valid JSON', async () => {
    sandbox.control.injectFault({ path: '/orders', malformedJson: true });
    const response = await fetch(`${sandbox.baseUrl}/orders`, { headers: { 'x-token': await tokenFor(sandbox) } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const text = await response.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow();
  });

  describe('on POST /orders: before storing, after storing, or late', () => {
    const order = {
      sale_type_id: 2,
      venue_id: 1,
      customer: { id: 0 },
      products: [{ product_id: 88, product_name: 'Tea', count: 1, price: 2, product_hash: 'c0ffee0000000000-0123456789abcdef' }],
    };
    const count = () => sandbox.control.orders().length;
    const post = async () => {
      try {
        return (await fetch(`${sandbox.baseUrl}/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-token': await tokenFor(sandbox) },
          body: JSON.stringify(order),
        }).then(async (r) => ({ status: r.status, text: await r.text() })));
      } catch {
        return { status: 0, text: '' };
      }
    };

    it.each<[string, Record<string, unknown>, number]>([
      ['a 500', { status: 500 }, 500],
      ['a reset', { resetConnection: true }, 0],
      ['malformed JSON', { malformedJson: true }, 200],
    ])('%s answers instead of serving: nothing is stored', async (_name, fault, status) => {
      const before = count();
      sandbox.control.injectFault({ method: 'POST', path: '/orders', times: 1, ...fault });
      const answer = await post();
      expect(answer.status).toBe(status);
      expect(count()).toBe(before);
    });

    it.each<[string, Record<string, unknown>, number]>([
      ['a 500', { status: 500 }, 500],
      ['a reset', { resetConnection: true }, 0],
      ['malformed JSON', { malformedJson: true }, 200],
    ])('%s with afterStore: the order is stored, the answer is the fault, product_hash is kept verbatim', async (_name, fault, status) => {
      const before = count();
      sandbox.control.injectFault({ method: 'POST', path: '/orders', times: 1, afterStore: true, ...fault });
      const answer = await post();
      expect(answer.status).toBe(status);
      if (status === 200) expect(() => JSON.parse(answer.text)).toThrow();
      expect(count()).toBe(before + 1);
      const [stored] = sandbox.control.orders();
      expect(stored!.payload!.products![0]!.meta!.order_product!.product_hash).toBe(order.products[0]!.product_hash);
    });

    it('latency alone delays the request and then stores it, even when the client gave up', async () => {
      const before = count();
      sandbox.control.injectFault({ method: 'POST', path: '/orders', times: 1, latencyMs: 400 });
      const token = await tokenFor(sandbox);
      const gaveUp = fetch(`${sandbox.baseUrl}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-token': token },
        body: JSON.stringify(order),
        signal: AbortSignal.timeout(100),
      });
      await expect(gaveUp).rejects.toThrow();
      expect(count()).toBe(before);
      const deadline = Date.now() + 3000;
      while (count() === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(count()).toBe(before + 1);
    });
  });

  it('stops after `times` matching requests', async () => {
    sandbox.control.injectFault({ path: '/orders', status: 500, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.get('/orders?limit=1')).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('matches by method and by path prefix', async () => {
    sandbox.control.injectFault({ method: 'post', path: '/orders', status: 503 });
    expect((await client.get('/orders?limit=1')).status).toBe(200);
    expect((await client.send('POST', '/orders', {})).status).toBe(503);
    sandbox.control.clearFaults();
    sandbox.control.injectFault({ path: '/orders', status: 502 });
    expect((await client.get('/orders/1')).status).toBe(502);
    expect((await postAuth(sandbox, sandbox.credentials)).status).toBe(200);
  });

  it('applies the first matching fault when several match', async () => {
    sandbox.control.injectFault({ path: '/orders', status: 503, times: 1 });
    sandbox.control.injectFault({ path: '/orders', status: 500 });
    expect((await client.get('/orders')).status).toBe(503);
    expect((await client.get('/orders')).status).toBe(500);
  });

  it('logs faulted requests with the status they got', async () => {
    sandbox.control.clearRequests();
    sandbox.control.injectFault({ path: '/orders', status: 504, times: 1 });
    await client.get('/orders?limit=3');
    expect(sandbox.control.requests()).toMatchObject([{ method: 'GET', path: '/orders', status: 504, rawQuery: 'limit=3' }]);
  });
});

describe('faults on /auth', () => {
  it('makes /auth fail with 401', async () => {
    sandbox.control.injectFault({ path: '/auth', status: 401, times: 1 });
    const failed = await postAuth(sandbox, sandbox.credentials);
    expect(failed.status).toBe(401);
    expect(failed.body).toMatchObject({ success: false, error: 'unauthorized' });
    expect((await postAuth(sandbox, sandbox.credentials)).status).toBe(200);
  });

  it('makes /auth slow', async () => {
    sandbox.control.injectFault({ path: '/auth', latencyMs: 250 });
    const [answer, ms] = await timed(() => postAuth(sandbox, sandbox.credentials));
    expect(answer.status).toBe(200);
    expect(answer.body.token).toBeTruthy();
    expect(ms).toBeGreaterThanOrEqual(230);
  });

  it('answers the documented 200 success:false test-mode mismatch with a custom body', async () => {
    const mismatch = { success: false, error: 'Integrator is in test mode. But brand is not in test mode', message: 'Forbidden' };
    sandbox.control.injectFault({ path: '/auth', status: 200, body: mismatch });
    const answer = await postAuth(sandbox, sandbox.credentials);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(mismatch);
  });
});

describe('faults over HTTP (/__sandbox/faults)', () => {
  it('injects, lists and clears faults', async () => {
    const added = await control(sandbox, 'POST', '/faults', { path: '/orders', status: 503, times: 1 });
    expect(added.status).toBe(201);
    expect(added.body.data).toEqual([{ path: '/orders', status: 503, times: 1 }]);
    expect((await client.get('/orders')).status).toBe(503);
    await control(sandbox, 'POST', '/faults', { path: '/orders', status: 500 });
    expect((await control(sandbox, 'GET', '/faults')).body.data).toHaveLength(1);
    expect((await control(sandbox, 'DELETE', '/faults')).status).toBe(200);
    expect((await client.get('/orders?limit=1')).status).toBe(200);
  });

  it.each<[string, unknown]>([
    ['a non-object fault', [1]],
    ['a negative latency', { latencyMs: -5 }],
    ['a status out of range', { status: 999 }],
    ['a path without a leading slash', { path: 'orders' }],
    ['times 0', { times: 0 }],
    ['afterStore that is not a boolean', { afterStore: 'yes' }],
  ])('rejects %s with 400', async (_title, fault) => {
    const answer = await control(sandbox, 'POST', '/faults', fault);
    expect(answer.status).toBe(400);
    expect(answer.body.success).toBe(false);
    expect((await control(sandbox, 'GET', '/faults')).body.data).toEqual([]);
  });

  it('throws on an invalid fault given programmatically', () => {
    expect(() => sandbox.control.injectFault({ status: 42 })).toThrow(/status/);
  });
});
