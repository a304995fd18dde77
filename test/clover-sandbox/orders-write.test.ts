// The custom-order flow of the seed page on the wire: a hidden order, line items (one and bulk),
// modifications, then total and state open; update, delete, and the validation answers.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCloverSandbox, type RunningCloverSandbox } from '../../src/clover-sandbox/index.js';
import { clover, type Clover } from './helpers.js';

let sb: RunningCloverSandbox;
let api: Clover;

beforeAll(async () => {
  sb = await startCloverSandbox({ seed: 11, currency: 'EUR' });
  api = clover(sb);
});
beforeEach(() => sb.control.reset());
afterAll(() => sb.close());

const listedIds = async () => ((await api.get('/orders?limit=1000')).body.elements as Array<{ id: string }>).map((o) => o.id);

describe('Clover sandbox: creating a custom order', () => {
  it('keeps a new order hidden until its state is set to open, then lists it with its lines and total', async () => {
    const created = await api.send('POST', '/orders', { title: 'Web order', note: 'Ring twice' });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    expect(id).toMatch(/^[0-9A-Z]{13}$/);
    expect(created.body).toMatchObject({ state: null, currency: 'EUR', total: 0, title: 'Web order' });
    expect(await listedIds()).not.toContain(id);

    const bulk = await api.send('POST', `/orders/${id}/bulk_line_items`, {
      items: [{ name: 'Pizza', price: 850, note: 'No onions' }, { name: 'Pizza', price: 850 }, { name: 'Cola', price: 199, itemCode: 'C1' }],
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.items).toHaveLength(3);
    const pizza = bulk.body.items[0].id as string;
    const one = await api.send('POST', `/orders/${id}/line_items`, { name: 'Tip jar', price: 100 });
    expect(one.body).toMatchObject({ name: 'Tip jar', price: 100, orderRef: { id } });
    const mod = await api.send('POST', `/orders/${id}/line_items/${pizza}/modifications`, { modifier: { id: 'MYMODIFIER001' }, name: 'Extra Cheese', amount: 50 });
    expect(mod.status).toBe(200);
    expect(mod.body).toMatchObject({ name: 'Extra Cheese', amount: 50, modifier: { id: 'MYMODIFIER001' } });
    expect(await listedIds()).not.toContain(id);

    const done = await api.send('POST', `/orders/${id}`, { total: 2049, state: 'open' });
    expect(done.body).toMatchObject({ id, state: 'open', total: 2049, currency: 'EUR' });
    expect(await listedIds()).toContain(id);
    const full = (await api.get(`/orders/${id}?expand=lineItems.modifications`)).body;
    expect(full.lineItems.elements.map((l: { name: string }) => l.name)).toEqual(['Pizza', 'Pizza', 'Cola', 'Tip jar']);
    expect(full.lineItems.elements[0].modifications.elements).toEqual([expect.objectContaining({ name: 'Extra Cheese', amount: 50 })]);
    expect(full.modifiedTime).toBeGreaterThanOrEqual(full.createdTime);
  });

  it('adds inventory items by id, with the catalogue price and name', async () => {
    const item = sb.control.catalogue().items[0]!;
    const id = (await api.send('POST', '/orders', {})).body.id;
    const line = await api.send('POST', `/orders/${id}/line_items`, { item: { id: item.id } });
    expect(line.body).toMatchObject({ name: item.name, price: item.price, item: { id: item.id } });
    const modifier = sb.control.catalogue().modifiers[0]!;
    const mod = await api.send('POST', `/orders/${id}/line_items/${line.body.id}/modifications`, { modifier: { id: modifier.id } });
    expect(mod.body).toMatchObject({ name: modifier.name, amount: modifier.amount });
  });

  it('stores the currency given on create (upper case) and links known customers', async () => {
    const customer = sb.control.customers()[0]!;
    expect(sb.control.customers()).toHaveLength(8);
    const created = await api.send('POST', '/orders', { currency: 'gbp', state: 'open', customers: [{ id: customer.id }] });
    expect(created.body.currency).toBe('GBP');
    const got = await api.get(`/orders/${created.body.id}?expand=customers`);
    expect(got.body.customers.elements[0].id).toBe(customer.id);
    const unknown = await api.send('POST', '/orders', { customers: [{ id: 'NOSUCHPERSON0' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('customers[0].id');
    // A customer without an id is created inline and can be named by later orders.
    const inline = await api.send('POST', '/orders', { customers: [{ firstName: 'Rahid', phoneNumber: '+994705401040' }] });
    const made = (await api.get(`/orders/${inline.body.id}?expand=customers`)).body.customers.elements[0];
    expect(made).toMatchObject({ firstName: 'Rahid', phoneNumber: '+994705401040' });
    expect(sb.control.customers().map((c) => c.id)).toContain(made.id);
  });

  it('refuses more than 100 lines per bulk call, storing none of them', async () => {
    const id = (await api.send('POST', '/orders', {})).body.id;
    const items = Array.from({ length: 101 }, (_, i) => ({ name: `Line ${i}`, price: 100 }));
    const tooMany = await api.send('POST', `/orders/${id}/bulk_line_items`, { items });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toMatch(/100/);
    const oneBad = await api.send('POST', `/orders/${id}/bulk_line_items`, { items: [{ name: 'ok', price: 1 }, { name: 'no price' }] });
    expect(oneBad.status).toBe(400);
    expect(sb.control.order(id)!.lineItems).toHaveLength(0);
    expect((await api.send('POST', `/orders/${id}/bulk_line_items`, { items: items.slice(0, 100) })).status).toBe(200);
    expect(sb.control.order(id)!.lineItems).toHaveLength(100);
  });

  it('answers 400 with a message for bad line items, modifications and order fields', async () => {
    const id = (await api.send('POST', '/orders', {})).body.id;
    expect((await api.send('POST', `/orders/${id}/line_items`, { name: 'no price' })).status).toBe(400);
    expect((await api.send('POST', `/orders/${id}/line_items`, { name: 'float', price: 8.5 })).body.message).toMatch(/cents/);
    const line = (await api.send('POST', `/orders/${id}/line_items`, { name: 'ok', price: 100 })).body.id;
    expect((await api.send('POST', `/orders/${id}/line_items/${line}/modifications`, { name: 'x', amount: 1 })).status).toBe(400);
    expect((await api.send('POST', `/orders/${id}/line_items/${line}/modifications`, { modifier: { id: 'UNKNOWNMOD001' } })).status).toBe(400);
    expect((await api.send('POST', `/orders/${id}`, { total: '12.00' })).status).toBe(400);
    expect((await api.send('POST', '/orders', '{not json')).status).toBe(400);
    expect((await api.send('POST', `/orders/NOSUCHORDER00/line_items`, { name: 'x', price: 1 })).status).toBe(404);
  });

  it('removes a modification and deletes an order (then 404 and never listed)', async () => {
    const id = (await api.send('POST', '/orders', { state: 'open' })).body.id;
    const line = (await api.send('POST', `/orders/${id}/line_items`, { name: 'ok', price: 100 })).body.id;
    const mod = (await api.send('POST', `/orders/${id}/line_items/${line}/modifications`, { modifier: { id: 'MYMODIFIER001' }, name: 'M', amount: 0 })).body.id;
    expect((await api.send('DELETE', `/orders/${id}/line_items/${line}/modifications/${mod}`)).status).toBe(200);
    expect(sb.control.order(id)!.lineItems[0]!.modifications).toEqual([]);
    expect(await listedIds()).toContain(id);
    const deleted = await api.send('DELETE', `/orders/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toBeUndefined();
    expect((await api.get(`/orders/${id}`)).status).toBe(404);
    expect(await listedIds()).not.toContain(id);
    expect((await api.send('DELETE', `/orders/${id}`)).status).toBe(404);
    // A poller can still learn of the deletion by asking for deletedTime.
    const since = sb.control.order(id)!.deletedTime!;
    const gone = (await api.get(`/orders?filter=deletedTime>=${since}`)).body.elements;
    expect(gone).toEqual([expect.objectContaining({ id, deletedTime: since })]);
  });

  it('bumps modifiedTime on every change, so a modifiedTime>= poll sees updates', async () => {
    const id = (await api.send('POST', '/orders', { state: 'open' })).body.id;
    const before = sb.control.order(id)!.modifiedTime;
    await api.send('POST', `/orders/${id}`, { note: 'changed' });
    const after = sb.control.order(id)!.modifiedTime;
    expect(after).toBeGreaterThan(before);
    const polled = (await api.get(`/orders?filter=modifiedTime>=${after}`)).body.elements.map((o: { id: string }) => o.id);
    expect(polled).toEqual([id]);
  });
});
