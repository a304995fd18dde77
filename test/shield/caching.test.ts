// Coalescing, the GET answer cache and the response cache, against the sandbox over HTTP: how many
// Clopos calls a burst of GraphQL requests costs, what keys keep apart, and what a create or
// cancel drops.
import { afterEach, describe, expect, it } from 'vitest';
import { createCloposClient } from '../../src/upstreams/clopos/client.js';
import { credentialsIdentity } from '../../src/shield/keys.js';
import { cloposCredentials } from '../../src/sandbox/index.js';
import { CANCEL, CREATE, LIST, ORDER, type ShieldedGateway, simpleOrder, sleep, startShieldedGateway } from './support.js';

let gw: ShieldedGateway;
afterEach(() => gw?.close());

describe('coalescing', () => {
  it('sends identical GETs in flight at the same time once, even with both caches off', async () => {
    gw = await startShieldedGateway({ settings: { cacheTtlMs: 0 } });
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', latencyMs: 200 });
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => gw.gql(LIST, { first: 5 }, { authorization: `Bearer caller-${i}` })),
    );
    expect(answers.every((a) => a.errors === undefined)).toBe(true);
    expect(gw.calls('GET', '/orders')).toHaveLength(1);
  });

  it('keeps different venues and different queries apart', async () => {
    gw = await startShieldedGateway({ settings: { cacheTtlMs: 0 } });
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', latencyMs: 150 });
    await Promise.all([
      gw.gql(LIST, { first: 5, filter: { venueId: '1' } }),
      gw.gql(LIST, { first: 5, filter: { venueId: '2' } }),
      gw.gql(LIST, { first: 5, filter: { venueId: '2', status: 'PENDING' } }),
      gw.gql(LIST, { first: 5, filter: { venueId: '2' } }),
    ]);
    const sent = gw.calls('GET', '/orders');
    expect(sent).toHaveLength(3);
    expect(sent.map((r) => r.headers['x-venue']).sort()).toEqual(['1', '2', '2']);
  });

  it('gives every credentials identity (and pass-through token) its own keys', async () => {
    const base = { clientId: 'c', clientSecret: 's', brand: 'b', integratorId: 'i' };
    expect(credentialsIdentity('http://x/v2', base)).not.toBe(credentialsIdentity('http://x/v2', { ...base, brand: 'b2' }));
    expect(credentialsIdentity('http://x/v2', base)).not.toBe(credentialsIdentity('http://y/v2', base));
    gw = await startShieldedGateway();
    // A second upstream (as for a pass-through token) shielded under its own identity shares no answers.
    const raw = createCloposClient({
      baseUrl: gw.sandbox.baseUrl,
      credentials: cloposCredentials(gw.sandbox.credentials),
      fetch: gw.shield.shield.transport,
    });
    const other = gw.shield.shield.wrap(raw, 'token:abc');
    await gw.shield.clopos.call('listOrders', { page: 1, limit: 5 });
    await gw.shield.clopos.call('listOrders', { page: 1, limit: 5 });
    await other.call('listOrders', { page: 1, limit: 5 });
    expect(gw.calls('GET', '/orders')).toHaveLength(2);
  });
});

describe('GET answer cache', () => {
  it('answers a repeat within CACHE_TTL_MS from the cache, and asks Clopos again after it', async () => {
    gw = await startShieldedGateway({ settings: { cacheTtlMs: 300 } });
    await gw.gql(LIST, { first: 5 });
    // A different document (so the response cache misses) over the same Clopos GET.
    const other = await gw.gql(`{ orders(first: 5) { nodes { id createdAt } } }`);
    expect(other.errors).toBeUndefined();
    expect(gw.calls('GET', '/orders')).toHaveLength(1);
    await sleep(350);
    await gw.gql(LIST, { first: 5 });
    expect(gw.calls('GET', '/orders')).toHaveLength(2);
  });

  it('is off at CACHE_TTL_MS=0', async () => {
    gw = await startShieldedGateway({ settings: { cacheTtlMs: 0 } });
    await gw.gql(LIST, { first: 5 });
    await gw.gql(LIST, { first: 5 });
    expect(gw.calls('GET', '/orders')).toHaveLength(2);
  });

  it('keeps venues and filters apart', async () => {
    gw = await startShieldedGateway();
    await gw.gql(LIST, { first: 5, filter: { venueId: '1' } });
    await gw.gql(LIST, { first: 5, filter: { venueId: '2' } });
    await gw.gql(LIST, { first: 5, filter: { venueId: '1', status: 'PENDING' } });
    await gw.gql(`{ orders(first: 5, filter: { venueId: "1" }) { totalCount } }`);
    expect(gw.calls('GET', '/orders')).toHaveLength(3);
  });
});

describe('response cache', () => {
  it('answers a repeated query from the same caller without executing, per caller', async () => {
    gw = await startShieldedGateway({ settings: { cacheTtlMs: 60_000 } });
    // Counts executions: a resolver that runs calls the shielded client.
    const api = gw.shield.clopos;
    const call = api.call.bind(api);
    let executed = 0;
    api.call = ((name, input) => {
      if (name === 'listOrders') executed++;
      return call(name, input);
    }) as typeof api.call;
    const first = await gw.gql(LIST, { first: 3 }, { authorization: 'Bearer one' });
    const second = await gw.gql(LIST, { first: 3 }, { authorization: 'Bearer one' });
    expect(second.data).toEqual(first.data);
    expect(executed).toBe(1);
    // Another caller gets its own entry: same data, but executed (the GET cache saves the call).
    gw.sandbox.control.addOrder({ status: 'PENDING', venue_id: 1 });
    const other = await gw.gql(LIST, { first: 3 }, { authorization: 'Bearer two' });
    expect(other.data).toEqual(first.data);
    expect(executed).toBe(2);
    expect(gw.calls('GET', '/orders')).toHaveLength(1);
  });
});

describe('invalidation', () => {
  it('drops cached lists (both caches) when this gateway creates an order', async () => {
    gw = await startShieldedGateway({ settings: { cacheTtlMs: 60_000 } });
    const before = await gw.gql<{ orders: { totalCount: number; nodes: Array<{ id: string }> } }>(LIST, { first: 3 });
    const created = await gw.gql<{ createOrder: { order: { id: string } } }>(CREATE, { input: simpleOrder() });
    const id = created.data!.createOrder.order.id;
    const after = await gw.gql<{ orders: { totalCount: number; nodes: Array<{ id: string }> } }>(LIST, { first: 3 });
    expect(after.data!.orders.totalCount).toBe(before.data!.orders.totalCount + 1);
    expect(after.data!.orders.nodes[0]!.id).toBe(id);
    expect(gw.calls('GET', '/orders')).toHaveLength(2);
  });

  it('drops the cached order and lists when this gateway cancels it', async () => {
    gw = await startShieldedGateway({ settings: { cacheTtlMs: 60_000 } });
    const order = gw.sandbox.control.addOrder({ status: 'PENDING', venue_id: 1 });
    const id = String(order.id);
    const before = await gw.gql<{ order: { status: string } }>(ORDER, { id });
    expect(before.data!.order.status).toBe('PENDING');
    const list = await gw.gql<{ orders: { nodes: Array<{ id: string; status: string }> } }>(LIST, { first: 3 });
    expect(list.data!.orders.nodes.find((n) => n.id === id)?.status).toBe('PENDING');
    const cancelled = await gw.gql(CANCEL, { id });
    expect(cancelled.errors).toBeUndefined();
    const after = await gw.gql<{ order: { status: string } }>(ORDER, { id });
    expect(after.data!.order.status).toBe('CANCELLED');
    const listAfter = await gw.gql<{ orders: { nodes: Array<{ id: string; status: string }> } }>(LIST, { first: 3 });
    expect(listAfter.data!.orders.nodes.find((n) => n.id === id)?.status).toBe('CANCELLED');
  });
});
