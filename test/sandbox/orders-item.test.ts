import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClopOrder } from '../../src/upstreams/clopos/types.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { allOrders, api, tokenFor, VALID_ORDER, type Api } from './helpers.js';

let sandbox: RunningSandbox;
let client: Api;
let everything: ClopOrder[];

beforeAll(async () => {
  sandbox = await startSandbox();
  client = api(sandbox, await tokenFor(sandbox));
  everything = await allOrders(client);
});
afterAll(() => sandbox.close());

const NOT_FOUND = { success: false, error: 'not_found', message: 'Order not found' };

describe('GET /orders/{id}', () => {
  it('answers the same order object as the list, in an envelope', async () => {
    const listed = everything[20]!;
    const { status, body } = await client.get(`/orders/${listed.id}`);
    expect(status).toBe(200);
    expect(body.success).toBe(true);
    expect(body.data).toEqual(listed);
    expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(typeof body.unix).toBe('number');
  });

  it('embeds the receipt with the documented with[0]=receipt:id,service_notification_id,status', async () => {
    const withReceipt = (await allOrders(client, '&with[0]=receipt')).find((o) => o.receipt)!;
    const { body } = await client.get(`/orders/${withReceipt.id}?with[0]=receipt%3Aid%2Cservice_notification_id%2Cstatus`);
    expect(body.data.receipt).toEqual(withReceipt.receipt);
    expect(body.data.receipt.id).toBeGreaterThan(0);
  });

  it('embeds receipt: null when the order has none', async () => {
    const pending = everything.find((o) => o.status === 'PENDING')!;
    const { body } = await client.get(`/orders/${pending.id}?with[0]=receipt`);
    expect(body.data.receipt).toBeNull();
  });

  it('answers 404 not_found for an unknown or non-numeric id', async () => {
    for (const id of ['99999', 'abc', '0']) {
      const { status, body } = await client.get(`/orders/${id}`);
      expect(status, id).toBe(404);
      expect(body).toEqual(NOT_FOUND);
    }
  });

  it('answers 404 when the order belongs to another venue than x-venue', async () => {
    const order = everything.find((o) => o.venue_id === 2)!;
    expect((await client.get(`/orders/${order.id}`, { 'x-venue': '2' })).status).toBe(200);
    const { status, body } = await client.get(`/orders/${order.id}`, { 'x-venue': '1' });
    expect(status).toBe(404);
    expect(body).toEqual(NOT_FOUND);
  });

  it('rejects an unsupported with[0]', async () => {
    const { status, body } = await client.get(`/orders/${everything[0]!.id}?with[0]=products`);
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_parameter');
  });
});

describe('POST /orders', () => {
  it('creates a PENDING order and answers the documented shape', async () => {
    const { status, body } = await client.send('POST', '/orders', VALID_ORDER);
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: true, message: 'Order created', data: { status: 'PENDING' } });
    const payload = body.data.payload;
    expect(Object.keys(payload).sort()).toEqual(['created_at', 'id', 'updated_at', 'venue_id']);
    expect(payload.id).toBeGreaterThan(150);
    expect(payload.venue_id).toBe(1);
    expect(payload.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000000Z$/);
    expect(payload.updated_at).toBe(payload.created_at);
  });

  it('stores the order so it reads back in the documented stored shape, note and modifiers included', async () => {
    const created = (await client.send('POST', '/orders', VALID_ORDER)).body.data.payload;
    const { body } = await client.get(`/orders/${created.id}?with[0]=receipt`);
    const order: ClopOrder = body.data;
    expect(order).toMatchObject({
      id: created.id,
      venue_id: 1,
      type: 'CALL_CENTER_ORDER',
      integration: 'call_center_new',
      integration_uuid: null,
      integration_id: null,
      customer_ref_id: null,
      integration_status: 'CREATED',
      status: 'PENDING',
      integration_response: null,
      receipt: null,
      created_at: created.created_at,
    });
    const modifier = { modifier_id: 501, modifier_name: 'Extra Cheese', count: 1, price: 0.5, portion_size: 1 };
    expect(order.payload).toEqual({
      auto_order_accept: false,
      auto_order_sent_to_station: false,
      delivery_fee: 2.5,
      service: { sale_type_id: 2, venue_id: 1 },
      customer: VALID_ORDER.customer,
      products: [
        {
          product_id: 101,
          count: 2,
          product_modificators: [modifier],
          portion_size: 1,
          meta: {
            price: 8.5,
            order_product: {
              count: 2,
              status: 'new',
              product_modificators: [modifier],
              product_hash: 'abc123',
              product: { id: 101, name: 'Pizza', price: 8.5 },
              note: 'No onions',
            },
          },
        },
      ],
      meta: {
        comment: 'Leave at the door',
        discount: { discount_type: 1, discount_value: 10 },
        apply_service_charge: true,
        customer_discount_type: 1,
        service_charge_value: 5,
      },
      customer_id: 9,
      sale_type_id: 2,
    });
    const listed = await client.get('/orders?limit=1&status=PENDING');
    expect(listed.body.data[0].id).toBe(created.id);
  });

  it('applies the documented defaults to a minimal body, with a guest customer id 0', async () => {
    const minimal = {
      sale_type_id: 1,
      venue_id: 3,
      customer: { id: 0 },
      products: [{ product_id: 71, product_name: 'Plov', count: 1, price: 9, modifiers: [{ modifier_id: 9, modifier_name: 'Salad' }] }],
    };
    const created = (await client.send('POST', '/orders', minimal)).body.data.payload;
    const order: ClopOrder = (await client.get(`/orders/${created.id}`)).body.data;
    expect(order.payload).toMatchObject({
      auto_order_accept: false,
      auto_order_sent_to_station: false,
      customer_id: 0,
      meta: { comment: null, discount: { discount_type: 0, discount_value: 0 }, apply_service_charge: false, service_charge_value: 0 },
    });
    const line = order.payload!.products![0]!;
    expect(line.portion_size).toBe(1);
    expect(line.meta?.order_product?.status).toBe('new');
    expect(line.meta?.order_product?.product_hash).toMatch(/^[0-9a-f]+$/);
    expect(line.product_modificators).toEqual([{ modifier_id: 9, modifier_name: 'Salad', count: 1, price: 0, portion_size: 1 }]);
  });

  const product = VALID_ORDER.products[0]!;
  it.each<[string, unknown, string]>([
    ['no body', undefined, 'JSON object'],
    ['an array body', [], 'JSON object'],
    ['missing sale_type_id', { ...VALID_ORDER, sale_type_id: undefined }, 'sale_type_id'],
    ['a string sale_type_id', { ...VALID_ORDER, sale_type_id: '2' }, 'sale_type_id'],
    ['a fractional venue_id', { ...VALID_ORDER, venue_id: 1.5 }, 'venue_id'],
    ['an unknown venue', { ...VALID_ORDER, venue_id: 42 }, 'venue_id'],
    ['no customer', { ...VALID_ORDER, customer: undefined }, 'customer'],
    ['a customer without id', { ...VALID_ORDER, customer: { name: 'A' } }, 'customer.id'],
    ['a non-numeric customer id', { ...VALID_ORDER, customer: { id: 'nine' } }, 'customer.id'],
    ['no products', { ...VALID_ORDER, products: undefined }, 'products'],
    ['empty products', { ...VALID_ORDER, products: [] }, 'products'],
    ['a non-numeric product_id', { ...VALID_ORDER, products: [{ ...product, product_id: 'x' }] }, 'products[0].product_id'],
    ['an empty product_name', { ...VALID_ORDER, products: [{ ...product, product_name: ' ' }] }, 'products[0].product_name'],
    ['count 0', { ...VALID_ORDER, products: [{ ...product, count: 0 }] }, 'products[0].count'],
    ['a negative price', { ...VALID_ORDER, products: [product, { ...product, price: -1 }] }, 'products[1].price'],
    ['a modifier without modifier_id', { ...VALID_ORDER, products: [{ ...product, modifiers: [{ modifier_name: 'X' }] }] }, 'products[0].modifiers[0].modifier_id'],
    ['a modifier without modifier_name', { ...VALID_ORDER, products: [{ ...product, modifiers: [{ modifier_id: 1 }] }] }, 'products[0].modifiers[0].modifier_name'],
    ['a string auto_order_accept', { ...VALID_ORDER, auto_order_accept: 'yes' }, 'auto_order_accept'],
  ])('answers 400 validation_failed for %s', async (_title, body, mentions) => {
    const before = (await client.get('/orders?limit=1')).body.total;
    const { status, body: answer } = await client.send('POST', '/orders', body);
    expect(status).toBe(400);
    expect(answer).toMatchObject({ success: false, error: 'validation_failed' });
    expect(answer.message).toContain(mentions);
    expect((await client.get('/orders?limit=1')).body.total).toBe(before);
  });

  it('answers 400 validation_failed for a body that is not JSON', async () => {
    const { status, body } = await client.send('POST', '/orders', '{"sale_type_id":');
    expect(status).toBe(400);
    expect(body.error).toBe('validation_failed');
  });
});

describe('PUT /orders/{id}', () => {
  it('cancels with {"status":"IGNORE"} and answers the order without its payload', async () => {
    const pending = everything.find((o) => o.status === 'PENDING')!;
    const { status, body } = await client.send('PUT', `/orders/${pending.id}`, { status: 'IGNORE' });
    expect(status).toBe(200);
    expect(body.success).toBe(true);
    expect(Object.keys(body.data)).toEqual([
      'id', 'venue_id', 'type', 'integration', 'integration_uuid', 'integration_id', 'customer_ref_id',
      'integration_status', 'status', 'created_at', 'updated_at', 'integration_response',
    ]);
    expect(body.data).toMatchObject({ id: pending.id, status: 'IGNORE', created_at: pending.created_at });
    expect(body.data.updated_at >= pending.updated_at!).toBe(true);
    expect(Math.abs(Date.parse(body.data.updated_at) - Date.now())).toBeLessThan(5000);
    expect((await client.get(`/orders/${pending.id}`)).body.data.status).toBe('IGNORE');
  });

  it.each<[string, unknown]>([
    ['RECEIVED', { status: 'RECEIVED' }],
    ['lowercase ignore', { status: 'ignore' }],
    ['an extra field', { status: 'IGNORE', comment: 'x' }],
    ['an empty object', {}],
    ['no body', undefined],
  ])('answers 400 "Status is not allowed" for %s', async (_title, body) => {
    const order = everything.find((o) => o.status === 'RECEIVED')!;
    const { status, body: answer } = await client.send('PUT', `/orders/${order.id}`, body);
    expect(status).toBe(400);
    expect(answer).toEqual({ success: false, error: 'validation_failed', message: 'Status is not allowed' });
    expect((await client.get(`/orders/${order.id}`)).body.data.status).toBe('RECEIVED');
  });

  it('answers 404 for an unknown order', async () => {
    const { status, body } = await client.send('PUT', '/orders/99999', { status: 'IGNORE' });
    expect(status).toBe(404);
    expect(body).toEqual(NOT_FOUND);
  });

  it('answers 405 for methods the API does not have', async () => {
    expect((await client.send('DELETE', `/orders/${everything[0]!.id}`)).status).toBe(405);
    expect((await client.send('PATCH', '/orders', {})).status).toBe(405);
  });
});
