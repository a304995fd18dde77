// The Clover operation table: every call the gateway makes to Clover, keyed by its generated REST
// path (a path the spec lacks does not compile). The client names its calls by these keys; the
// Clover shield (shield.ts) reads `idempotent` (GETs may be retried) and `budgeted` (spends the
// per-token rate gate). Adding an operation: the spec, one entry here, one client method.
import type { paths } from '../../../generated/clover.js';

export type CloverRoute = keyof paths;
type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface CloverOperationSpec {
  route: CloverRoute;
  method: HttpMethod;
  /** Safe to repeat on 5xx, timeouts and 429 (reads, and the delete that undoes a half-built order). */
  idempotent: boolean;
  /** Counts against Clover's per-token limits (16/s, 5 in flight); the OAuth refresh does not. */
  budgeted: boolean;
}

function op<const S extends CloverOperationSpec>(spec: S): S {
  return spec;
}

export const CLOVER_OPERATIONS = {
  cloverRefresh: op({ route: '/oauth/v2/refresh', method: 'POST', idempotent: false, budgeted: false }),
  cloverListOrders: op({ route: '/v3/merchants/{mId}/orders', method: 'GET', idempotent: true, budgeted: true }),
  cloverGetOrder: op({ route: '/v3/merchants/{mId}/orders/{orderId}', method: 'GET', idempotent: true, budgeted: true }),
  cloverListLineItems: op({ route: '/v3/merchants/{mId}/orders/{orderId}/line_items', method: 'GET', idempotent: true, budgeted: true }),
  cloverCreateOrder: op({ route: '/v3/merchants/{mId}/orders', method: 'POST', idempotent: false, budgeted: true }),
  cloverUpdateOrder: op({ route: '/v3/merchants/{mId}/orders/{orderId}', method: 'POST', idempotent: false, budgeted: true }),
  cloverDeleteOrder: op({ route: '/v3/merchants/{mId}/orders/{orderId}', method: 'DELETE', idempotent: true, budgeted: true }),
  cloverAddLineItems: op({ route: '/v3/merchants/{mId}/orders/{orderId}/bulk_line_items', method: 'POST', idempotent: false, budgeted: true }),
  cloverAddModification: op({
    route: '/v3/merchants/{mId}/orders/{orderId}/line_items/{lineItemId}/modifications',
    method: 'POST',
    idempotent: false,
    budgeted: true,
  }),
} as const;

export type CloverOperation = keyof typeof CLOVER_OPERATIONS;

/** The operation a request is (from its method and path), or undefined. */
export function cloverOperationFor(method: string, path: string): CloverOperation | undefined {
  const upper = method.toUpperCase();
  for (const [name, spec] of Object.entries(CLOVER_OPERATIONS) as Array<[CloverOperation, CloverOperationSpec]>) {
    if (spec.method !== upper) continue;
    const pattern = new RegExp(`^${spec.route.replace(/\{[^}]+\}/g, '[^/]+')}/?$`);
    if (pattern.test(path)) return name;
  }
  return undefined;
}

/** `/v3/merchants/X/orders/Y` → its table route (a bounded metrics label with no ids), or `other`. */
export function cloverRoute(method: string, path: string): string {
  const name = cloverOperationFor(method, path);
  return name ? CLOVER_OPERATIONS[name].route : 'other';
}
