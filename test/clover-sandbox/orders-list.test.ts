// GET /orders and GET /orders/{id} on the wire: envelope, filters, window, expand, paging, sorting.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCloverSandbox, type RunningCloverSandbox } from '../../src/clover-sandbox/index.js';
import { clover, DAY, type Clover } from './helpers.js';

let sb: RunningCloverSandbox;
let api: Clover;

beforeAll(async () => {
  sb = await startCloverSandbox({ seed: 7 });
  api = clover(sb);
});
beforeEach(() => sb.control.reset());
afterAll(() => sb.close());

const ids = (body: { elements: Array<{ id: string }> }) => body.elements.map((o) => o.id);

describe('Clover sandbox: listing orders', () => {
  it('answers {elements, href} with no total, 13-character ids, amounts in cents and the currency', async () => {
    const { status, body, headers } = await api.get('/orders?limit=5');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['elements', 'href']);
    expect(body.href).toBe(`${sb.baseUrl}/v3/merchants/${sb.merchantId}/orders?limit=5`);
    expect(body.elements).toHaveLength(5);
    for (const o of body.elements) {
      expect(o.id).toMatch(/^[0-9A-Z]{13}$/);
      expect(Number.isInteger(o.total)).toBe(true);
      expect(o.currency).toBe('USD');
      expect(o.lineItems).toBeUndefined();
    }
    expect(sb.merchantId).toMatch(/^[0-9A-Z]{13}$/);
    expect(headers.get('x-clover-allowed-filter-fields')).toContain('modifiedTime');
  });

  it('sorts by createdTime descending by default and by orderBy when asked', async () => {
    const byCreated = (await api.get('/orders?limit=1000')).body.elements;
    const created = byCreated.map((o: { createdTime: number }) => o.createdTime);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const asc = (await api.get(`/orders?limit=1000&orderBy=${encodeURIComponent('modifiedTime ASC')}`)).body.elements;
    const modified = asc.map((o: { modifiedTime: number }) => o.modifiedTime);
    expect(modified).toEqual([...modified].sort((a, b) => a - b));
    expect((await api.get('/orders?orderBy=color')).status).toBe(400);
  });

  it('never lists hidden (state null) or deleted orders, but GET by id finds a hidden one', async () => {
    const all = sb.control.orders();
    const hidden = all.filter((o) => o.state === null && o.deletedTime === undefined);
    const deleted = all.filter((o) => o.deletedTime !== undefined);
    expect(hidden.length).toBeGreaterThan(0);
    expect(deleted.length).toBeGreaterThan(0);
    const listed = ids((await api.get('/orders?limit=1000&filter=createdTime>=0')).body);
    for (const o of [...hidden, ...deleted]) expect(listed).not.toContain(o.id);
    const one = await api.get(`/orders/${hidden[0]!.id}`);
    expect(one.status).toBe(200);
    expect(one.body.state).toBeNull();
    expect((await api.get(`/orders/${deleted[0]!.id}`)).status).toBe(404);
    expect((await api.get('/orders/NOSUCHORDER00')).status).toBe(404);
  });

  it('filters with =, !=, >=, <=, >, < and IS NOT NULL, repeated filters all applying', async () => {
    const all = (await api.get('/orders?limit=1000')).body.elements as Array<{ id: string; state: string; total: number; modifiedTime: number; paymentState?: string }>;
    const q = (...filters: string[]) => api.get(`/orders?limit=1000&${filters.map((f) => `filter=${encodeURIComponent(f)}`).join('&')}`);
    expect(ids((await q('state=open')).body).sort()).toEqual(all.filter((o) => o.state === 'open').map((o) => o.id).sort());
    expect(ids((await q('state!=open')).body).sort()).toEqual(all.filter((o) => o.state !== 'open').map((o) => o.id).sort());
    const mid = [...all].sort((a, b) => a.modifiedTime - b.modifiedTime)[Math.floor(all.length / 2)]!.modifiedTime;
    expect(ids((await q(`modifiedTime>=${mid}`)).body).sort()).toEqual(all.filter((o) => o.modifiedTime >= mid).map((o) => o.id).sort());
    expect(ids((await q(`modifiedTime>${mid}`)).body).sort()).toEqual(all.filter((o) => o.modifiedTime > mid).map((o) => o.id).sort());
    expect(ids((await q('total>1000', 'total<=3000')).body).sort()).toEqual(all.filter((o) => o.total > 1000 && o.total <= 3000).map((o) => o.id).sort());
    expect(ids((await q('title IS NOT NULL')).body).length).toBeGreaterThan(0);
  });

  it('answers 400 naming the allowed fields for a bad filter field, and 400 for a non-numeric time', async () => {
    const bad = await api.get('/orders?filter=colour=red');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('colour');
    expect(bad.headers.get('x-clover-allowed-filter-fields')?.split(',')).toEqual(expect.arrayContaining(['createdTime', 'modifiedTime', 'state']));
    expect((await api.get('/orders?filter=createdTime>=yesterday')).status).toBe(400);
  });

  it('keeps lists to the most recent 90 days of the createdTime range asked for', async () => {
    const now = Date.now();
    const everything = sb.control.orders().filter((o) => o.state !== null && o.deletedTime === undefined);
    const old = everything.filter((o) => o.createdTime < now - 90 * DAY);
    expect(old.length).toBeGreaterThan(0);
    // No range, or a range longer than 90 days: the old ones are cut off.
    const plain = ids((await api.get('/orders?limit=1000')).body);
    const long = ids((await api.get(`/orders?limit=1000&filter=createdTime>=${now - 200 * DAY}&filter=createdTime<=${now}`)).body);
    for (const o of old) {
      expect(plain).not.toContain(o.id);
      expect(long).not.toContain(o.id);
    }
    expect(long.sort()).toEqual(everything.filter((o) => o.createdTime >= now - 90 * DAY).map((o) => o.id).sort());
    // A range of 90 days or less in the past reaches them.
    const past = ids((await api.get(`/orders?limit=1000&filter=createdTime>=${now - 130 * DAY}&filter=createdTime<${now - 91 * DAY}`)).body);
    expect(past.sort()).toEqual(old.map((o) => o.id).sort());
  });

  it('pages with limit/offset: 100 by default, 1000 at most, no overlap', async () => {
    for (let i = 0; i < 1010; i++) sb.control.addOrder();
    expect((await api.get('/orders')).body.elements).toHaveLength(100);
    expect((await api.get('/orders?limit=5000')).body.elements).toHaveLength(1000);
    const first = ids((await api.get('/orders?limit=600')).body);
    const second = ids((await api.get('/orders?limit=600&offset=600')).body);
    expect(new Set([...first, ...second]).size).toBe(first.length + second.length);
    expect((await api.get('/orders?limit=-1')).status).toBe(400);
  });
});

describe('Clover sandbox: expand and line items', () => {
  const big = () => sb.control.orders().find((o) => o.lineItems.length > 100)!;

  it('expands line items, their modifications and customers, capping nested lists at 100', async () => {
    const order = big();
    const { body } = await api.get(`/orders/${order.id}?expand=lineItems.modifications,customers`);
    expect(body.lineItems.elements).toHaveLength(100);
    expect(body.lineItems.elements[0].modifications).toEqual({ elements: expect.any(Array) });
    const withCustomer = sb.control.orders().find((o) => o.customers.length > 0 && o.state !== null && o.deletedTime === undefined)!;
    const c = (await api.get(`/orders/${withCustomer.id}?expand=customers`)).body.customers.elements[0];
    expect(c).toMatchObject({ id: withCustomer.customers[0]!.id, firstName: expect.any(String) });
  });

  it('refuses more than 3 expand fields, comma separated or repeated', async () => {
    expect((await api.get('/orders?expand=lineItems,customers,payments,discounts')).status).toBe(400);
    expect((await api.get('/orders?expand=lineItems&expand=customers&expand=payments&expand=refunds')).status).toBe(400);
    expect((await api.get('/orders?expand=lineItems&expand=customers&expand=payments')).status).toBe(200);
  });

  it('pages an order of 130 line items through /line_items', async () => {
    const order = big();
    const a = await api.get(`/orders/${order.id}/line_items?limit=100&expand=modifications`);
    const b = await api.get(`/orders/${order.id}/line_items?limit=100&offset=100`);
    expect(a.status).toBe(200);
    expect(Object.keys(a.body).sort()).toEqual(['elements', 'href']);
    const all = [...a.body.elements, ...b.body.elements].map((l: { id: string }) => l.id);
    expect(all).toEqual(order.lineItems.map((l) => l.id));
    expect(a.body.elements[0].modifications).toBeDefined();
  });
});
