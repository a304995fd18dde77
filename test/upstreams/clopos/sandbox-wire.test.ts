// The client against the embedded sandbox over real HTTP: the same bytes a real Clopos would get.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCloposClient, isUpstreamError, type CloposApi } from '../../../src/upstreams/clopos/rest.js';
import type { ClopCreateOrderRequest } from '../../../src/upstreams/clopos/types.js';
import { startSandbox } from '../../../src/sandbox/index.js';
import type { RunningSandbox } from '../../../src/sandbox/contract.js';

const credentialsOf = (sandbox: RunningSandbox) => ({
  clientId: sandbox.credentials.client_id,
  clientSecret: sandbox.credentials.client_secret,
  brand: sandbox.credentials.brand,
  integratorId: sandbox.credentials.integrator_id,
});

let sandbox: RunningSandbox;
let client: CloposApi;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7 });
  client = createCloposClient({ baseUrl: sandbox.baseUrl, credentials: credentialsOf(sandbox) });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.control.reset());

const dataLog = () => sandbox.control.requests().filter((r) => r.path !== '/auth');

describe('Clopos client against the sandbox', () => {
  it('lists with sort, an id filter array and x-venue, reading total', async () => {
    // x-venue scopes the list to venue 1, so pick three of its orders.
    const ids = sandbox.control
      .orders()
      .filter((o) => o.venue_id === 1)
      .slice(0, 3)
      .map((o) => o.id);
    const page = await client.call('listOrders', {
      page: 1,
      limit: 2,
      sort: { field: 'id', direction: 1 },
      filters: [['id', ids]],
      venueId: '1',
    });
    expect(page.total).toBe(3);
    expect(page.orders.map((o) => o.id)).toEqual([...ids].sort((a, b) => a - b).slice(0, 2));
    const [entry] = dataLog();
    expect(entry?.rawQuery).toBe(
      `page=1&limit=2&sort[0]=id&sort[1]=1&filters[0][0]=id` + ids.map((id, m) => `&filters[0][1][${m}]=${id}`).join(''),
    );
    expect(entry?.headers['x-venue']).toBe('1');
  });

  it('gets an order with its receipt, and null for an unknown id', async () => {
    const known = sandbox.control.orders()[0];
    const order = await client.call('getOrder', { id: known?.id ?? 0, withReceipt: true });
    expect(order?.id).toBe(known?.id);
    expect(order).toHaveProperty('receipt');
    expect(dataLog()[0]?.rawQuery).toBe('with[0]=receipt%3Aid%2Cservice_notification_id%2Cstatus');
    expect(await client.call('getOrder', { id: 987_654_321 })).toBeNull();
  });

  it('creates an order, then cancels it with {"status":"IGNORE"}', async () => {
    const body: ClopCreateOrderRequest = {
      sale_type_id: 2,
      venue_id: 1,
      customer: { id: 0, name: 'Wire Test', phone: '+994700000000' },
      products: [{ product_id: 101, product_name: 'Pizza', count: 2, price: 8.5, portion_size: 1, status: 'new', product_hash: 'wire-1' }],
      auto_order_accept: false,
      auto_order_sent_to_station: false,
    };
    const created = await client.call('createOrder', body);
    expect(created.id).toBeGreaterThan(0);
    expect((await client.call('getOrder', { id: created.id }))?.status).toBe('PENDING');
    const cancelled = await client.call('cancelOrder', { id: created.id });
    expect(cancelled?.status).toBe('IGNORE');
    expect((await client.call('getOrder', { id: created.id }))?.status).toBe('IGNORE');
    const put = dataLog().find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({ status: 'IGNORE' });
    expect(await client.call('cancelOrder', { id: 987_654_321 })).toBeNull();
  });

  it('renews a 401-rejected token once and resends', async () => {
    await client.call('listOrders', { page: 1, limit: 1 });
    sandbox.control.clearRequests();
    sandbox.control.injectFault({ path: '/orders', status: 401, times: 1 });
    await client.call('listOrders', { page: 1, limit: 1 });
    expect(sandbox.control.requests().map((r) => [r.path, r.status])).toEqual([
      ['/orders', 401],
      ['/auth', 200],
      ['/orders', 200],
    ]);
  });

  it('a 500 on create is never retried', async () => {
    sandbox.control.injectFault({ method: 'POST', path: '/orders', status: 500 });
    const e = await client
      .call('createOrder', {
        sale_type_id: 1,
        venue_id: 1,
        customer: { id: 0 },
        products: [{ product_id: 101, product_name: 'Pizza', count: 1, price: 1, portion_size: 1 }],
        auto_order_accept: false,
        auto_order_sent_to_station: false,
      })
      .catch((err: unknown) => err);
    expect(isUpstreamError(e) && e.code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    expect(dataLog().filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});

describe('short-lived sandbox tokens', () => {
  let shortSandbox: RunningSandbox;
  beforeAll(async () => {
    shortSandbox = await startSandbox({ seed: 7, tokenLifetimeSeconds: 4 });
  });
  afterAll(() => shortSandbox.close());

  it('renews the token before it expires, without a 401', async () => {
    const shortClient = createCloposClient({ baseUrl: shortSandbox.baseUrl, credentials: credentialsOf(shortSandbox) });
    await shortClient.call('listOrders', { page: 1, limit: 1 });
    await shortClient.call('listOrders', { page: 1, limit: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2_600));
    await shortClient.call('listOrders', { page: 1, limit: 1 });
    const log = shortSandbox.control.requests();
    expect(log.filter((r) => r.path === '/auth')).toHaveLength(2);
    expect(log.filter((r) => r.path !== '/auth').map((r) => r.status)).toEqual([200, 200, 200]);
  });
});
