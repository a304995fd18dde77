// createOrder and cancelOrder through the gateway against the sandbox over HTTP: the GraphQL
// answer and the REST request Clopos received. Idempotency keys: idempotency.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OrderLineInput } from '../../generated/graphql.js';
import { deriveProductHash } from '../../src/graph/write/new-order.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import {
  CREATE_FULL,
  CREATE_ID_ONLY,
  ORDER_FIELDS,
  creates,
  simpleInput,
  until,
  type CreateResult,
  type UserErrorShape,
} from './write-support.js';

const TIMEOUT_MS = 600;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ client: { timeoutMs: TIMEOUT_MS } });
});
afterAll(() => gw.close());
beforeEach(() => gw.sandbox.control.reset());

const create = (input: Record<string, unknown>, query = CREATE_ID_ONLY) => gw.gql<CreateResult>(query, { input });

/** The new orders in the sandbox since `before` (its ids), newest first. */
const newOrders = (before: Set<number>) => gw.sandbox.control.orders().filter((o) => !before.has(o.id));
/** A derived product_hash: the line's content hash, then the marker of the attempt that sent it. */
const marked = (line: OrderLineInput) => expect.stringMatching(new RegExp(`^${deriveProductHash(line)}-[0-9a-f]{16}$`));
const orderIds = () => new Set(gw.sandbox.control.orders().map((o) => o.id));

describe('createOrder sends the documented POST /orders body', () => {
  const plainLine: OrderLineInput = { productId: '93', name: 'Ayran', quantity: 3, unitPrice: 1.5 };
  const everyField = {
    venueId: '1',
    saleTypeId: '2',
    customer: { id: '9', name: 'Orkhan Babayev', phone: '+994519983405', address: '3 Khagani St, Baku', discountType: 1 },
    lines: [
      {
        productId: '51',
        name: 'Pizza Margherita',
        quantity: 2,
        unitPrice: 8.5,
        status: 'hold',
        productHash: 'abc123',
        portionSize: 1.5,
        note: 'No onions',
        modifiers: [
          { modifierId: '501', name: 'Extra Cheese', quantity: 2, unitPrice: 0.5, portionSize: 1 },
          { modifierId: '502', name: 'Mushrooms', quantity: 1 },
        ],
      },
      plainLine,
    ],
    deliveryFee: 2.5,
    comment: 'Leave at the door',
    discount: { type: 1, value: 10 },
    serviceCharge: { enabled: true, value: 5 },
    autoAccept: true,
    autoAcceptTerminalId: '4',
    sendToStationOnAccept: true,
  };

  it('maps every field, ids as numbers, omitted optionals absent, status "new" and a derived hash by default', async () => {
    const result = await create(everyField);
    expect(result.errors).toBeUndefined();
    expect(result.data?.createOrder.userErrors).toEqual([]);

    const [post, ...more] = creates(gw);
    expect(more).toHaveLength(0);
    expect(post!.body).toStrictEqual({
      sale_type_id: 2,
      venue_id: 1,
      customer: { id: 9, phone: '+994519983405', address: '3 Khagani St, Baku', customer_discount_type: 1, name: 'Orkhan Babayev' },
      products: [
        {
          product_id: 51,
          product_name: 'Pizza Margherita',
          count: 2,
          price: 8.5,
          status: 'hold',
          product_hash: 'abc123',
          portion_size: 1.5,
          note: 'No onions',
          modifiers: [
            { modifier_id: 501, modifier_name: 'Extra Cheese', count: 2, price: 0.5, portion_size: 1 },
            // The modifier's price the client left out, from the menu.
            { modifier_id: 502, modifier_name: 'Mushrooms', count: 1, price: 0.8 },
          ],
        },
        { product_id: 93, product_name: 'Ayran', count: 3, price: 1.5, status: 'new', product_hash: marked(plainLine) },
      ],
      delivery_fee: 2.5,
      comment: 'Leave at the door',
      discount: { discount_type: 1, discount_value: 10 },
      service_charge: { enabled: true, value: 5 },
      auto_order_accept: true,
      auto_accept_terminal: 4,
      auto_order_sent_to_station: true,
    });
    expect(deriveProductHash(plainLine)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('sends customer.id 0 for a guest and leaves out every optional field that was not given', async () => {
    const result = await create({ venueId: '2', saleTypeId: '3', customer: {}, lines: [plainLine] });
    expect(result.data?.createOrder.userErrors).toEqual([]);
    expect(creates(gw)[0]!.body).toStrictEqual({
      sale_type_id: 3,
      venue_id: 2,
      customer: { id: 0 },
      products: [{ product_id: 93, product_name: 'Ayran', count: 3, price: 1.5, status: 'new', product_hash: marked(plainLine) }],
    });
  });

  it('answers with the whole new order, the same one Query.order reads', async () => {
    const before = orderIds();
    const result = await create(everyField, CREATE_FULL);
    expect(result.errors).toBeUndefined();
    const order = result.data!.createOrder.order!;
    const [stored, ...others] = newOrders(before);
    expect(others).toHaveLength(0);
    expect(order).toEqual({
      id: String(stored!.id),
      venueId: '1',
      status: 'PENDING',
      saleTypeId: '2',
      type: 'CALL_CENTER_ORDER',
      integration: 'call_center_new',
      comment: 'Leave at the door',
      deliveryFee: 2.5,
      customer: { id: '9', name: 'Orkhan Babayev', phone: '+994519983405', address: '3 Khagani St, Baku', discountType: 1 },
      lines: [
        {
          productId: '51',
          name: 'Pizza Margherita',
          quantity: 2,
          unitPrice: 8.5,
          portionSize: 1.5,
          status: 'hold',
          productHash: 'abc123',
          note: 'No onions',
          modifiers: [
            { modifierId: '501', name: 'Extra Cheese', quantity: 2, unitPrice: 0.5, portionSize: 1 },
            { modifierId: '502', name: 'Mushrooms', quantity: 1, unitPrice: 0.8, portionSize: 1 },
          ],
        },
        {
          productId: '93',
          name: 'Ayran',
          quantity: 3,
          unitPrice: 1.5,
          portionSize: 1,
          status: 'new',
          productHash: marked(plainLine),
          note: null,
          modifiers: [],
        },
      ],
      discount: { type: 1, value: 10 },
      serviceCharge: { enabled: true, value: 5 },
      autoAccept: true,
      sendToStationOnAccept: true,
      createdAt: new Date(stored!.created_at!).toISOString(),
      updatedAt: new Date(stored!.updated_at!).toISOString(),
    });
    // Loaded from the venue the order was placed in.
    const [get, ...moreGets] = gw.upstreamCalls('GET', `/orders/${stored!.id}`);
    expect(moreGets).toHaveLength(0);
    expect(get!.headers['x-venue']).toBe('1');

    const read = await gw.gql<{ order: unknown }>(`query($id: ID!) { order(id: $id) { ...OrderFields } } ${ORDER_FIELDS}`, {
      id: order.id,
    });
    expect(read.errors).toBeUndefined();
    expect(read.data?.order).toEqual(order);
  });
});

describe('createOrder validates before anything reaches Clopos', () => {
  const line = { productId: '71', name: 'Plov', quantity: 1, unitPrice: 9 };
  const withLine = (extra: Record<string, unknown>) => simpleInput({ lines: [{ ...line, ...extra }] });
  const modifier = { modifierId: '501', name: 'Extra Cheese', quantity: 1 };
  const withModifier = (extra: Record<string, unknown>) => withLine({ modifiers: [{ ...modifier, ...extra }] });

  const cases: Array<[string, Record<string, unknown>, string[], string]> = [
    ['an order without lines', simpleInput({ lines: [] }), ['input', 'lines'], 'REQUIRED'],
    ['more than 200 lines', simpleInput({ lines: Array.from({ length: 201 }, () => line) }), ['input', 'lines'], 'TOO_MANY'],
    ['a quantity of 0', withLine({ quantity: 0 }), ['input', 'lines', '0', 'quantity'], 'MUST_BE_POSITIVE'],
    ['a negative quantity', withLine({ quantity: -1 }), ['input', 'lines', '0', 'quantity'], 'MUST_BE_POSITIVE'],
    ['a negative unit price', withLine({ unitPrice: -0.01 }), ['input', 'lines', '0', 'unitPrice'], 'MUST_NOT_BE_NEGATIVE'],
    ['a portion size of 0', withLine({ portionSize: 0 }), ['input', 'lines', '0', 'portionSize'], 'MUST_BE_POSITIVE'],
    ['a blank line name', withLine({ name: '   ' }), ['input', 'lines', '0', 'name'], 'BLANK'],
    ['a blank line status', withLine({ status: '' }), ['input', 'lines', '0', 'status'], 'BLANK'],
    ['a blank product hash', withLine({ productHash: ' ' }), ['input', 'lines', '0', 'productHash'], 'BLANK'],
    ['a line note over 500 characters', withLine({ note: 'x'.repeat(501) }), ['input', 'lines', '0', 'note'], 'TOO_LONG'],
    ['a product id that is not a number', withLine({ productId: 'pizza' }), ['input', 'lines', '0', 'productId'], 'INVALID_ID'],
    ['a product id of 0', withLine({ productId: '0' }), ['input', 'lines', '0', 'productId'], 'INVALID_ID'],
    ['more than 50 modifiers', withLine({ modifiers: Array.from({ length: 51 }, () => modifier) }), ['input', 'lines', '0', 'modifiers'], 'TOO_MANY'],
    ['a modifier quantity of 0', withModifier({ quantity: 0 }), ['input', 'lines', '0', 'modifiers', '0', 'quantity'], 'MUST_BE_POSITIVE'],
    ['a negative modifier price', withModifier({ unitPrice: -1 }), ['input', 'lines', '0', 'modifiers', '0', 'unitPrice'], 'MUST_NOT_BE_NEGATIVE'],
    ['a modifier portion of 0', withModifier({ portionSize: 0 }), ['input', 'lines', '0', 'modifiers', '0', 'portionSize'], 'MUST_BE_POSITIVE'],
    ['a blank modifier name', withModifier({ name: '' }), ['input', 'lines', '0', 'modifiers', '0', 'name'], 'BLANK'],
    ['a modifier id that is not a number', withModifier({ modifierId: 'x1' }), ['input', 'lines', '0', 'modifiers', '0', 'modifierId'], 'INVALID_ID'],
    ['a negative delivery fee', simpleInput({ deliveryFee: -2.5 }), ['input', 'deliveryFee'], 'MUST_NOT_BE_NEGATIVE'],
    ['a negative discount', simpleInput({ discount: { type: 1, value: -10 } }), ['input', 'discount', 'value'], 'MUST_NOT_BE_NEGATIVE'],
    ['a negative discount type', simpleInput({ discount: { type: -1, value: 10 } }), ['input', 'discount', 'type'], 'MUST_NOT_BE_NEGATIVE'],
    ['a negative service charge', simpleInput({ serviceCharge: { enabled: true, value: -5 } }), ['input', 'serviceCharge', 'value'], 'MUST_NOT_BE_NEGATIVE'],
    ['a comment over 1000 characters', simpleInput({ comment: 'x'.repeat(1001) }), ['input', 'comment'], 'TOO_LONG'],
    ['a customer name over 255 characters', simpleInput({ customer: { name: 'x'.repeat(256) } }), ['input', 'customer', 'name'], 'TOO_LONG'],
    ['a phone over 32 characters', simpleInput({ customer: { phone: '9'.repeat(33) } }), ['input', 'customer', 'phone'], 'TOO_LONG'],
    ['an address over 500 characters', simpleInput({ customer: { address: 'x'.repeat(501) } }), ['input', 'customer', 'address'], 'TOO_LONG'],
    ['a negative customer discount type', simpleInput({ customer: { discountType: -1 } }), ['input', 'customer', 'discountType'], 'MUST_NOT_BE_NEGATIVE'],
    ['a customer id that is not a number', simpleInput({ customer: { id: 'guest' } }), ['input', 'customer', 'id'], 'INVALID_ID'],
    ['a venue id that is not a number', simpleInput({ venueId: 'main' }), ['input', 'venueId'], 'INVALID_ID'],
    ['a sale type id of 0', simpleInput({ saleTypeId: '0' }), ['input', 'saleTypeId'], 'INVALID_ID'],
    ['a terminal id that is not a number', simpleInput({ autoAcceptTerminalId: 't-1' }), ['input', 'autoAcceptTerminalId'], 'INVALID_ID'],
    ['a blank idempotency key', simpleInput({ idempotencyKey: ' ' }), ['input', 'idempotencyKey'], 'BLANK'],
    ['an idempotency key over 255 characters', simpleInput({ idempotencyKey: 'k'.repeat(256) }), ['input', 'idempotencyKey'], 'TOO_LONG'],
  ];

  it.each(cases)('refuses %s with a userError at its field path, sending nothing', async (_name, input, field, code) => {
    const result = await create(input);
    expect(result.errors).toBeUndefined();
    expect(result.data?.createOrder.order).toBeNull();
    expect(result.data?.createOrder.userErrors).toEqual([{ field, code, message: expect.any(String) }]);
    expect(creates(gw)).toHaveLength(0);
  });

  it('refuses amounts too large to be finite (a 1e400 literal is Infinity) with the field path', async () => {
    const result = await gw.gql<CreateResult>(`mutation {
      createOrder(input: {
        venueId: "1", saleTypeId: "2", customer: {}, deliveryFee: 1e400,
        lines: [{ productId: "71", name: "Plov", quantity: 1e400, unitPrice: 9 }]
      }) { order { id } userErrors { field code } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.createOrder.userErrors).toEqual([
      { field: ['input', 'deliveryFee'], code: 'MUST_NOT_BE_NEGATIVE' },
      { field: ['input', 'lines', '0', 'quantity'], code: 'MUST_BE_POSITIVE' },
    ]);
    expect(creates(gw)).toHaveLength(0);
  });

  it('reports every problem at once, not just the first', async () => {
    const result = await create(
      simpleInput({ deliveryFee: -1, lines: [line, { ...line, name: '', quantity: 0 }] }),
    );
    const fields = result.data?.createOrder.userErrors.map((e) => e.field.join('.'));
    expect(fields).toEqual(['input.deliveryFee', 'input.lines.1.name', 'input.lines.1.quantity']);
    expect(creates(gw)).toHaveLength(0);
  });
});

describe('createOrder when Clopos fails', () => {
  const outcomeUnknown = (errors: UserErrorShape[] | undefined) =>
    expect(errors).toEqual([{ field: ['input'], code: 'UPSTREAM_OUTCOME_UNKNOWN', message: expect.stringContaining('idempotencyKey') }]);

  it("turns a Clopos 400 into UPSTREAM_REJECTED, keeping Clopos's message", async () => {
    gw.sandbox.control.injectFault({ method: 'POST', path: '/orders', status: 400, body: { success: false, error: 'validation_failed', message: 'venue_id 99 does not exist' } });
    const result = await create(simpleInput());
    expect(result.errors).toBeUndefined();
    expect(result.data?.createOrder).toEqual({
      order: null,
      userErrors: [{ field: ['input'], code: 'UPSTREAM_REJECTED', message: expect.stringContaining('venue_id 99 does not exist') }],
    });
    expect(creates(gw)).toHaveLength(1);
  });

  it('refuses a venue the POS has no menu for at input.venueId, sending no order', async () => {
    const result = await create(simpleInput({ venueId: '99' }));
    expect(result.data?.createOrder).toEqual({
      order: null,
      userErrors: [{ field: ['input', 'venueId'], code: 'UPSTREAM_REJECTED', message: 'The POS has no menu for venue 99.' }],
    });
    expect(creates(gw)).toHaveLength(0);
  });

  it.each([
    ['a token', 'customer invalid for eyJhbGciOiJIUzI1NiJ9.eyJicmFuZCI6ImRlbW8ifQ'],
    ['a URL', 'see https://internal.clopos.example/debug?id=1'],
    ['a secret', 'client_secret mismatch: sk_live_123'],
  ])("does not echo a Clopos 400 message carrying %s", async (_name, message) => {
    gw.sandbox.control.injectFault({ method: 'POST', path: '/orders', status: 400, body: { success: false, error: 'validation_failed', message } });
    const result = await create(simpleInput());
    expect(result.data?.createOrder.userErrors).toEqual([{ field: ['input'], code: 'UPSTREAM_REJECTED', message: expect.any(String) }]);
    const text = JSON.stringify(result);
    expect(text).not.toContain('eyJ');
    expect(text).not.toContain('https://');
    expect(text).not.toContain('sk_live');
  });

  it('turns a Clopos 500 into UPSTREAM_OUTCOME_UNKNOWN and never resends the create', async () => {
    const before = orderIds();
    gw.sandbox.control.injectFault({ method: 'POST', path: '/orders', status: 500 });
    const result = await create(simpleInput());
    expect(result.errors).toBeUndefined();
    expect(result.data?.createOrder.order).toBeNull();
    outcomeUnknown(result.data?.createOrder.userErrors);
    expect(creates(gw)).toHaveLength(1);
    expect(newOrders(before)).toHaveLength(0);
  });

  it('turns a timeout into UPSTREAM_OUTCOME_UNKNOWN after one POST, within the client deadline', async () => {
    const before = orderIds();
    gw.sandbox.control.injectFault({ method: 'POST', path: '/orders', latencyMs: TIMEOUT_MS + 400, times: 1 });
    const started = Date.now();
    const result = await create(simpleInput());
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 300);
    outcomeUnknown(result.data?.createOrder.userErrors);
    expect(creates(gw)).toHaveLength(1);
    // The slow Clopos still stores the order: that is why the outcome is "unknown", not "failed".
    await until(() => newOrders(before).length === 1, 2000, 'the late order');
    expect(creates(gw)).toHaveLength(1);
  });

  it('turns a connection reset mid-answer into UPSTREAM_OUTCOME_UNKNOWN after one POST', async () => {
    gw.sandbox.control.injectFault({ method: 'POST', path: '/orders', resetConnection: true });
    const result = await create(simpleInput());
    expect(result.errors).toBeUndefined();
    outcomeUnknown(result.data?.createOrder.userErrors);
    expect(creates(gw)).toHaveLength(1);
  });

  it('renews the token after one 401 and resends once: the order is created once', async () => {
    await gw.gql('{ orders(first: 1) { totalCount } }'); // holds a token now
    gw.sandbox.control.clearRequests();
    const before = orderIds();
    gw.sandbox.control.injectFault({ method: 'POST', path: '/orders', status: 401, times: 1 });
    const result = await create(simpleInput());
    expect(result.data?.createOrder.userErrors).toEqual([]);
    const [created, ...others] = newOrders(before);
    expect(others).toHaveLength(0);
    expect(result.data?.createOrder.order).toEqual({ id: String(created!.id) });
    expect(gw.upstreamCalls('POST', '/auth')).toHaveLength(1);
    const [refused, resent, ...more] = creates(gw);
    expect(more).toHaveLength(0);
    expect(refused!.status).toBe(401);
    expect(resent!.status).toBe(200);
    expect(resent!.body).toEqual(refused!.body);
    expect(resent!.headers['x-token']).not.toBe(refused!.headers['x-token']);
  });
});

describe('the order of a createOrder payload is read lazily', () => {
  it('is not fetched when only its id is selected', async () => {
    const result = await gw.gql<CreateResult>(
      `mutation($input: CreateOrderInput!) { createOrder(input: $input) { order { __typename id } userErrors { code } } }`,
      { input: simpleInput() },
    );
    expect(result.data?.createOrder.order?.id).toMatch(/^\d+$/);
    expect(creates(gw)).toHaveLength(1);
    expect(gw.upstreamCalls('GET').filter((c) => c.path.startsWith('/orders'))).toHaveLength(0);
  });

  it('is fetched exactly once when fields beyond its id are selected', async () => {
    const result = await gw.gql<CreateResult>(
      `mutation($input: CreateOrderInput!) { createOrder(input: $input) { order { id status lines { name } } userErrors { code } } }`,
      { input: simpleInput() },
    );
    const order = result.data!.createOrder.order!;
    expect(order).toEqual({ id: expect.any(String), status: 'PENDING', lines: [{ name: 'Plov' }] });
    expect(gw.upstreamCalls('GET').filter((c) => c.path.startsWith('/orders'))).toHaveLength(1);
    expect(gw.upstreamCalls('GET', `/orders/${order.id}`)).toHaveLength(1);
  });
});

describe('cancelOrder', () => {
  const CANCEL = /* GraphQL */ `
    mutation($id: ID!, $venueId: ID) {
      cancelOrder(id: $id, venueId: $venueId) { order { id status lines { name quantity } } userErrors { field message code } }
    }
  `;
  interface CancelResult {
    cancelOrder: { order: { id: string; status: string; lines: unknown[] } | null; userErrors: UserErrorShape[] };
  }
  const cancel = (id: string, venueId?: string) => gw.gql<CancelResult>(CANCEL, { id, venueId });
  const pending = (venue_id = 1) => gw.sandbox.control.addOrder({ status: 'PENDING', venue_id });

  it('sends PUT /orders/{id} with exactly {"status":"IGNORE"} and answers the whole cancelled order', async () => {
    const order = pending();
    const result = await cancel(String(order.id));
    expect(result.errors).toBeUndefined();
    const lines = order.payload!.products!.map((p) => ({ name: p.meta!.order_product!.product!.name, quantity: p.count }));
    expect(lines.length).toBeGreaterThan(0);
    expect(result.data?.cancelOrder).toEqual({ order: { id: String(order.id), status: 'CANCELLED', lines }, userErrors: [] });
    const [put, ...more] = gw.upstreamCalls('PUT', `/orders/${order.id}`);
    expect(more).toHaveLength(0);
    expect(put!.body).toStrictEqual({ status: 'IGNORE' });
    expect(put!.headers['x-venue']).toBeUndefined();
    expect(gw.sandbox.control.orders().find((o) => o.id === order.id)?.status).toBe('IGNORE');
  });

  it('does not read the order back when only its id is selected', async () => {
    const order = pending();
    const result = await gw.gql<CancelResult>(`mutation { cancelOrder(id: "${order.id}") { order { id } userErrors { code } } }`);
    expect(result.data?.cancelOrder).toEqual({ order: { id: String(order.id) }, userErrors: [] });
    expect(gw.upstreamCalls('PUT', `/orders/${order.id}`)).toHaveLength(1);
    expect(gw.upstreamCalls('GET', `/orders/${order.id}`)).toHaveLength(0);
  });

  it('answers NOT_FOUND as a userError for an unknown order', async () => {
    const result = await cancel('987654321');
    expect(result.errors).toBeUndefined();
    expect(result.data?.cancelOrder).toEqual({ order: null, userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: expect.any(String) }] });
    expect(gw.upstreamCalls('PUT', '/orders/987654321')).toHaveLength(1);
  });

  it('returns an order that is already cancelled without error', async () => {
    const order = gw.sandbox.control.addOrder({ status: 'IGNORE', venue_id: 1 });
    const result = await cancel(String(order.id));
    expect(result.data?.cancelOrder).toMatchObject({ order: { id: String(order.id), status: 'CANCELLED' }, userErrors: [] });
  });

  it('returns an already cancelled order without error even when Clopos refuses to cancel it twice', async () => {
    const order = gw.sandbox.control.addOrder({ status: 'IGNORE', venue_id: 1 });
    gw.sandbox.control.injectFault({ method: 'PUT', path: '/orders', status: 400, body: { success: false, error: 'validation_failed', message: 'Status is not allowed' } });
    const result = await cancel(String(order.id));
    expect(result.errors).toBeUndefined();
    expect(result.data?.cancelOrder).toMatchObject({ order: { id: String(order.id), status: 'CANCELLED' }, userErrors: [] });
  });

  it('answers UPSTREAM_REJECTED when Clopos refuses to cancel an order that is not cancelled', async () => {
    const order = gw.sandbox.control.addOrder({ status: 'RECEIVED', venue_id: 1 });
    gw.sandbox.control.injectFault({ method: 'PUT', path: '/orders', status: 400, body: { success: false, error: 'validation_failed', message: 'Status is not allowed' } });
    const result = await cancel(String(order.id));
    expect(result.data?.cancelOrder).toEqual({
      order: null,
      userErrors: [{ field: ['id'], code: 'UPSTREAM_REJECTED', message: expect.stringContaining('RECEIVED') }],
    });
  });

  it('sends venueId as the x-venue header, on the PUT and on the read-back', async () => {
    const order = pending(2);
    const result = await cancel(String(order.id), '2');
    expect(result.data?.cancelOrder.order?.status).toBe('CANCELLED');
    expect(gw.upstreamCalls('PUT', `/orders/${order.id}`)[0]!.headers['x-venue']).toBe('2');
    expect(gw.upstreamCalls('GET', `/orders/${order.id}`)[0]!.headers['x-venue']).toBe('2');
  });

  it("answers NOT_FOUND for an order of another venue than venueId's", async () => {
    const order = pending(2);
    const result = await cancel(String(order.id), '1');
    expect(result.data?.cancelOrder.userErrors).toEqual([{ field: ['id'], code: 'NOT_FOUND', message: expect.any(String) }]);
    expect(gw.sandbox.control.orders().find((o) => o.id === order.id)?.status).toBe('PENDING');
  });

  it.each([['abc'], ['-1'], ['0'], ['1.5']])('refuses the id %j with BAD_USER_INPUT, sending nothing', async (id) => {
    const result = await cancel(id);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]).toMatchObject({ path: ['cancelOrder'], extensions: { code: 'BAD_USER_INPUT' } });
    expect(gw.upstreamCalls('PUT')).toHaveLength(0);
  });
});
