// Query.orders and Query.order over Clover, through createApp (in process and on the wire)
// against the Clover sandbox: the same graph as over Clopos.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCloverTestGateway, type CloverTestGateway } from '../../support/clover-gateway.js';

let gw: CloverTestGateway;
beforeAll(async () => {
  gw = await startCloverTestGateway();
});
afterAll(() => gw.close());
beforeEach(() => gw.sandbox.control.reset());

const DAY = 86_400_000;
/** What Clover lists without a date filter: open/locked/cancelled, not hidden, not deleted, within 90 days. */
const listable = () =>
  gw.sandbox.control.orders().filter((o) => o.state !== null && o.deletedTime === undefined && o.createdTime >= Date.now() - 90 * DAY);

const PAGE = /* GraphQL */ `
  query($first: Int, $after: String, $filter: OrderFilter) {
    orders(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id venueId status createdAt total { amount currencyCode } lines { productId name quantity unitPrice total { amount currencyCode } modifiers { modifierId name quantity unitPrice } } }
    }
  }
`;

interface Node {
  id: string;
  venueId: string;
  status: string;
  createdAt: string;
  total: { amount: string; currencyCode: string } | null;
  lines: Array<{ productId: string | null; name: string; quantity: number; unitPrice: number; total: { amount: string; currencyCode: string }; modifiers: Array<{ name: string; quantity: number; unitPrice: number }> }>;
}
interface PageResult {
  orders: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Node[] };
}

describe('Query.orders over Clover', () => {
  it('pages through every listable order, newest first, with an exact totalCount and no overlap (on the wire)', async () => {
    const expected = listable().sort((a, b) => b.createdTime - a.createdTime).map((o) => o.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { data, errors }: { data?: PageResult | null; errors?: unknown } = await gw.wire<PageResult>(PAGE, { first: 7, after });
      expect(errors).toBeUndefined();
      expect(data!.orders.totalCount).toBe(expected.length);
      seen.push(...data!.orders.nodes.map((n) => n.id));
      if (!data!.orders.pageInfo.hasNextPage) break;
      after = data!.orders.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('shows money as the order’s own currency, exactly (cents → Money)', async () => {
    const { data } = await gw.gql<PageResult>(PAGE, { first: 5 });
    for (const node of data!.orders.nodes) {
      const stored = gw.sandbox.control.order(node.id)!;
      expect(node.total).toEqual({ amount: (stored.total / 100).toFixed(2), currencyCode: stored.currency });
      expect(node.venueId).toBe(gw.sandbox.merchantId);
      const units = stored.lineItems.length;
      expect(node.lines.reduce((sum, l) => sum + l.quantity, 0)).toBe(units);
    }
  });

  it('maps statuses: locked → DELIVERED, open → RECEIVED, and filters by them exactly', async () => {
    for (const [status, state] of [['DELIVERED', 'locked'], ['RECEIVED', 'open']] as const) {
      const { data } = await gw.gql<PageResult>(PAGE, { first: 100, filter: { status } });
      const ids = listable().filter((o) => o.state === state).map((o) => o.id).sort();
      expect(data!.orders.nodes.map((n) => n.id).sort()).toEqual(ids);
      expect(data!.orders.totalCount).toBe(ids.length);
    }
    const pending = await gw.gql<PageResult>(PAGE, { first: 10, filter: { status: 'PENDING' } });
    expect(pending.data!.orders).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('refuses a createdFrom..createdTo span past 90 days with BAD_USER_INPUT at filter.createdFrom', async () => {
    const { data, errors } = await gw.wire(PAGE, { first: 5, filter: { createdFrom: '2026-01-01', createdTo: '2026-05-01' } });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.createdFrom' });
    expect(errors![0]!.message).toMatch(/90 days/);
  });

  it('lists older orders within a 90-day span of their own', async () => {
    const old = gw.sandbox.control.orders().filter((o) => o.state !== null && o.deletedTime === undefined && o.createdTime < Date.now() - 95 * DAY);
    expect(old.length).toBeGreaterThan(0);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const from = day(Date.now() - 125 * DAY);
    const to = day(Date.now() - 94 * DAY);
    const { data } = await gw.gql<PageResult>(PAGE, { first: 100, filter: { createdFrom: from, createdTo: to } });
    expect(data!.orders.nodes.map((n) => n.id).sort()).toEqual(old.map((o) => o.id).sort());
  });
});

describe('Query.order over Clover', () => {
  const ONE = /* GraphQL */ `query($id: ID!) { order(id: $id) { id status lines { quantity } } }`;

  it('reads every field of a device order (no order type, no receipt) without errors', async () => {
    const seeded = gw.sandbox.control.orders().find((o) => o.state === 'open' && o.deletedTime === undefined && o.orderType === undefined)!;
    const ALL = /* GraphQL */ `query($id: ID!) { order(id: $id) {
      id venueId status saleTypeId type integration comment deliveryFee customer { id name phone address discountType }
      lines { productId name quantity unitPrice portionSize status productHash note modifiers { modifierId name quantity unitPrice portionSize } }
      discount { type value } serviceCharge { enabled value } autoAccept sendToStationOnAccept receipt { id status } createdAt updatedAt } }`;
    const { data, errors } = await gw.wire<{ order: Record<string, unknown> }>(ALL, { id: seeded.id });
    expect(errors).toBeUndefined();
    expect(data!.order).toMatchObject({ id: seeded.id, saleTypeId: 'NONE', receipt: null, discount: null, deliveryFee: null });
  });

  it('reads an order with more line items than the nested cap (paged through line_items)', async () => {
    const big = gw.sandbox.control.orders().find((o) => o.lineItems.length > 100 && o.state !== null && o.deletedTime === undefined)!;
    const { data, errors } = await gw.wire<{ order: { id: string; lines: Array<{ quantity: number }> } }>(ONE, { id: big.id });
    expect(errors).toBeUndefined();
    expect(data!.order.lines.reduce((s, l) => s + l.quantity, 0)).toBe(big.lineItems.length);
  });

  it('answers null for a hidden (half-built) or deleted order, as for any missing order,, and BAD_USER_INPUT for a malformed id', async () => {
    const hidden = gw.sandbox.control.orders().find((o) => o.state === null)!;
    const deleted = gw.sandbox.control.orders().find((o) => o.deletedTime !== undefined)!;
    for (const id of [hidden.id, deleted.id]) {
      const { data, errors } = await gw.gql<{ order: unknown }>(ONE, { id });
      expect(errors).toBeUndefined();
      expect(data!.order).toBeNull();
    }
    const bad = await gw.gql(ONE, { id: '42' });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.errors![0]!.message).toMatch(/Clover order id/);
  });
});

describe('the catalog over Clover (no catalog: the merchant is the one venue)', () => {
  it('lists the merchant as the only venue, on the wire and in process', async () => {
    const merchant = gw.sandbox.merchantId;
    for (const run of [gw.wire, gw.gql]) {
      const { data, errors } = await run<{ venues: unknown[] }>('{ venues { id name address phone active } }');
      expect(errors).toBeUndefined();
      expect(data!.venues).toEqual([{ id: merchant, name: `Clover merchant ${merchant}`, address: null, phone: null, active: true }]);
    }
  });

  it('answers the menu and sale types with UPSTREAM_UNAVAILABLE, reason NO_CATALOG, so a client can offer free-form lines', async () => {
    const { data, errors } = await gw.wire(`query($v: ID!) { menu(venueId: $v) { totalCount } }`, { v: gw.sandbox.merchantId });
    expect(data).toBeNull();
    expect(errors).toMatchObject([{ message: 'This POS offers no catalog to the gateway.', extensions: { code: 'UPSTREAM_UNAVAILABLE', reason: 'NO_CATALOG' }, path: ['menu'] }]);
    const types = await gw.wire('{ saleTypes { id } }');
    expect(types.errors).toMatchObject([{ extensions: { code: 'UPSTREAM_UNAVAILABLE', reason: 'NO_CATALOG' } }]);
  });
});
