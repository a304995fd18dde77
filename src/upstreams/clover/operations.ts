// The Clover operation table: every call the gateway makes to Clover, keyed by its generated REST
// path (a path the spec lacks does not compile), in the POS-neutral form the quota shield reads
// (src/upstreams/operation.ts): what may be repeated and cached (and under which tags), what a
// write makes stale, what counts against Clover's per-token limits. The client's methods are the
// operations (bridge.ts gives them the shield's one `call`). Adding an operation: the spec, one
// entry here, one client method.
import type { paths } from '../../../generated/clover.js';
import type { Callable, HttpMethod, OperationInfo, OperationLookup } from '../operation.js';
import type { CloverLineItem, CloverLineItemWrite, CloverListParams, CloverModification, CloverOrder, CloverOrderWrite } from './client.js';

export type CloverRoute = keyof paths;

export interface CloverOperationSpec<I = never, O = unknown> extends Callable<I, O> {
  route: CloverRoute;
  method: HttpMethod;
  /** Safe to repeat on 5xx, timeouts and 429 (reads, and the delete that undoes a half-built order). */
  idempotent: boolean;
  /** Reads: cached and coalesced under these tags. */
  cache?: { name: string; tags(input: I): string[] };
  /** Writes: the tags they make stale. */
  drops?(input: I, output: O | undefined): string[];
  /** Counts against Clover's per-token limits (16/s, 5 in flight); the OAuth refresh does not. */
  budgeted: boolean;
  cost: number;
}

function op<I = never, O = unknown>(spec: CloverOperationSpec<I, O>): CloverOperationSpec<I, O> {
  return spec;
}

export const LISTS = 'lists';
export const orderTag = (id: string) => `order:${id}`;
const orderAndLists = (input: { id: string }) => [LISTS, orderTag(input.id)];

export interface ModificationInput {
  orderId: string;
  lineItemId: string;
  body: { modifier: { id: string }; name?: string; amount?: number };
}

export const CLOVER_OPERATIONS = {
  cloverRefresh: op({ route: '/oauth/v2/refresh', method: 'POST', idempotent: false, budgeted: false, cost: 1 }),
  cloverListOrders: op<CloverListParams, CloverOrder[]>({
    route: '/v3/merchants/{mId}/orders',
    method: 'GET',
    idempotent: true,
    cache: { name: 'clover-list', tags: () => [LISTS] },
    budgeted: true,
    cost: 1,
  }),
  cloverGetOrder: op<{ id: string; expand?: string[] }, CloverOrder | null>({
    route: '/v3/merchants/{mId}/orders/{orderId}',
    method: 'GET',
    idempotent: true,
    cache: { name: 'clover-order', tags: (input) => [orderTag(input.id)] },
    budgeted: true,
    cost: 1,
  }),
  cloverListLineItems: op<{ id: string; offset: number; limit: number }, CloverLineItem[]>({
    route: '/v3/merchants/{mId}/orders/{orderId}/line_items',
    method: 'GET',
    idempotent: true,
    cache: { name: 'clover-line-items', tags: (input) => [orderTag(input.id)] },
    budgeted: true,
    cost: 1,
  }),
  cloverCreateOrder: op<CloverOrderWrite, CloverOrder>({
    route: '/v3/merchants/{mId}/orders',
    method: 'POST',
    idempotent: false,
    drops: () => [LISTS],
    budgeted: true,
    cost: 1,
  }),
  cloverUpdateOrder: op<{ id: string; body: CloverOrderWrite }, CloverOrder | null>({
    route: '/v3/merchants/{mId}/orders/{orderId}',
    method: 'POST',
    idempotent: false,
    drops: orderAndLists,
    budgeted: true,
    cost: 1,
  }),
  cloverDeleteOrder: op<{ id: string }, boolean>({
    route: '/v3/merchants/{mId}/orders/{orderId}',
    method: 'DELETE',
    idempotent: true,
    drops: orderAndLists,
    budgeted: true,
    cost: 1,
  }),
  cloverAddLineItems: op<{ id: string; items: CloverLineItemWrite[] }, CloverLineItem[]>({
    route: '/v3/merchants/{mId}/orders/{orderId}/bulk_line_items',
    method: 'POST',
    idempotent: false,
    drops: orderAndLists,
    budgeted: true,
    cost: 1,
  }),
  cloverAddModification: op<ModificationInput, CloverModification>({
    route: '/v3/merchants/{mId}/orders/{orderId}/line_items/{lineItemId}/modifications',
    method: 'POST',
    idempotent: false,
    drops: (input) => [LISTS, orderTag(input.orderId)],
    budgeted: true,
    cost: 1,
  }),
} as const;

export type CloverOperations = typeof CLOVER_OPERATIONS;
export type CloverOperation = keyof CloverOperations;

const ENTRIES = Object.entries(CLOVER_OPERATIONS) as Array<[CloverOperation, CloverOperationSpec<unknown, unknown>]>;

/** The operation a request is (from its method and path), or undefined. */
export function cloverOperationFor(method: string, path: string): CloverOperation | undefined {
  const upper = method.toUpperCase();
  for (const [name, spec] of ENTRIES) {
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

/** The table as the shield reads it. */
export const CLOVER_LOOKUP: OperationLookup = {
  operationSpec: (name) => ({ name, ...(CLOVER_OPERATIONS[name as CloverOperation] as unknown as Omit<OperationInfo, 'name'>) }),
  operationFor(method, path) {
    const name = cloverOperationFor(method, path);
    if (!name) throw new Error(`No Clover operation is ${method} ${path}: add it to src/upstreams/clover/operations.ts.`);
    return name;
  },
};
