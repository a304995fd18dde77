// Fault controls (fail the next N calls of a route, delay, reset, malformed, afterStore), the
// request log and counts, the HTTP controls, reset, the seed and demo mode.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCloverSandbox, type RunningCloverSandbox } from '../../src/clover-sandbox/index.js';
import { clover, control, sleep, type Clover } from './helpers.js';

let sb: RunningCloverSandbox;
let api: Clover;

beforeAll(async () => {
  sb = await startCloverSandbox({ seed: 5 });
  api = clover(sb);
});
beforeEach(() => sb.control.reset());
afterAll(() => sb.close());

describe('Clover sandbox: faults', () => {
  it('fails the next N calls of one route with a status and a Clover error body, then serves again', async () => {
    const id = (await api.send('POST', '/orders', {})).body.id;
    sb.control.injectFault({ route: 'POST /orders/{orderId}/bulk_line_items', status: 503, times: 2 });
    const items = [{ name: 'x', price: 100 }];
    expect((await api.send('POST', `/orders/${id}/line_items`, items[0])).status).toBe(200); // another route
    const first = await api.send('POST', `/orders/${id}/bulk_line_items`, { items });
    expect(first).toMatchObject({ status: 503, body: { message: '503 Service Unavailable' } });
    expect((await api.send('POST', `/orders/${id}/bulk_line_items`, { items })).status).toBe(503);
    expect(sb.control.order(id)!.lineItems).toHaveLength(1); // faulted calls stored nothing
    expect((await api.send('POST', `/orders/${id}/bulk_line_items`, { items })).status).toBe(200);
    expect(sb.control.faults()).toEqual([]);
  });

  it('with afterStore stores first and answers the fault: a hidden order exists though the client saw a 500', async () => {
    sb.control.injectFault({ method: 'POST', route: 'POST /orders', status: 500, afterStore: true, times: 1 });
    const before = sb.control.orders().length;
    const answer = await api.send('POST', '/orders', { title: 'lost answer' });
    expect(answer.status).toBe(500);
    const orders = sb.control.orders();
    expect(orders).toHaveLength(before + 1);
    expect(orders.find((o) => o.title === 'lost answer')).toMatchObject({ state: null });
  });

  it('matches path prefixes with * segments, answers 429 faults with retry-after, resets connections and sends broken JSON', async () => {
    const id = (await api.send('POST', '/orders', {})).body.id;
    sb.control.injectFault({ path: '/orders/*/line_items', status: 429, retryAfter: 7, times: 1 });
    const limited = await api.send('POST', `/orders/${id}/line_items`, { name: 'x', price: 1 });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('x-ratelimit-tokenlimit')).toBe('16');
    sb.control.injectFault({ route: 'GET /orders', resetConnection: true, times: 1 });
    await expect(api.get('/orders')).rejects.toThrow();
    sb.control.injectFault({ route: 'GET /orders', malformedJson: true, times: 1 });
    const broken = await api.get('/orders');
    expect(broken.status).toBe(200);
    expect(typeof broken.body).toBe('string');
  });

  it('delays with latencyMs and then serves (stores late)', async () => {
    sb.control.injectFault({ route: 'POST /orders', latencyMs: 2000, times: 1 });
    const before = sb.control.orders().length;
    const pending = api.send('POST', '/orders', { state: 'open' });
    await sleep(100);
    expect(sb.control.orders()).toHaveLength(before);
    expect((await pending).status).toBe(200);
    expect(sb.control.orders()).toHaveLength(before + 1);
  });

  it('with skip lets the first matching calls through: the second bulk call fails after 100 lines are stored', async () => {
    const id = (await api.send('POST', '/orders', {})).body.id;
    sb.control.injectFault({ route: 'POST /orders/{orderId}/bulk_line_items', skip: 1, status: 500, times: 1 });
    const items = Array.from({ length: 100 }, (_, i) => ({ name: `L${i}`, price: 10 }));
    expect((await api.send('POST', `/orders/${id}/bulk_line_items`, { items })).status).toBe(200);
    expect((await api.send('POST', `/orders/${id}/bulk_line_items`, { items: items.slice(0, 5) })).status).toBe(500);
    expect(sb.control.order(id)!.lineItems).toHaveLength(100);
    // The clean-up a careful client does: delete the hidden order; it is gone everywhere.
    expect((await api.send('DELETE', `/orders/${id}`)).status).toBe(200);
    expect((await api.get(`/orders/${id}`)).status).toBe(404);
    expect(sb.control.faults()).toEqual([]);
  });

  it('fails the final update (state open) while the order stays hidden', async () => {
    const id = (await api.send('POST', '/orders', {})).body.id;
    await api.send('POST', `/orders/${id}/line_items`, { name: 'x', price: 100 });
    sb.control.injectFault({ route: 'POST /orders/{orderId}', status: 502, times: 1 });
    expect((await api.send('POST', `/orders/${id}`, { state: 'open', total: 100 })).status).toBe(502);
    expect(sb.control.order(id)!.state).toBeNull();
    const listed = (await api.get('/orders?limit=1000')).body.elements.map((o: { id: string }) => o.id);
    expect(listed).not.toContain(id);
  });

  it('rejects a malformed fault naming the field', () => {
    expect(() => sb.control.injectFault({ status: 9999 })).toThrow(/status/);
    expect(() => sb.control.injectFault({ route: 'orders' })).toThrow(/route/);
    expect(() => sb.control.injectFault({ skip: -1 })).toThrow(/skip/);
  });
});

describe('Clover sandbox: request log and controls', () => {
  it('counts calls per route, including refused ones', async () => {
    const id = (await api.send('POST', '/orders', {})).body.id;
    await api.send('POST', `/orders/${id}/bulk_line_items`, { items: [{ name: 'a', price: 1 }] });
    await api.send('POST', `/orders/${id}`, { state: 'open', total: 1 });
    await api.get(`/orders/${id}`);
    await api.get('/orders', 'bad-token');
    expect(sb.control.requestCounts()).toEqual({
      'POST /orders': 1,
      'POST /orders/{orderId}/bulk_line_items': 1,
      'POST /orders/{orderId}': 1,
      'GET /orders/{orderId}': 1,
      'GET /orders': 1,
    });
    const log = sb.control.requests();
    expect(log.map((e) => e.status)).toEqual([200, 200, 200, 200, 401]);
    expect(log[1]!.body).toEqual({ items: [{ name: 'a', price: 1 }] });
    sb.control.clearRequests();
    expect(sb.control.requests()).toEqual([]);
  });

  it('offers the controls over HTTP under /__sandbox', async () => {
    expect((await control(sb, 'POST', '/faults', { route: 'GET /orders', status: 502, times: 1 })).status).toBe(201);
    expect((await api.get('/orders')).status).toBe(502);
    expect((await control(sb, 'GET', '/requests/counts')).body).toEqual({ 'GET /orders': 1 });
    const added = await control(sb, 'POST', '/orders', { note: 'from a device' });
    expect(added.body).toMatchObject({ state: 'open', note: 'from a device' });
    const moved = await control(sb, 'POST', `/orders/${added.body.id}`, { state: 'locked', paymentState: 'PAID' });
    expect(moved.body).toMatchObject({ state: 'locked', paymentState: 'PAID' });
    expect((await control(sb, 'POST', '/faults', { status: 'bad' })).status).toBe(400);
    expect((await control(sb, 'POST', '/demo', { enabled: true, intervalMs: 1000 })).body).toEqual({ enabled: true, intervalMs: 1000 });
    expect((await control(sb, 'POST', '/demo', { enabled: false })).body).toEqual({ enabled: false, intervalMs: null });
    expect((await control(sb, 'POST', '/reset')).status).toBe(200);
    expect(sb.control.order(added.body.id)).toBeUndefined();
  });

  it('gives the same data for the same seed, and other data for another seed', async () => {
    const again = await startCloverSandbox({ seed: 5 });
    const other = await startCloverSandbox({ seed: 6 });
    try {
      const shape = (s: RunningCloverSandbox) => s.control.orders().map((o) => [o.id, o.state, o.total, o.lineItems.length]);
      expect(again.merchantId).toBe(sb.merchantId);
      expect(shape(again)).toEqual(shape(sb));
      expect(shape(other)).not.toEqual(shape(sb));
      const orders = sb.control.orders();
      expect(orders.length).toBeGreaterThanOrEqual(30);
      expect(orders.some((o) => o.paymentState === 'PAID' && o.state === 'locked')).toBe(true);
      expect(orders.some((o) => o.customers.length > 0)).toBe(true);
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
  });

  it('refuses bad options naming them', async () => {
    await expect(startCloverSandbox({ merchantId: 'short' })).rejects.toThrow(/merchantId/);
    await expect(startCloverSandbox({ currency: 'dollars' })).rejects.toThrow(/currency/);
  });
});

describe('Clover sandbox: demo mode', () => {
  it('creates an open order and pays the oldest open one on every tick', async () => {
    const demo = await startCloverSandbox({ seed: 5, demo: { intervalMs: 50 } });
    try {
      const api2 = clover(demo);
      const since = Date.now();
      const start = demo.control.orders().length;
      const changedSince = async () => (await api2.get(`/orders?filter=modifiedTime>=${since}&limit=1000`)).body.elements as Array<{ state: string; paymentState?: string }>;
      // Generous deadline: the timer runs every 50 ms, the machine may be busy.
      let changed = await changedSince();
      for (let i = 0; i < 100 && !(changed.some((o) => o.state === 'open') && changed.some((o) => o.paymentState === 'PAID')); i++) {
        await sleep(50);
        changed = await changedSince();
      }
      expect(demo.control.orders().length).toBeGreaterThan(start);
      expect(changed.some((o) => o.state === 'open')).toBe(true);
      expect(changed.some((o) => o.state === 'locked' && o.paymentState === 'PAID')).toBe(true);
    } finally {
      await demo.close();
    }
  });
});
