// Money and totals as a client reads them, from an order stored in the sandbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClopOrder } from '../../src/upstreams/clopos/types.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ gateway: { currency: 'AZN' } });
});
afterAll(() => gw.close());
beforeEach(() => gw.sandbox.control.reset());

/** 2 × (8.50 + 2 × 0.50) = 19.00; 10 % off = 1.90; 5 % service on 17.10 = 0.855 → 0.86; + 2.50 delivery = 20.46. */
const order: Partial<ClopOrder> = {
  venue_id: 2,
  payload: {
    delivery_fee: 2.5,
    service: { sale_type_id: 3, venue_id: 2 },
    products: [
      {
        product_id: 51,
        count: 2,
        product_modificators: [{ modifier_id: 501, modifier_name: 'Extra Cheese', count: 2, price: 0.5 }],
        meta: { price: 8.5, order_product: { product: { id: 51, name: 'Pizza', price: 8.5 } } },
      },
    ],
    meta: { discount: { discount_type: 1, discount_value: 10 }, apply_service_charge: true, service_charge_value: 5 },
  },
};

const MONEY = 'amount currencyCode';
const QUERY = `query($id: ID!) { order(id: $id) {
  total { ${MONEY} } deliveryCharge { ${MONEY} } deliveryFee
  lines { unitPrice price { ${MONEY} } total { ${MONEY} } modifiers { unitPrice price { ${MONEY} } } }
  discount { type value rate amount { ${MONEY} } }
  serviceCharge { enabled value rate amount { ${MONEY} } }
} }`;

const azn = (amount: string) => ({ amount, currencyCode: 'AZN' });

describe('Money in the graph', () => {
  it('answers amounts as exact decimal strings in CLOPOS_CURRENCY, with line and order totals', async () => {
    const added = gw.sandbox.control.addOrder(order);
    const result = await gw.gql(QUERY, { id: String(added.id) });
    expect(result.errors).toBeUndefined();
    expect(result.data?.order).toEqual({
      total: azn('20.46'),
      deliveryCharge: azn('2.50'),
      deliveryFee: 2.5,
      lines: [{ unitPrice: 8.5, price: azn('8.50'), total: azn('19.00'), modifiers: [{ unitPrice: 0.5, price: azn('0.50') }] }],
      discount: { type: 1, value: 10, rate: '10', amount: azn('1.90') },
      serviceCharge: { enabled: true, value: 5, rate: '5', amount: azn('0.86') },
    });
  });

  it('reads a discount of another type as a fixed amount, and a disabled service charge as zero', async () => {
    const added = gw.sandbox.control.addOrder({
      ...order,
      payload: { ...order.payload, meta: { discount: { discount_type: 2, discount_value: 3 }, apply_service_charge: false, service_charge_value: 5 } },
    });
    const result = await gw.gql<{ order: Record<string, unknown> }>(QUERY, { id: String(added.id) });
    expect(result.data?.order).toMatchObject({
      total: azn('18.50'), // 19.00 − 3.00 + 0 + 2.50
      discount: { type: 2, value: 3, rate: null, amount: azn('3.00') },
      serviceCharge: { enabled: false, rate: '5', amount: azn('0.00') },
    });
  });

  it('sums 1,000 lines of 0.10 to exactly 100.00', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => ({ product_id: i + 1, count: 1, meta: { price: 0.1 } }));
    const added = gw.sandbox.control.addOrder({ venue_id: 2, payload: { service: { sale_type_id: 3, venue_id: 2 }, products: lines } });
    const result = await gw.gql<{ order: { total: unknown } }>(`query($id: ID!) { order(id: $id) { total { ${MONEY} } } }`, { id: String(added.id) });
    expect(result.data?.order.total).toEqual(azn('100.00'));
  });

  it('shows the cancelled status as CANCELLED and filters on it, while Clopos keeps IGNORE', async () => {
    const cancelled = gw.sandbox.control.addOrder({ ...order, status: 'IGNORE' });
    gw.sandbox.control.addOrder(order);
    const result = await gw.gql<{ orders: { nodes: Array<{ id: string; status: string }> } }>(
      `{ orders(filter: { status: CANCELLED }) { nodes { id status } } }`,
    );
    const nodes = result.data?.orders.nodes ?? [];
    expect(nodes[0]).toEqual({ id: String(cancelled.id), status: 'CANCELLED' });
    expect(nodes.every((node) => node.status === 'CANCELLED')).toBe(true);
    const stored = new Map(gw.sandbox.control.orders().map((o) => [String(o.id), o.status]));
    expect(nodes.every((node) => stored.get(node.id) === 'IGNORE')).toBe(true);
    expect(JSON.stringify(gw.upstreamCalls('GET', '/orders').at(-1))).toContain('IGNORE');
  });
});

describe('CLOPOS_CURRENCY', () => {
  it('labels every amount with the configured currency and rounds to its minor unit', async () => {
    const kwd = await startTestGateway({ gateway: { currency: 'KWD' } });
    try {
      const added = kwd.sandbox.control.addOrder(order);
      const result = await kwd.gql<{ order: { total: unknown } }>(`query($id: ID!) { order(id: $id) { total { ${MONEY} } } }`, { id: String(added.id) });
      // 19 − 1.9 = 17.1; 5 % = 0.855 (exact in KWD's three decimals); + 2.5
      expect(result.data?.order.total).toEqual({ amount: '20.455', currencyCode: 'KWD' });
    } finally {
      await kwd.close();
    }
  });
});
