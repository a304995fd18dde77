import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClopModifier, ClopOrder } from '../../src/upstreams/clopos/types.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { generateSeed } from '../../src/sandbox/seed.js';
import { allOrders, api, tokenFor } from './helpers.js';

let sandbox: RunningSandbox;
let orders: ClopOrder[];
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7 });
  orders = await allOrders(api(sandbox, await tokenFor(sandbox)), '&with[0]=receipt');
});
afterAll(() => sandbox.close());

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000000Z$/;
const count = <T>(items: T[], key: (item: T) => unknown) => {
  const counts = new Map<unknown, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

describe('seeded demo data', () => {
  it('has about 150 orders over every status and all three venues', () => {
    expect(orders).toHaveLength(150);
    const statuses = count(orders, (o) => o.status);
    for (const status of ['PENDING', 'RECEIVED', 'IGNORE', 'DELIVERED']) expect(statuses.get(status) ?? 0, status).toBeGreaterThanOrEqual(5);
    expect([...count(orders, (o) => o.venue_id).keys()].sort()).toEqual([1, 2, 3]);
    expect([...count(orders, (o) => o.payload?.sale_type_id).keys()].sort()).toEqual([1, 2, 3]);
  });

  it('spreads created_at over the last five weeks, distinct per order, never in the future', () => {
    const times = orders.map((o) => Date.parse(o.created_at!));
    expect(new Set(times).size).toBe(150);
    const now = Date.now();
    expect(Math.max(...times)).toBeLessThanOrEqual(now);
    expect(now - Math.min(...times)).toBeGreaterThan(28 * 86_400_000);
    expect(now - Math.min(...times)).toBeLessThanOrEqual(36 * 86_400_000);
    for (const o of orders) {
      expect(o.created_at).toMatch(ISO);
      expect(o.updated_at).toMatch(ISO);
      expect(o.updated_at! >= o.created_at!).toBe(true);
    }
  });

  it('uses the documented order shape', () => {
    for (const o of orders) {
      expect(o).toMatchObject({
        type: 'CALL_CENTER_ORDER',
        integration: 'call_center_new',
        integration_uuid: null,
        integration_id: null,
        customer_ref_id: null,
        integration_status: 'CREATED',
        integration_response: null,
      });
      const p = o.payload!;
      expect(p.service).toEqual({ sale_type_id: p.sale_type_id, venue_id: o.venue_id });
      expect(p.customer_id).toBe(p.customer!.id);
      expect(Object.keys(p.meta!).sort()).toEqual(['apply_service_charge', 'comment', 'customer_discount_type', 'discount', 'service_charge_value']);
      for (const line of p.products!) {
        expect(line.count).toBe(line.meta!.order_product!.count);
        expect(line.meta!.price).toBe(line.meta!.order_product!.product!.price);
        expect(line.product_id).toBe(line.meta!.order_product!.product!.id);
      }
    }
  });

  it('has a dozen named customers with +994 phones, and a few guests with id 0', () => {
    const customers = new Map(orders.map((o) => [o.payload!.customer!.id, o.payload!.customer!]));
    expect([...customers.keys()].filter((id) => id !== 0).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const c of customers.values()) expect(c.phone).toMatch(/^\+994\d{9}$/);
    expect(orders.filter((o) => o.payload!.customer!.id === 0).length).toBeGreaterThanOrEqual(3);
  });

  it('has lines with and without modifiers, some in the tolerated alternative spellings', () => {
    const lines = orders.flatMap((o) => o.payload!.products!);
    const modifiers: ClopModifier[] = lines.flatMap((l) => l.product_modificators ?? []);
    expect(lines.some((l) => l.product_modificators?.length === 0)).toBe(true);
    expect(modifiers.some((m) => m.modifier_id !== undefined && m.modifier_name !== undefined && m.count !== undefined)).toBe(true);
    expect(modifiers.some((m) => m.modificator_id !== undefined && m.name !== undefined)).toBe(true);
    expect(modifiers.some((m) => m.id !== undefined && m.name !== undefined)).toBe(true);
    expect(modifiers.some((m) => m.modifier_id !== undefined && m.count === undefined && m.price === undefined)).toBe(true);
    expect(lines.some((l) => l.meta?.order_product?.note)).toBe(true);
  });

  it('gives most RECEIVED and DELIVERED orders a receipt, open or closed, and no PENDING one', () => {
    const accepted = orders.filter((o) => o.status === 'RECEIVED' || o.status === 'DELIVERED');
    expect(accepted.filter((o) => o.receipt).length / accepted.length).toBeGreaterThan(0.7);
    expect(orders.filter((o) => o.status === 'PENDING').every((o) => o.receipt === null)).toBe(true);
    expect(orders.filter((o) => o.status === 'RECEIVED' && o.receipt).every((o) => o.receipt!.status === 1)).toBe(true);
  });

  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    const now = 1_770_000_000;
    expect(generateSeed(7, now)).toEqual(generateSeed(7, now));
    expect(generateSeed(8, now)).not.toEqual(generateSeed(7, now));
  });
});
