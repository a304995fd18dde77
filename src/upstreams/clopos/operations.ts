// The Clopos operation table: every call the gateway makes to Clopos, keyed by its generated REST
// path (a path the spec does not have does not compile). Each entry says how to send the request
// (openapi-fetch, typed by the spec) and how to read the answer out of Clopos's `{success,data}`
// envelope; the client's one `call`, the shield (budget, retries, cache and its tags, coalescing,
// what a write drops), the transport, the metrics labels and the query-cost rule all read it.
// A request no entry matches is an error, never a fallback.
// Adding an operation: the spec, one entry here, one adapter method (src/upstreams/clopos/index.ts).
import type { Client } from 'openapi-fetch';
import type { paths } from '../../../generated/clopos.js';
import type { CreatedOrder, GetOrderOptions, ListOrdersParams, OrderPage } from './api.js';
import { getOrderQuery, listOrdersQuery } from './query.js';
import type { ClopCreateOrderRequest, ClopOrder } from './types.js';
import type { CustomersPage, ProductsPage } from './catalog.js';
import type { ClopCatalogCustomer, ClopCreateCustomerRequest, ClopSaleType, ClopStopListEntry, ClopVenue } from './catalog-to-domain.js';
import { UpstreamError, malformed } from '../errors.js';
import type { Callable, CallableName, HttpMethod, OperationApi, OperationInfo, OperationLookup } from '../operation.js';

export type Route = keyof paths;

/** The methods the spec defines for a route. */
type MethodsOf<R extends Route> = {
  [M in HttpMethod]: Lowercase<M> extends keyof paths[R] ? (paths[R][Lowercase<M>] extends undefined | never ? never : M) : never;
}[HttpMethod];

/** What openapi-fetch answers: the parsed body (typed by the spec) or error body, and the response. */
export interface Sent<B> {
  data?: B;
  error?: unknown;
  response: Response;
}

export interface OperationSpec<R extends Route = Route, I = never, O = unknown, B = unknown> extends Callable<I, O> {
  route: R;
  method: MethodsOf<R>;
  /** Safe to repeat (retries on 5xx, timeouts, broken connections); never for a create. */
  idempotent: boolean;
  /** Its answers go in the GET cache (and are coalesced), tagged so that a write can drop them. */
  cache?: { name: string; tags(input: I): string[] };
  /** A write: the cache tags it makes stale (`output` undefined when its outcome is unknown). */
  drops?(input: I, output: O | undefined): string[];
  /** Spends the shared data budget (/auth has its own quota). */
  budgeted: boolean;
  /** Clopos calls one use of it costs at most (the query-cost rule adds these up). */
  cost: number;
  /** A create: an answer lost after sending means the order may or may not exist. */
  create?: boolean;
  /** Clopos documents 404 as "none": the answer is null, not an error. */
  nullOn404?: boolean;
  /** Sends it with openapi-fetch (absent for /auth, which auth.ts sends itself). */
  send?(http: Client<paths>, input: I, signal: AbortSignal): Promise<Sent<B>>;
  /** The answer, from a body already checked to be `{success:true,…}`; throws when it is not usable. */
  read?(body: B, input: I, response: Response): O;
}

export function operation<R extends Route, I = never, O = unknown, B = unknown>(spec: OperationSpec<R, I, O, B>): OperationSpec<R, I, O, B> {
  return spec;
}

/** Cache tags: every list, or everything about one order id. */
export const LISTS_TAG = 'lists';
export const orderTag = (id: number) => `order:${id}`;

export type GetOrderInput = { id: number } & GetOrderOptions;
export type CancelOrderInput = { id: number; venueId?: string };
export type ListProductsInput = { page: number; limit: number; venueId?: string; with: string[] };
export type StopListInput = { venueId?: string };
export type ListCustomersInput = { page: number; limit: number; filters: Array<[string, string | string[]]> };
/** Customer lists and records: a create makes them stale. */
export const CUSTOMERS_TAG = 'customers';

export const CLOPOS_OPERATIONS = {
  auth: operation({ route: '/auth', method: 'POST', idempotent: true, budgeted: false, cost: 1 }),

  listOrders: operation({
    route: '/orders',
    method: 'GET',
    idempotent: true,
    cache: { name: 'list', tags: () => [LISTS_TAG] },
    budgeted: true,
    cost: 1,
    send: (http, params: ListOrdersParams, signal) =>
      http.GET('/orders', { params: { query: listOrdersQuery(params), header: venueHeader(params.venueId) }, signal }),
    read(body, _params, response): OrderPage {
      if (!Array.isArray(body.data)) throw malformed('listOrders', response.status);
      // /common-objects documents a top-level `total`; an older orders page showed `pagination`.
      const total = body.total ?? body.pagination?.total;
      return { orders: body.data, total: typeof total === 'number' ? total : body.data.length };
    },
  }),

  getOrder: operation({
    route: '/orders/{id}',
    method: 'GET',
    idempotent: true,
    cache: { name: 'order', tags: (input: GetOrderInput) => [orderTag(input.id)] },
    budgeted: true,
    cost: 1,
    nullOn404: true,
    send: (http, { id, ...options }: GetOrderInput, signal) =>
      http.GET('/orders/{id}', { params: { path: { id }, query: getOrderQuery(options.withReceipt), header: venueHeader(options.venueId) }, signal }),
    read(body, _input, response): ClopOrder | null {
      if (!isObject(body.data)) throw malformed('getOrder', response.status);
      return body.data;
    },
  }),

  createOrder: operation({
    route: '/orders',
    method: 'POST',
    idempotent: false,
    // Also when the outcome is unknown: the order may exist, and lists may show it.
    drops: (_body: ClopCreateOrderRequest, created: CreatedOrder | undefined) => (created ? [LISTS_TAG, orderTag(created.id)] : [LISTS_TAG]),
    budgeted: true,
    cost: 1,
    create: true,
    send: (http, body: ClopCreateOrderRequest, signal) => http.POST('/orders', { body, signal }),
    read(body, _order, response): CreatedOrder {
      // The OpenAPI example has the id at data.payload.id, the prose page at data.id.
      const created = body.data;
      const id = integer(created?.payload?.id) ?? integer(created?.id);
      if (id === undefined) {
        throw new UpstreamError({ operation: 'createOrder', code: 'UPSTREAM_OUTCOME_UNKNOWN', reason: 'unidentifiable', status: response.status });
      }
      const venueId = integer(created?.payload?.venue_id) ?? integer(created?.venue_id);
      return venueId === undefined ? { id } : { id, venueId };
    },
  }),

  cancelOrder: operation({
    route: '/orders/{id}',
    method: 'PUT',
    idempotent: false,
    drops: (input: CancelOrderInput) => [LISTS_TAG, orderTag(input.id)],
    budgeted: true,
    cost: 1,
    nullOn404: true,
    // Clopos cancels with exactly {"status":"IGNORE"}.
    send: (http, { id, venueId }: CancelOrderInput, signal) =>
      http.PUT('/orders/{id}', { params: { path: { id }, header: venueHeader(venueId) }, body: { status: 'IGNORE' }, signal }),
    read(body, { id }): ClopOrder | null {
      // The PUT answer may be just {id, status} or carry no data at all; the cancel still happened.
      return isObject(body.data) && typeof body.data.id === 'number' ? body.data : { id, status: 'IGNORE' };
    },
  }),

  // The catalog (facts §1.9). Venues, sale types, products and the stop-list are not in the GET
  // cache: the graph's catalog cache (CATALOG_TTL_MS, STOP_LIST_TTL_MS) keeps them and coalesces
  // cold reads, and invalidateCatalog must reach Clopos at once.
  listVenues: operation({
    route: '/venues',
    method: 'GET',
    idempotent: true,
    budgeted: true,
    cost: 1,
    send: (http, _input: Record<string, never>, signal) => http.GET('/venues', { signal }),
    read(body, _input, response): ClopVenue[] {
      if (!Array.isArray(body.data)) throw malformed('listVenues', response.status);
      return body.data;
    },
  }),

  listSaleTypes: operation({
    route: '/sale-types',
    method: 'GET',
    idempotent: true,
    budgeted: true,
    cost: 1,
    send: (http, _input: Record<string, never>, signal) => http.GET('/sale-types', { signal }),
    read(body, _input, response): ClopSaleType[] {
      if (!Array.isArray(body.data)) throw malformed('listSaleTypes', response.status);
      return body.data;
    },
  }),

  listProducts: operation({
    route: '/products',
    method: 'GET',
    idempotent: true,
    budgeted: true,
    cost: 1,
    send: (http, input: ListProductsInput, signal) =>
      http.GET('/products', {
        params: {
          query: { page: input.page, limit: input.limit, with: Object.fromEntries(input.with.map((w, i) => [String(i), w])) },
          header: venueHeader(input.venueId),
        },
        signal,
      }),
    read(body, _input, response): ProductsPage {
      if (!Array.isArray(body.data)) throw malformed('listProducts', response.status);
      // `total` per /common-objects; the Go client reads `meta.last_page` for products.
      const total = integer(body.total) ?? integer(body.meta?.total) ?? integer(body.pagination?.total);
      const lastPage = integer(body.meta?.last_page);
      return { products: body.data, ...(total === undefined ? {} : { total }), ...(lastPage === undefined ? {} : { lastPage }) };
    },
  }),

  getStopList: operation({
    route: '/products/stop-list',
    method: 'GET',
    idempotent: true,
    budgeted: true,
    cost: 1,
    send: (http, input: StopListInput, signal) => http.GET('/products/stop-list', { params: { header: venueHeader(input.venueId) }, signal }),
    read(body, _input, response): ClopStopListEntry[] {
      if (!Array.isArray(body.data)) throw malformed('getStopList', response.status);
      return body.data;
    },
  }),

  listCustomers: operation({
    route: '/customers',
    method: 'GET',
    idempotent: true,
    cache: { name: 'customers', tags: () => [CUSTOMERS_TAG] },
    budgeted: true,
    cost: 1,
    send: (http, input: ListCustomersInput, signal) =>
      http.GET('/customers', {
        params: {
          query: {
            page: input.page,
            limit: input.limit,
            ...(input.filters.length > 0 ? { filters: Object.fromEntries(input.filters.map(([field, value], n) => [String(n), { 0: field, 1: value }])) } : {}),
          },
        },
        signal,
      }),
    read(body, _input, response): CustomersPage {
      if (!Array.isArray(body.data)) throw malformed('listCustomers', response.status);
      const total = integer(body.total) ?? integer(body.pagination?.total);
      return { customers: body.data, total: total ?? body.data.length };
    },
  }),

  getCustomer: operation({
    route: '/customers/{id}',
    method: 'GET',
    idempotent: true,
    cache: { name: 'customer', tags: () => [CUSTOMERS_TAG] },
    budgeted: true,
    cost: 1,
    nullOn404: true,
    send: (http, { id }: { id: number }, signal) => http.GET('/customers/{id}', { params: { path: { id } }, signal }),
    read(body, _input, response): ClopCatalogCustomer | null {
      if (!isObject(body.data)) throw malformed('getCustomer', response.status);
      return body.data;
    },
  }),

  createCustomer: operation({
    route: '/customers',
    method: 'POST',
    idempotent: false,
    drops: () => [CUSTOMERS_TAG],
    budgeted: true,
    cost: 1,
    send: (http, body: ClopCreateCustomerRequest, signal) => http.POST('/customers', { body, signal }),
    read(body, _input, response): ClopCatalogCustomer {
      if (!isObject(body.data)) throw malformed('createCustomer', response.status);
      return body.data;
    },
  }),
};

export type UpstreamOperation = keyof typeof CLOPOS_OPERATIONS;
/** The operations CloposApi.call sends (all but /auth). */
export type CloposCall = CallableName<typeof CLOPOS_OPERATIONS>;
export type CloposCalls = OperationApi<typeof CLOPOS_OPERATIONS>;

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

const ENTRIES = Object.entries(CLOPOS_OPERATIONS) as Array<[UpstreamOperation, OperationSpec<Route, never, unknown, unknown>]>;

// The most literal routes first, so `/orders/{id}` never shadows a fixed `/orders/stats`.
const MATCHERS = ENTRIES.map(([name, spec]) => ({
  name,
  spec,
  regex: pattern(spec.route),
  literal: spec.route.split('/').filter((s) => s && !s.startsWith('{')).length,
})).sort((a, b) => b.literal - a.literal);

/** The operation a request is, from its method and path (base path allowed before the route). */
export function operationFor(method: string, path: string): UpstreamOperation {
  const upper = method.toUpperCase();
  const found = MATCHERS.find((m) => m.spec.method === upper && m.regex.test(path));
  if (!found) throw new UnknownRoute(upper, path);
  return found.name;
}

/** What the shield, transport and metrics need of an operation (POS-neutral). */
export const operationSpec = (name: string): OperationInfo & { name: UpstreamOperation } => {
  const spec = (CLOPOS_OPERATIONS as unknown as Record<string, OperationSpec<Route, never, unknown, unknown>>)[name];
  if (!spec) throw new Error(`No Clopos operation is named ${name}.`);
  return { ...(spec as unknown as Omit<OperationInfo, 'name'>), name: name as UpstreamOperation };
};

/** The Clopos table as the shield reads it. */
export const CLOPOS_LOOKUP: OperationLookup = { operationFor, operationSpec };

/** Worst-case Clopos calls of `count` uses of each named operation. */
export function costOf(uses: Partial<Record<UpstreamOperation, number>>): number {
  return (Object.entries(uses) as Array<[UpstreamOperation, number]>).reduce((sum, [name, count]) => sum + CLOPOS_OPERATIONS[name].cost * count, 0);
}

function venueHeader(venueId: string | undefined): { 'x-venue'?: string } {
  return venueId === undefined ? {} : { 'x-venue': venueId };
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Ids are numbers in the docs; a numeric string is tolerated. */
function integer(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}
