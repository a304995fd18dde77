// The call-center flow on the wire: the graph's catalog queries and createOrder priced from the
// catalog, through createApp against the sandbox over HTTP, asserting the REST calls made.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ gateway: { apiKeys: ['ops:ops-key:write', 'viewer:viewer-key:read'] } });
});
afterAll(() => gw?.close());
beforeEach(async () => {
  gw.sandbox.control.reset();
  // Each test starts cold.
  await gw.gql('mutation { invalidateCatalog { dropped } }', undefined, write);
  gw.sandbox.control.clearRequests();
});

const write = { authorization: 'Bearer ops-key' };
const read = { authorization: 'Bearer viewer-key' };
/** The sandbox's data calls (not /auth), as "METHOD /path". */
const calls = () => gw.upstreamCalls().filter((r) => r.path !== '/auth').map((r) => `${r.method} ${r.path}`);

const CREATE = /* GraphQL */ `
  mutation($input: CreateOrderInput!) {
    createOrder(input: $input) { order { id } userErrors { field message code } }
  }
`;

type Line = { productId: string; quantity: number; name?: string; unitPrice?: number; modifiers?: Array<{ modifierId: string; quantity: number; name?: string; unitPrice?: number }> };
const order = (lines: Line[]) => ({ venueId: '1', saleTypeId: '2', customer: { name: 'Aysel Mammadova', phone: '+994502218834' }, lines });

interface CreateAnswer {
  createOrder: { order: { id: string } | null; userErrors: Array<{ field: string[]; code: string; message: string }> };
}

describe('catalog queries', () => {
  it('answers venues and sale types from Clopos once, then from the cache', async () => {
    const query = '{ venues { id name address phone active } saleTypes(venueId: "3") { id name kind serviceChargeRate } }';
    const first = await gw.gql<{ venues: unknown[]; saleTypes: Array<{ kind: string }> }>(query, undefined, read);
    expect(first.errors).toBeUndefined();
    expect(first.data!.venues).toEqual([
      { id: '1', name: 'Nizami Street', address: '28 Nizami St, Baku', phone: '+994124001001', active: true },
      { id: '2', name: 'Port Baku Mall', address: '151 Neftchilar Ave, Baku', phone: '+994124001002', active: true },
      { id: '3', name: 'Ganjlik', address: '19 Ataturk Ave, Baku', phone: '+994124001003', active: true },
    ]);
    // Takeaway is off at venue 3.
    expect(first.data!.saleTypes).toEqual([
      { id: '1', name: 'Yerinde', kind: 'DINE_IN', serviceChargeRate: '5' },
      { id: '2', name: 'Catdirilma', kind: 'DELIVERY', serviceChargeRate: '0' },
    ]);
    expect(calls().sort()).toEqual(['GET /sale-types', 'GET /venues']);
    await gw.gql(query, undefined, read);
    expect(calls()).toHaveLength(2);
  });

  it('pages, searches and filters the menu, with availability from the stop-list and modifier groups', async () => {
    const query = /* GraphQL */ `
      query($first: Int, $after: String, $filter: MenuFilter) {
        menu(venueId: "1", first: $first, after: $after, filter: $filter) {
          totalCount
          nodes { id name available stockLimit price { amount currencyCode } category { id name }
                  modifierGroups { id name min max modifiers { id name price { amount } } } }
          pageInfo { hasNextPage endCursor }
        }
      }
    `;
    type Menu = { menu: { totalCount: number; nodes: Array<Record<string, any>>; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await gw.gql<Menu>(query, { first: 30 }, read);
    expect(first.errors).toBeUndefined();
    const total = first.data!.menu.totalCount;
    expect(total).toBeGreaterThanOrEqual(35);
    expect(first.data!.menu.pageInfo.hasNextPage).toBe(true);
    const rest = await gw.gql<Menu>(query, { first: 30, after: first.data!.menu.pageInfo.endCursor }, read);
    const all = [...first.data!.menu.nodes, ...rest.data!.menu.nodes];
    expect(all).toHaveLength(total);
    expect(new Set(all.map((p) => p.id)).size).toBe(total);
    const byId = new Map(all.map((p) => [p.id, p]));
    expect(byId.get('97')).toMatchObject({ name: 'Shakarbura', available: false, stockLimit: 0 });
    expect(byId.get('98')).toMatchObject({ available: true, stockLimit: 3 });
    expect(byId.get('71')).toMatchObject({ available: true, stockLimit: null, price: { amount: '9.00', currencyCode: 'AZN' } });
    expect(byId.get('63')!.modifierGroups[0]).toEqual({
      id: '7', name: 'Doneness', min: 1, max: 1,
      modifiers: [{ id: '561', name: 'Medium', price: { amount: '0.00' } }, { id: '562', name: 'Well done', price: { amount: '0.00' } }],
    });
    // Both pages came from one read of the menu and one of the stop-list.
    expect(calls().sort()).toEqual(['GET /products', 'GET /products/stop-list']);
    const products = gw.upstreamCalls('GET', '/products')[0]!;
    expect(products.query).toMatchObject({ limit: '100', page: '1', with: ['modificator_groups', 'category'] });

    const pizza = await gw.gql<Menu>(query, { filter: { search: 'PIZZA' } }, read);
    expect(pizza.data!.menu.nodes.map((p) => p.name)).toEqual(['Pizza', 'Pizza Margherita', 'Pizza Pepperoni', 'Pizza Quattro Formaggi', 'Pizza Vegetariana']);
    const desserts = await gw.gql<Menu>(query, { filter: { categoryId: '17' } }, read);
    expect(desserts.data!.menu.nodes.every((p) => p.category.name === 'Desserts')).toBe(true);
    expect(calls()).toHaveLength(2);

    const reused = await gw.gql(query, { filter: { search: 'tea' }, after: first.data!.menu.pageInfo.endCursor }, read);
    expect(reused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badVenue = await gw.gql('{ menu(venueId: "pizza") { totalCount } }', undefined, read);
    expect(badVenue.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'venueId' });
  });

  it('finds customers by phone or name, one by id, and links an order to its customer', async () => {
    const found = await gw.gql<{ customers: { totalCount: number; nodes: Array<{ id: string; name: string; phones: string[] }> } }>(
      '{ customers(filter: { phone: "+994 50 221 88 34" }) { totalCount nodes { id name phones } } }', undefined, read);
    expect(found.errors).toBeUndefined();
    expect(found.data!.customers).toEqual({ totalCount: 1, nodes: [{ id: '2', name: 'Aysel Mammadova', phones: ['+994502218834'] }] });
    const sent = gw.upstreamCalls('GET', '/customers')[0]!;
    expect(sent.rawQuery).toBe('page=1&limit=20&filters[0][0]=phones&filters[0][1]=994502218834');
    const byName = await gw.gql<{ customers: { nodes: Array<{ name: string }> } }>('{ customers(filter: { name: "leyla" }) { nodes { name } } }', undefined, read);
    expect(byName.data!.customers.nodes).toEqual([{ name: 'Leyla Aliyeva' }]);
    const none = await gw.gql('{ customers(filter: {}) { totalCount } }', undefined, read);
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter' });
    const one = await gw.gql('{ customer(id: "4") { id name phone address email } missing: customer(id: "999") { id } }', undefined, read);
    expect(one.data).toEqual({ customer: { id: '4', name: 'Leyla Aliyeva', phone: '+994517745120', address: '5 Istiglaliyyat St, Baku', email: null }, missing: null });

    const withCustomer = gw.sandbox.control.orders().find((o) => (o.payload?.customer?.id ?? 0) > 0)!;
    gw.sandbox.control.clearRequests();
    const linked = await gw.gql<{ order: { customer: { id: string; phones: string[]; addresses: string[] } } }>(
      `{ order(id: "${withCustomer.id}") { customer { id phones addresses } } }`, undefined, read);
    expect(linked.data!.order.customer.id).toBe(String(withCustomer.payload!.customer!.id));
    expect(linked.data!.order.customer.phones).toEqual([withCustomer.payload!.customer!.phone]);
    expect(calls()).toEqual([`GET /orders/${withCustomer.id}`, `GET /customers/${withCustomer.payload!.customer!.id}`]);
  });

  it("reads the customers of a whole order list in one Clopos call, never one per order", async () => {
    const answer = await gw.gql<{ orders: { nodes: Array<{ customer: { id: string; phones: string[] } | null }> } }>(
      '{ orders(first: 20) { nodes { customer { id phones } } } }', undefined, read);
    expect(answer.errors).toBeUndefined();
    const named = answer.data!.orders.nodes.filter((o) => o.customer && o.customer.id !== '0');
    expect(named.length).toBeGreaterThan(1);
    for (const order of named) expect(order.customer!.phones.length).toBeGreaterThan(0);
    expect(calls()).toEqual(['GET /orders', 'GET /customers']);
    expect(gw.upstreamCalls('GET', '/customers')[0]!.rawQuery).toMatch(/^page=1&limit=\d+&filters\[0\]\[0\]=id&filters\[0\]\[1\]\[0\]=\d+/);
  });
});

describe('createOrder priced from the catalog', () => {
  it('fills in names, prices and the product hash from the menu; a warm create makes exactly one Clopos call', async () => {
    const lines: Line[] = [{ productId: '101', quantity: 2, modifiers: [{ modifierId: '501', quantity: 1 }] }, { productId: '93', quantity: 1 }];
    const cold = await gw.gql<CreateAnswer>(CREATE, { input: order(lines) }, write);
    expect(cold.data!.createOrder.userErrors).toEqual([]);
    // Cold: the menu and the stop-list (in parallel), then the POST.
    expect(calls().slice(0, 2).sort()).toEqual(['GET /products', 'GET /products/stop-list']);
    expect(calls().slice(2)).toEqual(['POST /orders']);
    const body = gw.upstreamCalls('POST', '/orders')[0]!.body as { products: Array<Record<string, unknown>> };
    expect(body.products).toEqual([
      expect.objectContaining({ product_id: 101, product_name: 'Pizza', count: 2, price: 8.5, product_hash: expect.stringMatching(/^[0-9a-f]{16}-[0-9a-f]{16}$/),
        modifiers: [{ modifier_id: 501, modifier_name: 'Extra Cheese', count: 1, price: 0.5 }] }),
      expect.objectContaining({ product_id: 93, product_name: 'Ayran', count: 1, price: 1.5 }),
    ]);

    gw.sandbox.control.clearRequests();
    const warm = await gw.gql<CreateAnswer>(CREATE, { input: order(lines) }, write);
    expect(warm.data!.createOrder.userErrors).toEqual([]);
    expect(calls()).toEqual(['POST /orders']);
  });

  it('shows the new order with its totals', async () => {
    const query = /* GraphQL */ `
      mutation($input: CreateOrderInput!) {
        createOrder(input: $input) { order { lines { name price { amount } total { amount } } total { amount currencyCode } } userErrors { code } }
      }
    `;
    const answer = await gw.gql<{ createOrder: { order: { lines: unknown[]; total: unknown } } }>(
      query, { input: { ...order([{ productId: '101', quantity: 2, modifiers: [{ modifierId: '501', quantity: 1 }] }]), deliveryFee: 2.5 } }, write);
    expect(answer.data!.createOrder.order).toEqual({
      lines: [{ name: 'Pizza', price: { amount: '8.50' }, total: { amount: '18.00' } }],
      total: { amount: '20.50', currencyCode: 'AZN' },
    });
  });

  it.each([
    ['a tampered price', [{ productId: '101', quantity: 1, unitPrice: 0.01 }], 'PRICE_MISMATCH'],
    ['a tampered name', [{ productId: '101', quantity: 1, name: 'Free pizza' }], 'PRICE_MISMATCH'],
    ['a tampered modifier price', [{ productId: '101', quantity: 1, modifiers: [{ modifierId: '501', quantity: 1, unitPrice: 0 }] }], 'PRICE_MISMATCH'],
    ['an unknown product', [{ productId: '4242', quantity: 1 }], 'PRODUCT_NOT_FOUND'],
    ['an out-of-stock product', [{ productId: '97', quantity: 1 }], 'OUT_OF_STOCK'],
    ['more than the stock left', [{ productId: '98', quantity: 4 }], 'OUT_OF_STOCK'],
    ['a modifier of another product', [{ productId: '101', quantity: 1, modifiers: [{ modifierId: '541', quantity: 1 }] }], 'MODIFIER_NOT_ALLOWED'],
    ['a required group left out', [{ productId: '63', quantity: 1 }], 'MODIFIER_NOT_ALLOWED'],
    ['a group over its maximum', [{ productId: '63', quantity: 1, modifiers: [{ modifierId: '561', quantity: 1 }, { modifierId: '562', quantity: 1 }] }], 'MODIFIER_NOT_ALLOWED'],
  ] as Array<[string, Line[], string]>)('refuses %s with its code at the line, sending nothing to Clopos', async (_name, bad, code) => {
    const lines: Line[] = [{ productId: '71', quantity: 1 }, ...bad];
    const answer = await gw.gql<CreateAnswer>(CREATE, { input: order(lines) }, write);
    expect(answer.data!.createOrder.order).toBeNull();
    expect(answer.data!.createOrder.userErrors).toEqual([{ field: ['input', 'lines', '1'], code, message: expect.any(String) }]);
    expect(gw.upstreamCalls('POST', '/orders')).toHaveLength(0);
  });

  it('accepts a deprecated name and price that match the menu, in any decimal form', async () => {
    const answer = await gw.gql<CreateAnswer>(CREATE, { input: order([{ productId: '51', name: 'Pizza Margherita', quantity: 1, unitPrice: 8.5, modifiers: [{ modifierId: '502', name: 'Mushrooms', quantity: 1, unitPrice: 0.8 }] }]) }, write);
    expect(answer.data!.createOrder.userErrors).toEqual([]);
  });

  it('sees a product running out after STOP_LIST_TTL_MS, or at once after invalidateCatalog', async () => {
    expect((await gw.gql<CreateAnswer>(CREATE, { input: order([{ productId: '72', quantity: 1 }]) }, write)).data!.createOrder.userErrors).toEqual([]);
    gw.sandbox.control.setStock(72, 0);
    // Still cached (30 s): the order goes through.
    expect((await gw.gql<CreateAnswer>(CREATE, { input: order([{ productId: '72', quantity: 1 }]) }, write)).data!.createOrder.userErrors).toEqual([]);
    const refused = await gw.gql('mutation { invalidateCatalog { dropped } }', undefined, read);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const dropped = await gw.gql<{ invalidateCatalog: { dropped: number } }>('mutation { invalidateCatalog { dropped } }', undefined, write);
    expect(dropped.data!.invalidateCatalog.dropped).toBeGreaterThanOrEqual(2);
    gw.sandbox.control.clearRequests();
    const after = await gw.gql<CreateAnswer>(CREATE, { input: order([{ productId: '72', quantity: 1 }]) }, write);
    expect(after.data!.createOrder.userErrors.map((e) => e.code)).toEqual(['OUT_OF_STOCK']);
    expect(calls().sort()).toEqual(['GET /products', 'GET /products/stop-list']);
  });
});

describe('cache settings', () => {
  it('STOP_LIST_TTL_MS=0 reads the stop-list for every order while the menu stays cached', async () => {
    const fresh = await startTestGateway({ config: { stopListTtlMs: 0 } });
    try {
      const input = order([{ productId: '72', quantity: 1 }]);
      await fresh.gql(CREATE, { input });
      fresh.sandbox.control.setStock(72, 0);
      fresh.sandbox.control.clearRequests();
      const answer = await fresh.gql<CreateAnswer>(CREATE, { input });
      expect(answer.data!.createOrder.userErrors.map((e) => e.code)).toEqual(['OUT_OF_STOCK']);
      expect(fresh.upstreamCalls().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /products/stop-list']);
    } finally {
      await fresh.close();
    }
  });
});
