// createOrder and cancelOrder over Clover through createApp against the Clover sandbox: the
// custom-order flow (hidden order, bulk line items, modifications, then total + open), what Clover
// stored, the calls it took, and a failure at every step leaving no visible order and no
// duplicate when the client repeats with its idempotency key.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CloverFault } from '../../../src/clover-sandbox/contract.js';
import { startCloverTestGateway, type CloverTestGateway } from '../../support/clover-gateway.js';
import { CREATE_FULL, type CreateResult } from '../write-support.js';

let gw: CloverTestGateway;
beforeAll(async () => {
  gw = await startCloverTestGateway();
});
afterAll(() => gw.close());
beforeEach(() => gw.sandbox.control.reset());

const ids = () => new Set(gw.sandbox.control.orders().map((o) => o.id));
/** Orders created since `before` that a device or a list would show (not hidden, not deleted). */
const visibleSince = (before: Set<string>) => gw.sandbox.control.orders().filter((o) => !before.has(o.id) && o.state !== null && o.deletedTime === undefined);
const storedSince = (before: Set<string>) => gw.sandbox.control.orders().filter((o) => !before.has(o.id));

function input(overrides: Record<string, unknown> = {}) {
  return {
    venueId: gw.sandbox.merchantId,
    saleTypeId: 'TAKEOUT',
    customer: { name: 'Maya Chen', phone: '+15550123' },
    comment: 'Ring twice',
    lines: [
      { productId: 'P51', name: 'Pizza', quantity: 2, unitPrice: 8.5, note: 'Well done', modifiers: [{ modifierId: 'M501', name: 'Extra cheese', quantity: 2, unitPrice: 0.75 }] },
      { productId: 'P52', name: 'Lemonade', quantity: 1, unitPrice: 3.25 },
    ],
    ...overrides,
  };
}

const create = (variables: Record<string, unknown>) => gw.gql<CreateResult>(CREATE_FULL, { input: variables });

describe('createOrder over Clover', () => {
  it('builds the order hidden, adds lines and modifications, then opens it with its total; reads back as sent', async () => {
    const before = ids();
    gw.sandbox.control.clearRequests();
    const { data, errors } = await create(input());
    expect(errors).toBeUndefined();
    expect(data!.createOrder.userErrors).toEqual([]);
    const order = data!.createOrder.order!;
    expect(order).toMatchObject({ venueId: gw.sandbox.merchantId, status: 'RECEIVED', comment: 'Ring twice', saleTypeId: 'TAKEOUT', customer: { name: 'Maya Chen', phone: '+15550123' } });
    expect((order.lines as Array<Record<string, unknown>>).map((l) => [l.productId, l.name, l.quantity, l.unitPrice, l.note])).toEqual([
      ['P51', 'Pizza', 2, 8.5, 'Well done'],
      ['P52', 'Lemonade', 1, 3.25, null],
    ]);
    expect((order.lines as Array<{ modifiers: unknown[] }>)[0]!.modifiers).toEqual([{ modifierId: 'M501', name: 'Extra cheese', quantity: 2, unitPrice: 0.75, portionSize: 1 }]);
    const [stored] = storedSince(before);
    // 2 × (850 + 2 × 75) + 325 cents, in the merchant's currency; one line item per unit.
    expect(stored).toMatchObject({ state: 'open', total: 2325, currency: 'USD', note: 'Ring twice', orderType: { id: 'TAKEOUT' } });
    expect(stored!.lineItems.map((l) => [l.name, l.price, l.modifications.length])).toEqual([
      ['Pizza', 850, 2],
      ['Pizza', 850, 2],
      ['Lemonade', 325, 0],
    ]);
    const counts = gw.sandbox.control.requestCounts();
    // One create, one bulk call (3 units), one call per modification (2 × 2), one final update.
    expect(counts).toMatchObject({ 'POST /orders': 1, 'POST /orders/{orderId}/bulk_line_items': 1, 'POST /orders/{orderId}/line_items/{lineItemId}/modifications': 4, 'POST /orders/{orderId}': 1 });
    console.log(`Clover calls for this createOrder (3 units, 4 modifications), payload read included: ${JSON.stringify(counts)}`);
  });

  it('sends more than 100 units in bulk calls of at most 100', async () => {
    const before = ids();
    gw.sandbox.control.clearRequests();
    const { data } = await create(input({ lines: [{ productId: 'P9', name: 'Dumpling', quantity: 230, unitPrice: 0.5 }] }));
    expect(data!.createOrder.userErrors).toEqual([]);
    const bulk = gw.sandbox.control.requests().filter((r) => r.route === 'POST /orders/{orderId}/bulk_line_items');
    expect(bulk.map((r) => (r.body as { items: unknown[] }).items.length)).toEqual([100, 100, 30]);
    expect(visibleSince(before)[0]!.total).toBe(11500);
  });

  it('refuses what Clover cannot hold with a userError, before any call', async () => {
    gw.sandbox.control.clearRequests();
    for (const [extra, pattern] of [
      [{ discount: { type: 1, value: 10 } }, /discount/],
      [{ lines: [{ productId: 'P1', name: 'Soup', quantity: 1, unitPrice: 2.555 }] }, /decimals/],
      [{ venueId: 'ABCDEFGHJKMNP' }, /merchant id/],
      [{ lines: [{ productId: 'P1', name: 'Wings', quantity: 60, unitPrice: 1, modifiers: [{ modifierId: 'M1', name: 'Dip', quantity: 2 }] }] }, /120 modifier calls/],
    ] as const) {
      const { data } = await create(input(extra));
      expect(data!.createOrder.order).toBeNull();
      expect(data!.createOrder.userErrors[0]).toMatchObject({ code: 'UPSTREAM_REJECTED', message: expect.stringMatching(pattern) });
      expect(data!.createOrder.userErrors[0]!.message).toMatch(/^Clover rejected the order/);
    }
    expect(gw.sandbox.control.requests().filter((r) => r.method === 'POST')).toEqual([]);
  });
});

describe('a failure at every step of createOrder leaves no visible order, and the keyed repeat makes exactly one', () => {
  const BIG = { lines: [{ productId: 'P9', name: 'Dumpling', quantity: 150, unitPrice: 0.5 }] };
  const steps: Array<[string, CloverFault, Record<string, unknown>]> = [
    ['creating the hidden order', { route: 'POST /orders', status: 500 }, {}],
    ['creating the hidden order (stored, answer lost)', { route: 'POST /orders', status: 500, afterStore: true }, {}],
    ['the first bulk call (after the order)', { route: 'POST /orders/{orderId}/bulk_line_items', status: 503 }, {}],
    ['the second bulk call (after some lines)', { route: 'POST /orders/{orderId}/bulk_line_items', status: 500, skip: 1 }, BIG],
    ['a modification (after some modifications)', { route: 'POST /orders/{orderId}/line_items/{lineItemId}/modifications', status: 500, skip: 2 }, {}],
    ['the final update (total + open)', { route: 'POST /orders/{orderId}', status: 500 }, {}],
    ['the final update, connection reset', { route: 'POST /orders/{orderId}', resetConnection: true }, {}],
  ];

  for (const [step, fault, overrides] of steps) {
    it(step, async () => {
      const before = ids();
      gw.sandbox.control.injectFault({ times: 1, ...fault });
      const key = `clover-${step}`;
      const first = await create(input({ idempotencyKey: key, ...overrides }));
      expect(first.data?.createOrder?.order ?? null).toBeNull();
      // Nothing was placed: a plain failure (or a rejection), safe to repeat, in Clover's words.
      for (const error of first.errors ?? []) expect(error.message).toMatch(/^Clover /);
      expect(visibleSince(before)).toEqual([]);
      gw.sandbox.control.clearFaults();
      const again = await create(input({ idempotencyKey: key, ...overrides }));
      expect(again.errors).toBeUndefined();
      expect(again.data!.createOrder.userErrors).toEqual([]);
      const visible = visibleSince(before);
      expect(visible.map((o) => o.id)).toEqual([again.data!.createOrder.order!.id]);
      expect(visible[0]!.state).toBe('open');
      // Every half-built order was deleted or stays hidden.
      expect(storedSince(before).filter((o) => o.id !== visible[0]!.id).every((o) => o.deletedTime !== undefined || o.state === null)).toBe(true);
    });
  }

  it('the final update stored but its answer lost: the order is read back open and adopted, not duplicated', async () => {
    const before = ids();
    gw.sandbox.control.injectFault({ route: 'POST /orders/{orderId}', status: 502, afterStore: true, times: 1 });
    const first = await create(input({ idempotencyKey: 'clover-lost-final' }));
    expect(first.data!.createOrder.userErrors).toEqual([]);
    const again = await create(input({ idempotencyKey: 'clover-lost-final' }));
    expect(again.data!.createOrder.order!.id).toBe(first.data!.createOrder.order!.id);
    expect(visibleSince(before).map((o) => o.id)).toEqual([first.data!.createOrder.order!.id]);
  });
});

describe('cancelOrder over Clover', () => {
  const CANCEL = /* GraphQL */ `mutation($id: ID!) { cancelOrder(id: $id) { order { id status } userErrors { code message } } }`;

  it('sets the order’s state to "cancelled" (Clover has no cancel; the order stays readable) and it reads CANCELLED', async () => {
    const { data } = await create(input());
    const id = data!.createOrder.order!.id;
    const cancelled = await gw.wire<{ cancelOrder: { order: { id: string; status: string } } }>(CANCEL, { id });
    expect(cancelled.data!.cancelOrder.order).toEqual({ id, status: 'CANCELLED' });
    expect(gw.sandbox.control.order(id)).toMatchObject({ state: 'cancelled' });
    const listed = await gw.gql<{ orders: { nodes: Array<{ id: string }> } }>(`{ orders(first: 100, filter: { status: CANCELLED }) { nodes { id } } }`);
    expect(listed.data!.orders.nodes.map((n) => n.id)).toContain(id);
  });
});
