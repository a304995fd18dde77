import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClopOrder } from '../../src/upstreams/clopos/types.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());
beforeEach(() => gw.sandbox.control.reset());

const ALL_FIELDS = /* GraphQL */ `
  fragment AllFields on Order {
    id venueId status saleTypeId type integration comment deliveryFee
    customer { id name phone address discountType }
    lines {
      productId name quantity unitPrice portionSize status productHash note
      modifiers { modifierId name quantity unitPrice portionSize }
    }
    discount { type value }
    serviceCharge { enabled value }
    autoAccept sendToStationOnAccept
    receipt { id serviceNotificationId status }
    createdAt updatedAt
  }
`;

/** The documented example order, with a filled modifier, as Clopos would store it. */
const documentedPayload: Partial<ClopOrder> = {
  venue_id: 2,
  payload: {
    auto_order_accept: true,
    auto_order_sent_to_station: false,
    delivery_fee: 2.5,
    service: { sale_type_id: 3, venue_id: 2 },
    customer: { id: 9, phone: '+994705401040', address: '123 Main St', customer_discount_type: 1, name: 'Rahid Akhundzada' },
    products: [
      {
        product_id: 51,
        count: 2,
        portion_size: 1,
        product_modificators: [{ modifier_id: 501, modifier_name: 'Extra Cheese', count: 2, price: 0.5, portion_size: 1 }],
        meta: {
          price: 8.5,
          order_product: {
            count: 2,
            status: 'new',
            note: 'No onions',
            product_modificators: [],
            product_hash: 'abc123',
            product: { id: 51, name: 'Pizza', price: 8.5 },
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
    sale_type_id: 3,
  },
};

describe('Query.order', () => {
  it('maps every field of a Clopos order', async () => {
    const added = gw.sandbox.control.addOrder(documentedPayload);
    const result = await gw.gql(`query($id: ID!) { order(id: $id) { ...AllFields } } ${ALL_FIELDS}`, { id: String(added.id) });
    expect(result.errors).toBeUndefined();
    expect(result.data?.order).toEqual({
      id: String(added.id),
      venueId: '2',
      status: 'PENDING',
      saleTypeId: '3',
      type: 'CALL_CENTER_ORDER',
      integration: 'call_center_new',
      comment: 'Leave at the door',
      deliveryFee: 2.5,
      customer: { id: '9', name: 'Rahid Akhundzada', phone: '+994705401040', address: '123 Main St', discountType: 1 },
      lines: [
        {
          productId: '51',
          name: 'Pizza',
          quantity: 2,
          unitPrice: 8.5,
          portionSize: 1,
          status: 'new',
          productHash: 'abc123',
          note: 'No onions',
          modifiers: [{ modifierId: '501', name: 'Extra Cheese', quantity: 2, unitPrice: 0.5, portionSize: 1 }],
        },
      ],
      discount: { type: 1, value: 10 },
      serviceCharge: { enabled: true, value: 5 },
      autoAccept: true,
      sendToStationOnAccept: false,
      receipt: null,
      createdAt: new Date(added.created_at!).toISOString(),
      updatedAt: new Date(added.updated_at!).toISOString(),
    });
  });

  it('reads odd modifiers from their documented alternatives with defaults, and skips one without an id', async () => {
    const product = documentedPayload.payload!.products![0]!;
    const added = gw.sandbox.control.addOrder({
      ...documentedPayload,
      payload: {
        ...documentedPayload.payload,
        products: [
          {
            ...product,
            count: undefined,
            meta: { ...product.meta, price: undefined },
            product_modificators: [{ modificator_id: 7, name: 'Chili' }, { id: 8, modifier_name: 'Garlic', count: 3 }, { name: 'No id' }],
          },
        ],
      },
    });
    const result = await gw.gql(`query($id: ID!) { order(id: $id) { lines { quantity unitPrice modifiers { modifierId name quantity unitPrice portionSize } } } }`, {
      id: String(added.id),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.order).toEqual({
      lines: [
        {
          quantity: 2, // from meta.order_product.count
          unitPrice: 8.5, // from meta.order_product.product.price
          modifiers: [
            { modifierId: '7', name: 'Chili', quantity: 1, unitPrice: 0, portionSize: 1 },
            { modifierId: '8', name: 'Garlic', quantity: 3, unitPrice: 0, portionSize: 1 },
          ],
        },
      ],
    });
  });

  it('returns null when Clopos answers 404', async () => {
    const result = await gw.gql(`{ order(id: "999999") { id } }`);
    expect(result).toMatchObject({ data: { order: null } });
    expect(result.errors).toBeUndefined();
    expect(gw.upstreamCalls('GET', '/orders/999999')).toHaveLength(1);
  });

  it('asks Clopos for the receipt only when the query selects it', async () => {
    const withReceipt = gw.sandbox.control.orders().find((o) => o.receipt)!;
    await gw.gql(`query($id: ID!) { order(id: $id) { id status } }`, { id: String(withReceipt.id) });
    expect(gw.upstreamCalls('GET', `/orders/${withReceipt.id}`).at(-1)!.rawQuery).toBe('');
    const result = await gw.gql(`query($id: ID!) { order(id: $id) { receipt { id status serviceNotificationId } } }`, {
      id: String(withReceipt.id),
    });
    expect(gw.upstreamCalls('GET', `/orders/${withReceipt.id}`).at(-1)!.rawQuery).toBe(
      'with[0]=receipt%3Aid%2Cservice_notification_id%2Cstatus',
    );
    expect(result.data?.order).toEqual({
      receipt: {
        id: String(withReceipt.receipt!.id),
        status: withReceipt.receipt!.status,
        serviceNotificationId: withReceipt.receipt!.service_notification_id == null ? null : String(withReceipt.receipt!.service_notification_id),
      },
    });
  });

  it('sends venueId as the x-venue header, and an order of another venue is null', async () => {
    const order = gw.sandbox.control.orders().find((o) => o.venue_id === 1)!;
    const other = await gw.gql(`query($id: ID!) { order(id: $id, venueId: "3") { id } }`, { id: String(order.id) });
    expect(other.data).toEqual({ order: null });
    expect(gw.upstreamCalls('GET', `/orders/${order.id}`).at(-1)!.headers['x-venue']).toBe('3');
    const own = await gw.gql(`query($id: ID!) { order(id: $id, venueId: "1") { id venueId } }`, { id: String(order.id) });
    expect(own.data).toEqual({ order: { id: String(order.id), venueId: '1' } });
  });

  it('rejects an id that is not a Clopos id as BAD_USER_INPUT without calling Clopos', async () => {
    const result = await gw.gql(`{ order(id: "abc") { id } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(gw.upstreamCalls('GET')).toHaveLength(0);
  });
});

describe('Query.orders', () => {
  const LIST = /* GraphQL */ `
    query List($first: Int, $after: String, $last: Int, $before: String, $filter: OrderFilter, $orderBy: OrderSort) {
      orders(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id status venueId createdAt updatedAt } }
        nodes { id }
      }
    }
  `;
  type List = {
    orders: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
      edges: Array<{ cursor: string; node: { id: string; status: string; venueId: string; createdAt: string; updatedAt: string } }>;
      nodes: Array<{ id: string }>;
    };
  };
  const list = (variables: Record<string, unknown>) => gw.gql<List>(LIST, variables);
  const listCalls = () => gw.upstreamCalls('GET', '/orders');

  it('returns the newest 20 by default with one Clopos request', async () => {
    const result = await list({});
    expect(result.errors).toBeUndefined();
    const expected = gw.sandbox.control.orders().slice(0, 20).map((o) => String(o.id));
    expect(result.data!.orders.nodes.map((n) => n.id)).toEqual(expected);
    expect(result.data!.orders.edges.map((e) => e.node.id)).toEqual(expected);
    expect(result.data!.orders.totalCount).toBe(gw.sandbox.control.orders().length);
    expect(result.data!.orders.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(listCalls()).toHaveLength(1);
    expect(listCalls()[0]!.rawQuery).toBe('page=1&limit=20&sort[0]=created_at&sort[1]=-1');
  });

  it('pages through every order with first/after, at most two Clopos requests a page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      gw.sandbox.control.clearRequests();
      const result = await list({ first: 37, after });
      expect(listCalls().length).toBeLessThanOrEqual(2);
      seen.push(...result.data!.orders.nodes.map((n) => n.id));
      if (!result.data!.orders.pageInfo.hasNextPage) break;
      after = result.data!.orders.pageInfo.endCursor;
    }
    expect(seen).toEqual(gw.sandbox.control.orders().map((o) => String(o.id)));
  });

  it('pages backward with last/before', async () => {
    const all = gw.sandbox.control.orders().map((o) => String(o.id));
    const tail = await list({ last: 15 });
    expect(tail.data!.orders.nodes.map((n) => n.id)).toEqual(all.slice(-15));
    const before = await list({ last: 15, before: tail.data!.orders.pageInfo.startCursor });
    expect(before.data!.orders.nodes.map((n) => n.id)).toEqual(all.slice(-30, -15));
    expect(before.data!.orders.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('continues after the right order when new orders arrived since the cursor was issued', async () => {
    const first = await list({ first: 10 });
    const all = gw.sandbox.control.orders().map((o) => String(o.id));
    gw.sandbox.control.addOrder();
    gw.sandbox.control.addOrder();
    const next = await list({ first: 10, after: first.data!.orders.pageInfo.endCursor });
    expect(next.data!.orders.nodes.map((n) => n.id)).toEqual(all.slice(10, 20));
    expect(next.data!.orders.totalCount).toBe(all.length + 2);
  });

  it('answers past the end and an empty result with no edges', async () => {
    const all = await list({ first: 100 });
    const tail = await list({ first: 100, after: all.data!.orders.pageInfo.endCursor });
    const end = await list({ first: 5, after: tail.data!.orders.pageInfo.endCursor });
    expect(end.data!.orders).toMatchObject({ nodes: [], pageInfo: { hasNextPage: false, startCursor: null, endCursor: null } });
    const none = await list({ filter: { createdFrom: '2001-01-01', createdTo: '2001-01-02' } });
    expect(none.data!.orders).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false } });
  });

  it('sends status, dates and venue to Clopos as status, date[0], date[1] and x-venue, and returns only matching orders', async () => {
    const sample = gw.sandbox.control.orders().find((o) => o.status === 'DELIVERED' && o.venue_id === 2)!;
    const day = sample.created_at!.slice(0, 10);
    const result = await list({ first: 100, filter: { status: 'DELIVERED', createdFrom: day, createdTo: day, venueId: '2' } });
    expect(result.errors).toBeUndefined();
    const call = listCalls().at(-1)!;
    expect(call.rawQuery).toBe(`page=1&limit=100&status=DELIVERED&date[0]=${day}&date[1]=${day}&sort[0]=created_at&sort[1]=-1`);
    expect(call.headers['x-venue']).toBe('2');
    const nodes = result.data!.orders.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toContain(String(sample.id));
    for (const node of nodes) {
      expect(node).toMatchObject({ status: 'DELIVERED', venueId: '2' });
      expect(node.createdAt.slice(0, 10)).toBe(day);
    }
  });

  it.each([
    ['ID', 'ASC', 'id', '1'],
    ['CREATED_AT', 'ASC', 'created_at', '1'],
    ['UPDATED_AT', 'DESC', 'updated_at', '-1'],
  ])('sorts by %s %s as sort[0]=%s&sort[1]=%s', async (field, direction, clopField, clopDirection) => {
    const result = await list({ first: 30, orderBy: { field, direction } });
    expect(listCalls().at(-1)!.rawQuery).toContain(`sort[0]=${clopField}&sort[1]=${clopDirection}`);
    const nodes = result.data!.orders.edges.map((e) => e.node);
    const key = (n: (typeof nodes)[number]) => (field === 'ID' ? Number(n.id) : Date.parse(field === 'CREATED_AT' ? n.createdAt : n.updatedAt));
    const keys = nodes.map(key);
    const sorted = [...keys].sort((a, b) => (direction === 'ASC' ? a - b : b - a));
    expect(keys).toEqual(sorted);
  });

  it('asks Clopos for receipts only when the query selects them', async () => {
    await list({ first: 5 });
    expect(listCalls().at(-1)!.rawQuery).not.toContain('with');
    const result = await gw.gql<{ orders: { nodes: Array<{ id: string; receipt: { id: string } | null }> } }>(
      `{ orders(first: 50, filter: { status: RECEIVED }) { nodes { id receipt { id } } } }`,
    );
    expect(listCalls().at(-1)!.rawQuery).toContain('with[0]=receipt%3Aid%2Cservice_notification_id%2Cstatus');
    expect(result.data!.orders.nodes.some((n) => n.receipt !== null)).toBe(true);
    expect(gw.upstreamCalls('GET').filter((c) => c.path.startsWith('/orders/'))).toHaveLength(0);
  });

  it('rejects a cursor reused with another filter', async () => {
    const page = await list({ first: 5, filter: { status: 'PENDING' } });
    const reused = await list({ first: 5, after: page.data!.orders.pageInfo.endCursor, filter: { status: 'RECEIVED' } });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(reused.data).toBeNull();
  });

  it.each([
    [{ first: 5, last: 5 }, 'last'],
    [{ first: 101 }, 'first'],
    [{ last: 500 }, 'last'],
  ])('rejects %j as BAD_USER_INPUT', async (variables, argument) => {
    const result = await list(variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(listCalls()).toHaveLength(0);
  });

  it('rejects a malformed Date as BAD_USER_INPUT, in variables and inline', async () => {
    const viaVariables = await list({ filter: { createdFrom: '2026-13-01' } });
    expect(viaVariables.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(viaVariables.errors?.[0]?.message).toContain('YYYY-MM-DD');
    const inline = await gw.gql(`{ orders(filter: { createdTo: "yesterday" }) { totalCount } }`);
    expect(inline.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(listCalls()).toHaveLength(0);
  });
});
