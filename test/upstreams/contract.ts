// The contract every upstream adapter keeps, written against the domain port only. An adapter's
// runner (clopos.contract.test.ts) supplies a running POS (a sandbox) and a few facts about it; a
// second adapter plugs in with a runner of its own and changes nothing here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMoney, subtractMoney, zero } from '../../src/domain/money.js';
import type { Order, OrderStatus } from '../../src/domain/order.js';
import type { NewOrder, OrderUpstream } from '../../src/domain/upstream.js';

export interface ContractSubject {
  upstream: OrderUpstream;
  /** An order the POS would accept (ids valid in the sandbox). */
  newOrder(): NewOrder;
  /** A well-formed order id no order has. */
  missingId: string;
  /** Text the adapter must refuse as an order id. */
  invalidId: string;
  close(): Promise<void>;
}

const STATUSES: OrderStatus[] = ['PENDING', 'RECEIVED', 'CANCELLED', 'DELIVERED'];

function expectWellFormed(order: Order, exactTotals: boolean): void {
  expect(typeof order.id).toBe('string');
  expect(STATUSES).toContain(order.status);
  for (const line of order.lines) {
    expect(Number.isSafeInteger(line.price.minor)).toBe(true);
    expect(Number.isSafeInteger(line.total.minor)).toBe(true);
    for (const modifier of line.modifiers) expect(typeof modifier.modifierId).toBe('string');
  }
  if (!exactTotals) return;
  // The order total is its parts, exactly (integer minor units).
  const currency = order.total!.currency;
  const lines = addMoney(zero(currency), ...order.lines.map((line) => line.total));
  const discounted = order.discount ? subtractMoney(lines, order.discount.amount) : lines;
  const expected = addMoney(discounted, order.serviceCharge?.amount ?? zero(currency), order.deliveryFee ?? zero(currency));
  expect(order.total).toEqual(expected);
}

export function describeUpstreamContract(name: string, start: () => Promise<ContractSubject>): void {
  describe(`upstream contract: ${name}`, () => {
    let subject: ContractSubject;
    beforeAll(async () => {
      subject = await start();
    });
    afterAll(() => subject.close());

    it('declares its capabilities', () => {
      const { capabilities } = subject.upstream;
      for (const value of [capabilities.exactTotals, capabilities.cancelSupported, capabilities.acceptanceStep]) expect(typeof value).toBe('boolean');
    });

    it('checks its own ids: a real one passes, anything else says what an id looks like', () => {
      expect(subject.upstream.checkOrderId(subject.missingId)).toBeUndefined();
      expect(subject.upstream.checkOrderId(subject.invalidId)).toEqual(expect.any(String));
    });

    it('lists orders newest first in pages that do not overlap, with a total, each well formed', async () => {
      const { upstream } = subject;
      const sort = { field: 'createdAt' as const, direction: 'DESC' as const };
      const first = await upstream.list({ page: 1, limit: 5, sort });
      const second = await upstream.list({ page: 2, limit: 5, sort });
      expect(first.orders.length).toBeLessThanOrEqual(5);
      expect(first.total).toBeGreaterThanOrEqual(first.orders.length + second.orders.length);
      const ids = new Set(first.orders.map((o) => o.id));
      expect(second.orders.some((o) => ids.has(o.id))).toBe(false);
      const times = [...first.orders, ...second.orders].map((o) => Date.parse(o.createdAt ?? ''));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      for (const order of [...first.orders, ...second.orders]) expectWellFormed(order, upstream.capabilities.exactTotals);
    });

    it('filters by status in the domain’s words', async () => {
      for (const status of ['CANCELLED', 'PENDING'] as const) {
        const page = await subject.upstream.list({ page: 1, limit: 20, status });
        expect(page.orders.every((o) => o.status === status)).toBe(true);
      }
    });

    it('reads one order by the id a list gave, and null for an id no order has', async () => {
      const { orders } = await subject.upstream.list({ page: 1, limit: 1 });
      const listed = orders[0]!;
      const read = await subject.upstream.get(listed.id);
      expect(read?.id).toBe(listed.id);
      expect(read?.status).toBe(listed.status);
      expect(await subject.upstream.get(subject.missingId)).toBeNull();
    });

    it('creates an order that reads back with its lines, prices and product hashes', async () => {
      const { upstream } = subject;
      const sent = subject.newOrder();
      const created = await upstream.create(sent);
      expect(typeof created.id).toBe('string');
      const read = await upstream.get(created.id, { venueId: created.venueId });
      expect(read).not.toBeNull();
      expect(read!.status).toBe(upstream.capabilities.acceptanceStep ? 'PENDING' : 'RECEIVED');
      expect(read!.lines.map((l) => [l.productId, l.quantity, l.productHash])).toEqual(sent.lines.map((l) => [l.productId, l.quantity, l.productHash]));
      expectWellFormed(read!, upstream.capabilities.exactTotals);
    });

    it('reads orders by last update, newest first, and a new order is on the first page', async () => {
      const { upstream } = subject;
      const created = await upstream.create(subject.newOrder());
      const first = await upstream.recentlyUpdated(1, 10);
      const times = first.map((o) => Date.parse(o.updatedAt ?? ''));
      expect(times.every((t) => Number.isFinite(t))).toBe(true);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      // Same-second ties may put it anywhere among the newest; it must be on the first page.
      expect(first.map((o) => o.id)).toContain(created.id);
      const second = await upstream.recentlyUpdated(2, 10);
      expect(second.some((o) => first.some((f) => f.id === o.id))).toBe(false);
    });

    it('cancels an order when it can, and the order then reads CANCELLED', async () => {
      const { upstream } = subject;
      if (!upstream.capabilities.cancelSupported) return;
      const created = await upstream.create(subject.newOrder());
      const cancelled = await upstream.cancel(created.id, { venueId: created.venueId });
      expect(cancelled?.status).toBe('CANCELLED');
      expect((await upstream.get(created.id, { venueId: created.venueId }))?.status).toBe('CANCELLED');
      expect(await upstream.cancel(subject.missingId)).toBeNull();
    });
  });
}
