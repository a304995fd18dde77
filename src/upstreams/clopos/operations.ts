// The Clopos operation table: every call the gateway makes to Clopos, keyed by its generated REST
// path (a path the spec does not have does not compile). The client, the shield (budget, retries,
// cache and its tags, coalescing), the transport, the metrics labels and the query-cost rule all
// read it; nothing else routes by string. A request no entry matches is an error, never a
// fallback. Adding an operation: the spec, one entry here, one adapter method.
import type { paths } from '../../../generated/clopos.js';

export type Route = keyof paths;
type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** The methods the spec defines for a route. */
type MethodsOf<R extends Route> = {
  [M in HttpMethod]: Lowercase<M> extends keyof paths[R] ? (paths[R][Lowercase<M>] extends undefined | never ? never : M) : never;
}[HttpMethod];

export interface OperationSpec<R extends Route = Route> {
  route: R;
  method: MethodsOf<R>;
  /** Safe to repeat (retries on 5xx, timeouts, broken connections); never for a create. */
  idempotent: boolean;
  /** Its answers go in the GET cache, tagged so that a write can drop them. */
  cache?: { tags: 'lists' | 'order' };
  /** Spends the shared data budget (/auth has its own quota). */
  budgeted: boolean;
  /** Clopos calls one use of it costs at most (the query-cost rule adds these up). */
  cost: number;
}

export function operation<R extends Route>(spec: OperationSpec<R>): OperationSpec<R> {
  return spec;
}

export const CLOPOS_OPERATIONS = {
  auth: operation({ route: '/auth', method: 'POST', idempotent: true, budgeted: false, cost: 1 }),
  listOrders: operation({ route: '/orders', method: 'GET', idempotent: true, cache: { tags: 'lists' }, budgeted: true, cost: 1 }),
  getOrder: operation({ route: '/orders/{id}', method: 'GET', idempotent: true, cache: { tags: 'order' }, budgeted: true, cost: 1 }),
  createOrder: operation({ route: '/orders', method: 'POST', idempotent: false, budgeted: true, cost: 1 }),
  cancelOrder: operation({ route: '/orders/{id}', method: 'PUT', idempotent: false, budgeted: true, cost: 1 }),
} as const;

export type UpstreamOperation = keyof typeof CLOPOS_OPERATIONS;

export class UnknownRoute extends Error {
  constructor(method: string, path: string) {
    super(`No Clopos operation is ${method} ${path}: add it to src/upstreams/clopos/operations.ts.`);
    this.name = 'UnknownRoute';
  }
}

/** `/orders/{id}` → a pattern matching the end of a request path (any base path before it). */
function pattern(route: string): RegExp {
  const body = route
    .split('/')
    .map((segment) => (/^\{.+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`${body}/?$`);
}

// The most literal routes first, so `/orders/{id}` never shadows a fixed `/orders/stats`.
const MATCHERS = (Object.entries(CLOPOS_OPERATIONS) as Array<[UpstreamOperation, Omit<OperationInfo, 'name'>]>)
  .map(([name, spec]) => ({ name, spec, regex: pattern(spec.route), literal: spec.route.split('/').filter((s) => s && !s.startsWith('{')).length }))
  .sort((a, b) => b.literal - a.literal);

/** The operation a request is, from its method and path (base path allowed before the route). */
export function operationFor(method: string, path: string): UpstreamOperation {
  const upper = method.toUpperCase();
  const found = MATCHERS.find((m) => m.spec.method === upper && m.regex.test(path));
  if (!found) throw new UnknownRoute(upper, path);
  return found.name;
}

/** What the shield, transport and metrics need of an operation (the route as a plain label). */
export interface OperationInfo {
  name: UpstreamOperation;
  route: Route;
  method: HttpMethod;
  idempotent: boolean;
  cache?: { tags: 'lists' | 'order' };
  budgeted: boolean;
  cost: number;
}

export const operationSpec = (name: UpstreamOperation): OperationInfo => ({ name, ...(CLOPOS_OPERATIONS[name] as Omit<OperationInfo, 'name'>) });

/** Worst-case Clopos calls of `count` uses of each named operation. */
export function costOf(uses: Partial<Record<UpstreamOperation, number>>): number {
  return (Object.entries(uses) as Array<[UpstreamOperation, number]>).reduce((sum, [name, count]) => sum + CLOPOS_OPERATIONS[name].cost * count, 0);
}
