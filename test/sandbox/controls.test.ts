import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClopOrder } from '../../src/upstreams/clopos/types.js';
import type { RequestLogEntry } from '../../src/sandbox/index.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { REQUEST_LOG_LIMIT, RequestLog } from '../../src/sandbox/request-log.js';
import { allOrders, api, control, tokenFor, VALID_ORDER, type Api } from './helpers.js';

let sandbox: RunningSandbox;
let client: Api;
let token: string;
let seeded: ClopOrder[];

beforeAll(async () => {
  sandbox = await startSandbox();
  token = await tokenFor(sandbox);
  client = api(sandbox, token);
  seeded = await allOrders(client, '&with[0]=receipt');
});
beforeEach(() => sandbox.control.reset());
afterAll(() => sandbox.close());

const firstWithStatus = (status: ClopOrder['status']) => seeded.find((o) => o.status === status)!;
const nowish = (iso: string | undefined) => Math.abs(Date.parse(iso ?? '') - Date.now()) < 5000;

describe('request log', () => {
  it('records method, path, raw and parsed query, headers, body, status and time', async () => {
    const before = Date.now();
    const query = 'limit=2&filters[0][0]=status&filters[0][1][0]=PENDING&filters[0][1][1]=RECEIVED&date[1]=2026-01-31';
    await client.get(`/orders?${query}`, { 'x-venue': '2' });
    await client.send('POST', '/orders', VALID_ORDER);
    const [list, create] = sandbox.control.requests() as [RequestLogEntry, RequestLogEntry];
    expect(sandbox.control.requests()).toHaveLength(2);
    expect(list).toMatchObject({ method: 'GET', path: '/orders', rawQuery: query, status: 200 });
    expect(list.query).toEqual({ limit: '2', filters: [['status', ['PENDING', 'RECEIVED']]], date: [undefined, '2026-01-31'] });
    expect(list.headers['x-token']).toBe(token);
    expect(list.headers['x-venue']).toBe('2');
    expect(list.body).toBeUndefined();
    expect(list.at).toBeGreaterThanOrEqual(before);
    expect(list.at).toBeLessThanOrEqual(Date.now());
    expect(create).toMatchObject({ method: 'POST', path: '/orders', rawQuery: '', status: 200, body: VALID_ORDER });
  });

  it('records refused requests and /auth, but not control requests', async () => {
    await fetch(`${sandbox.baseUrl}/orders`);
    await control(sandbox, 'GET', '/orders');
    await tokenFor(sandbox);
    expect(sandbox.control.requests().map((e) => [e.path, e.status])).toEqual([['/orders', 401], ['/auth', 200]]);
  });

  it('is readable and clearable over HTTP', async () => {
    await client.get('/orders/1');
    const read = await control(sandbox, 'GET', '/requests');
    expect(read.body.data).toMatchObject([{ method: 'GET', path: '/orders/1', status: 200 }]);
    expect((await control(sandbox, 'DELETE', '/requests')).status).toBe(200);
    expect(sandbox.control.requests()).toEqual([]);
  });

  it(`keeps only the last ${REQUEST_LOG_LIMIT} entries`, () => {
    const log = new RequestLog();
    for (let i = 0; i < REQUEST_LOG_LIMIT + 700; i++) log.add({ method: 'GET', path: `/orders/${i}`, rawQuery: '', query: {}, headers: {}, status: 200, at: i });
    const entries = log.list();
    expect(entries).toHaveLength(REQUEST_LOG_LIMIT);
    expect(entries[0]!.path).toBe('/orders/700');
    expect(entries.at(-1)!.path).toBe(`/orders/${REQUEST_LOG_LIMIT + 699}`);
  });
});

describe('moving orders', () => {
  it('accepts a PENDING order: RECEIVED, an open receipt and a fresh updated_at', async () => {
    const pending = firstWithStatus('PENDING');
    const moved = sandbox.control.setOrderStatus(pending.id, 'RECEIVED');
    expect(moved).toMatchObject({ id: pending.id, status: 'RECEIVED', receipt: { status: 1 } });
    expect(nowish(moved.updated_at)).toBe(true);
    const { body } = await client.get(`/orders/${pending.id}?with[0]=receipt`);
    expect(body.data.status).toBe('RECEIVED');
    expect(body.data.receipt).toEqual(moved.receipt);
    expect(body.data.updated_at).toBe(moved.updated_at);
  });

  it('delivers a RECEIVED order and closes its receipt', () => {
    const received = seeded.find((o) => o.status === 'RECEIVED' && o.receipt)!;
    const moved = sandbox.control.setOrderStatus(received.id, 'DELIVERED');
    expect(moved.receipt).toEqual({ ...received.receipt, status: 2 });
  });

  it('moves orders over HTTP and refuses unknown orders and statuses', async () => {
    const pending = firstWithStatus('PENDING');
    const moved = await control(sandbox, 'POST', `/orders/${pending.id}/status`, { status: 'IGNORE' });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ id: pending.id, status: 'IGNORE' });
    expect((await control(sandbox, 'POST', '/orders/99999/status', { status: 'IGNORE' })).status).toBe(404);
    expect((await control(sandbox, 'POST', `/orders/${pending.id}/status`, { status: 'DONE' })).status).toBe(400);
    expect(() => sandbox.control.setOrderStatus(99_999, 'RECEIVED')).toThrow(/not found/);
  });
});

describe('adding orders', () => {
  it('inserts a PENDING order created now, first in the default list', async () => {
    const added = sandbox.control.addOrder();
    expect(added.status).toBe('PENDING');
    expect(added.id).toBe(151);
    expect(nowish(added.created_at)).toBe(true);
    const { body } = await client.get('/orders?limit=1');
    expect(body.total).toBe(151);
    expect(body.data[0].id).toBe(added.id);
    expect(body.data[0].payload.products.length).toBeGreaterThan(0);
  });

  it('takes overrides: venue_id also moves payload.service, RECEIVED gets a receipt', async () => {
    const added = sandbox.control.addOrder({ venue_id: 3, status: 'RECEIVED', receipt: { id: 777, service_notification_id: null, status: 1 } });
    const { body } = await client.get(`/orders/${added.id}?with[0]=receipt`, { 'x-venue': '3' });
    expect(body.data).toMatchObject({ venue_id: 3, status: 'RECEIVED', payload: { service: { venue_id: 3 } } });
    expect(body.data.receipt).toEqual({ id: 777, service_notification_id: null, status: 1 });
  });

  it('adds orders over HTTP', async () => {
    const added = await control(sandbox, 'POST', '/orders', { venue_id: 2 });
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({ status: 'PENDING', venue_id: 2 });
    expect((await control(sandbox, 'GET', '/orders')).body.data[0].id).toBe(added.body.data.id);
    expect((await control(sandbox, 'POST', '/orders', { id: 1 })).status).toBe(400);
  });
});

describe('reset', () => {
  it('restores the seeded orders and clears faults and the log', async () => {
    await client.send('POST', '/orders', VALID_ORDER);
    await client.send('PUT', `/orders/${firstWithStatus('PENDING').id}`, { status: 'IGNORE' });
    sandbox.control.setOrderStatus(firstWithStatus('RECEIVED').id, 'DELIVERED');
    sandbox.control.addOrder();
    sandbox.control.injectFault({ path: '/nothing', status: 500 });
    expect((await allOrders(client, '&with[0]=receipt')).length).toBe(152);

    expect((await control(sandbox, 'POST', '/reset')).status).toBe(200);
    expect(sandbox.control.requests()).toEqual([]);
    expect((await control(sandbox, 'GET', '/faults')).body.data).toEqual([]);
    expect(await allOrders(client, '&with[0]=receipt')).toEqual(seeded);
    expect(sandbox.control.orders().map((o) => o.id)).toEqual(seeded.map((o) => o.id));
    expect(sandbox.control.addOrder().id).toBe(151);
  });
});

describe('the control prefix', () => {
  it('needs no token and answers 404 for unknown control routes', async () => {
    expect((await control(sandbox, 'GET', '/nothing')).status).toBe(404);
    const broken = await fetch(`${new URL(sandbox.baseUrl).origin}/__sandbox/faults`, { method: 'POST', body: '{oops' });
    expect(broken.status).toBe(400);
  });
});
