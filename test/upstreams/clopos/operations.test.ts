import { describe, expect, it } from 'vitest';
import { shieldTransport } from '../../../src/shield/transport.js';
import { Budget, MemoryBudgetStore } from '../../../src/shield/budget.js';
import { UPSTREAM_CALLS } from '../../../src/http/limits.js';
import { CLOPOS_LOOKUP, CLOPOS_OPERATIONS, costOf, operation, operationFor, UnknownRoute } from '../../../src/upstreams/clopos/operations.js';

describe('the Clopos operation table', () => {
  it('names every request the client makes by method and generated path, under any base path', () => {
    expect(operationFor('POST', '/open-api/v2/auth')).toBe('auth');
    expect(operationFor('GET', '/open-api/v2/orders')).toBe('listOrders');
    expect(operationFor('GET', '/orders/152')).toBe('getOrder');
    expect(operationFor('post', '/v2/orders')).toBe('createOrder');
    expect(operationFor('PUT', '/v2/orders/152')).toBe('cancelOrder');
  });

  it('throws on a route or method it does not list, never falling back', () => {
    expect(() => operationFor('DELETE', '/v2/orders/152')).toThrow(UnknownRoute);
    expect(() => operationFor('GET', '/v2/payment-methods')).toThrow(/operations\.ts/);
    expect(() => operationFor('GET', '/v2/orders/152/lines')).toThrow(UnknownRoute);
  });

  it('only accepts routes and methods the OpenAPI spec has (checked by the compiler)', () => {
    // @ts-expect-error -- the spec has no /payment-methods path
    operation({ route: '/payment-methods', method: 'GET', idempotent: true, budgeted: true, cost: 1 });
    // @ts-expect-error -- the spec has no DELETE /orders/{id}
    operation({ route: '/orders/{id}', method: 'DELETE', idempotent: true, budgeted: true, cost: 1 });
    expect(Object.keys(CLOPOS_OPERATIONS)).toEqual([
      'auth', 'listOrders', 'getOrder', 'createOrder', 'cancelOrder',
      'listVenues', 'listSaleTypes', 'listProducts', 'getStopList', 'listCustomers', 'getCustomer', 'createCustomer',
    ]);
  });

  it('gives the query-cost rule its costs, and never marks a write idempotent or cacheable', () => {
    expect(UPSTREAM_CALLS).toEqual({
      orders: costOf({ listOrders: 2 }), order: 1, createOrder: 5, cancelOrder: 2,
      venues: 1, saleTypes: 1, menu: 2, customers: 2, customer: 1, invalidateCatalog: 0,
    });
    for (const name of ['createOrder', 'cancelOrder'] as const) {
      expect(CLOPOS_OPERATIONS[name].idempotent).toBe(false);
      expect('cache' in CLOPOS_OPERATIONS[name]).toBe(false);
    }
  });

  it('makes the shield transport refuse a request the table does not know, before it is sent', async () => {
    let sent = 0;
    const transport = shieldTransport(
      async () => {
        sent++;
        return new Response('{}');
      },
      { operations: CLOPOS_LOOKUP, budget: new Budget({ store: new MemoryBudgetStore(100) }), deadline: () => Date.now() + 5000 },
    );
    await expect(transport('http://127.0.0.1:9/v2/payment-methods')).rejects.toThrow(UnknownRoute);
    expect(sent).toBe(0);
    await transport('http://127.0.0.1:9/v2/orders');
    expect(sent).toBe(1);
  });
});
