// The sandbox's catalog endpoints over HTTP: what the gateway's catalog adapter reads.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { api, control, sleep, tokenFor, type Api } from './helpers.js';

let sandbox: RunningSandbox;
let client: Api;
beforeAll(async () => {
  sandbox = await startSandbox();
  client = api(sandbox, await tokenFor(sandbox));
});
beforeEach(() => sandbox.control.reset());
afterAll(() => sandbox.close());

describe('sandbox catalog', () => {
  it('serves 3 venues and 3 sale types with their documented fields', async () => {
    const venues = await client.get('/venues');
    expect(venues.status).toBe(200);
    expect(venues.body.data.map((v: { id: number }) => v.id)).toEqual([1, 2, 3]);
    expect(Object.keys(venues.body.data[0]).sort()).toEqual(['address', 'email', 'id', 'name', 'phone', 'status']);
    const types = (await client.get('/sale-types')).body.data;
    expect(types.map((s: { system_type: string }) => s.system_type)).toEqual(['IN', 'DELIVERY', 'TAKEAWAY']);
    expect(types[2].status).toEqual({ '1': 1, '2': 1, '3': 0 });
  });

  it('serves about 40 products in categories, modifier groups only with with[N]=modificator_groups', async () => {
    const bare = await client.get('/products?limit=100');
    expect(bare.body.total).toBeGreaterThanOrEqual(35);
    expect(bare.body.data[0].modificator_groups).toBeUndefined();
    const full = await client.get('/products?limit=100&with[0]=modificator_groups&with[1]=category');
    const pizza = full.body.data.find((p: { id: number }) => p.id === 101);
    expect(pizza).toMatchObject({ name: 'Pizza', price: 8.5, category: { name: 'Pizza' } });
    expect(pizza.modificator_groups[0]).toMatchObject({ name: 'Extras', min_select: 0, max_select: 5 });
    expect(new Set(full.body.data.map((p: { category_id: number }) => p.category_id)).size).toBeGreaterThanOrEqual(5);
    const second = await client.get('/products?limit=10&page=4');
    expect(second.body.data.length).toBe(Math.min(10, bare.body.total - 30));
    expect((await client.get('/products?limit=101')).status).toBe(400);
  });

  it('serves the stop-list, filtered by id, and demo mode changes it', async () => {
    const stop = (await client.get('/products/stop-list')).body.data;
    expect(stop.map((s: { id: number; limit: number }) => [s.id, s.limit])).toEqual([[97, 0], [98, 3]]);
    expect(typeof stop[0].timestamp).toBe('number');
    const one = (await client.get('/products/stop-list?filters[0][0]=id&filters[0][1][0]=98')).body.data;
    expect(one).toEqual([expect.objectContaining({ id: 98, limit: 3 })]);
    expect((await client.get('/products/stop-list?filters[0][0]=name&filters[0][1]=x')).status).toBe(400);
    sandbox.control.startDemo(20);
    await sleep(200);
    sandbox.control.stopDemo();
    const moved = (await client.get('/products/stop-list')).body.data.map((s: { id: number }) => s.id);
    expect(moved.some((id: number) => ![97, 98].includes(id))).toBe(true);
  });

  it('sets stock through the control routes', async () => {
    const set = await control(sandbox, 'POST', '/stop-list', { productId: 71, limit: 0 });
    expect(set.status).toBe(200);
    expect((await client.get('/products/stop-list')).body.data.some((s: { id: number; limit: number }) => s.id === 71 && s.limit === 0)).toBe(true);
    await control(sandbox, 'POST', '/stop-list', { productId: 71, limit: null });
    expect((await client.get('/products/stop-list')).body.data.some((s: { id: number }) => s.id === 71)).toBe(false);
    expect((await control(sandbox, 'POST', '/stop-list', { productId: 123456, limit: 0 })).status).toBe(400);
  });

  it('finds customers by phones and name filters (no search parameter), by id, and creates them', async () => {
    const byPhone = await client.get('/customers?filters[0][0]=phones&filters[0][1]=994502218834');
    expect(byPhone.body.data.map((c: { name: string }) => c.name)).toEqual(['Aysel Mammadova']);
    const byName = await client.get('/customers?filters[0][0]=name&filters[0][1]=leyla');
    expect(byName.body.data.map((c: { id: number }) => c.id)).toEqual([4]);
    expect((await client.get('/customers?search=aysel')).status).toBe(400);
    expect((await client.get('/customers/2')).body.data).toMatchObject({ id: 2, phones: ['+994502218834'] });
    expect((await client.get('/customers/999')).status).toBe(404);
    const created = await client.send('POST', '/customers', { name: 'New Caller', phone: '+994700000001' });
    expect(created.body.data).toMatchObject({ name: 'New Caller', phone: '+994700000001' });
    expect((await client.send('POST', '/customers', { name: 'Again', phone: '+994700000001' })).status).toBe(409);
    expect((await client.send('POST', '/customers', { phone: '1' })).status).toBe(400);
  });

  it('has every customer the seeded orders name', async () => {
    const customers = (await client.get('/customers?limit=999')).body.data as Array<{ id: number }>;
    const ids = new Set(customers.map((c) => c.id));
    const named = sandbox.control.orders().flatMap((o) => (o.payload?.customer?.id ? [o.payload.customer.id] : []));
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((id) => ids.has(id))).toBe(true);
  });
});
