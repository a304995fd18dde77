// The merchant API under /v3/merchants/{mId} (facts §2.2-§2.7): orders, line items, bulk line
// items, modifications. Pure request → answer; auth, limits, faults and logging are in server.ts.
import type { CloverLineItem, CloverOrder } from './contract.js';
import { presentLine, presentOrder } from './present.js';
import {
  ALLOWED_FILTER_HEADER, CloverHttpError, compareBy, matches, ORDER_FILTER_FIELDS, parseExpand, parseFilter, parseOrderBy, parsePage, windowFilters,
} from './query.js';
import type { CloverStore } from './store.js';

export interface Answer {
  status: number;
  /** undefined: an empty body (DELETE). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface MerchantRequest {
  method: string;
  /** Path after /v3/merchants/{mId}. */
  path: string;
  params: URLSearchParams;
  body: unknown;
  /** http://host:port/v3/merchants/{mId} */
  base: string;
  rawQuery: string;
}

/** Most line items one order may hold for a third-party app (facts §2.2, March 2026 changelog). */
export const MAX_LINE_ITEMS = 2500;
/** Per bulk_line_items call (facts §2.2, §2.4). */
export const MAX_BULK = 100;

const ROUTES: Array<[string, RegExp]> = [
  ['GET /orders', /^\/orders\/?$/],
  ['POST /orders', /^\/orders\/?$/],
  ['GET /orders/{orderId}', /^\/orders\/([^/]+)$/],
  ['POST /orders/{orderId}', /^\/orders\/([^/]+)$/],
  ['DELETE /orders/{orderId}', /^\/orders\/([^/]+)$/],
  ['GET /orders/{orderId}/line_items', /^\/orders\/([^/]+)\/line_items$/],
  ['POST /orders/{orderId}/line_items', /^\/orders\/([^/]+)\/line_items$/],
  ['POST /orders/{orderId}/bulk_line_items', /^\/orders\/([^/]+)\/bulk_line_items$/],
  ['POST /orders/{orderId}/line_items/{lineItemId}/modifications', /^\/orders\/([^/]+)\/line_items\/([^/]+)\/modifications$/],
  ['DELETE /orders/{orderId}/line_items/{lineItemId}/modifications/{modificationId}', /^\/orders\/([^/]+)\/line_items\/([^/]+)\/modifications\/([^/]+)$/],
];

/** The route name of a merchant path (for the log, counts and faults), with its path parameters. */
export function matchRoute(method: string, path: string): { route: string; args: string[] } | undefined {
  for (const [route, pattern] of ROUTES) {
    if (!route.startsWith(`${method} `)) continue;
    const m = pattern.exec(path);
    if (m) return { route, args: m.slice(1).map((s) => decodeURIComponent(s)) };
  }
  return undefined;
}

const bad = (message: string) => new CloverHttpError(400, message);
const notFound = (what: string) => new CloverHttpError(404, `${what} not found`);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isCents = (v: unknown): v is number => Number.isSafeInteger(v);

function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (!isObject(body)) throw bad('Request body must be a JSON object');
  return body;
}

function optString(b: Record<string, unknown>, key: string): string | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw bad(`${key} must be a string`);
  return v;
}

function refId(b: Record<string, unknown>, key: string): { id: string } | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v) || typeof v.id !== 'string' || v.id === '') throw bad(`${key} must be an object with an id`);
  return { id: v.id };
}

/** The writable order fields (facts §2.3). paymentState is not stored on create (facts §2.7), nor here. */
function applyOrderFields(store: CloverStore, order: Partial<CloverOrder>, b: Record<string, unknown>): void {
  if ('state' in b) {
    if (b.state !== null && typeof b.state !== 'string') throw bad('state must be a string or null');
    order.state = b.state;
  }
  if (b.total !== undefined) {
    if (!isCents(b.total)) throw bad('total must be an integer amount in cents');
    order.total = b.total;
  }
  for (const key of ['note', 'title', 'externalReferenceId'] as const) {
    const v = optString(b, key);
    if (v !== undefined) order[key] = v;
  }
  const currency = optString(b, 'currency');
  if (currency !== undefined) {
    if (!/^[A-Za-z]{3}$/.test(currency)) throw bad('currency must be a three-letter ISO 4217 code');
    order.currency = currency.toUpperCase();
  }
  for (const key of ['taxRemoved', 'isVat', 'manualTransaction', 'groupLineItems', 'testMode'] as const) {
    if (b[key] === undefined) continue;
    if (typeof b[key] !== 'boolean') throw bad(`${key} must be a boolean`);
    order[key] = b[key];
  }
  const employee = refId(b, 'employee');
  if (employee) order.employee = employee;
  const orderType = refId(b, 'orderType');
  if (orderType) order.orderType = orderType;
  if (b.customers !== undefined) {
    if (!Array.isArray(b.customers)) throw bad('customers must be an array');
    order.customers = b.customers.map((c, i) => {
      if (!isObject(c)) throw bad(`customers[${i}] must be an object`);
      if (typeof c.id === 'string') {
        const known = store.customers.get(c.id);
        if (!known) throw bad(`customers[${i}].id: customer ${c.id} not found`);
        return known;
      }
      // A new customer inline: first/last name, phone, email as given.
      const customer = { id: store.newId(), ...pickStrings(c, ['firstName', 'lastName', 'phoneNumber', 'emailAddress']) };
      store.customers.set(customer.id, customer);
      return customer;
    });
  }
}

function pickStrings(o: Record<string, unknown>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (typeof o[k] === 'string') out[k] = o[k] as string;
  return out;
}

function lineFields(store: CloverStore, raw: unknown, where: string): Omit<CloverLineItem, 'id' | 'orderRef' | 'createdTime' | 'modifications'> {
  if (!isObject(raw)) throw bad(`${where} must be an object`);
  const item = raw.item === undefined ? undefined : refId(raw, 'item');
  const known = item ? store.catalogue.items.find((i) => i.id === item.id) : undefined;
  if (item && !known) throw bad(`${where}.item: item ${item.id} not found`);
  // "must include either a price or an item object with an inventory item id" (facts §2.2).
  if (raw.price === undefined && !known) throw bad(`${where}: a line item needs a price or an item id`);
  if (raw.price !== undefined && !isCents(raw.price)) throw bad(`${where}.price must be an integer amount in cents`);
  const line: Omit<CloverLineItem, 'id' | 'orderRef' | 'createdTime' | 'modifications'> = {
    name: optString(raw, 'name') ?? known?.name ?? '',
    price: (raw.price as number | undefined) ?? known?.price ?? 0,
    printed: false,
    isRevenue: true,
  };
  if (item) line.item = item;
  if (raw.unitQty !== undefined) {
    if (!Number.isSafeInteger(raw.unitQty) || (raw.unitQty as number) <= 0) throw bad(`${where}.unitQty must be a positive integer`);
    line.unitQty = raw.unitQty as number;
  }
  for (const key of ['note', 'alternateName', 'itemCode'] as const) {
    const v = optString(raw, key);
    if (v !== undefined) line[key] = v;
  }
  for (const key of ['printed', 'isRevenue'] as const) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] !== 'boolean') throw bad(`${where}.${key} must be a boolean`);
    line[key] = raw[key];
  }
  return line;
}

function roomFor(order: CloverOrder, adding: number): void {
  if (order.lineItems.length + adding > MAX_LINE_ITEMS) throw bad(`An order can hold at most ${MAX_LINE_ITEMS} line items`);
}

export function handleMerchant(store: CloverStore, r: MerchantRequest, route: string, args: string[], nowMs: number): Answer {
  const [orderId = '', lineId = '', modId = ''] = args;
  const order = () => store.visible(orderId) ?? (() => { throw notFound(`Order ${orderId}`); })();
  const line = (o: CloverOrder) => o.lineItems.find((l) => l.id === lineId) ?? (() => { throw notFound(`Line item ${lineId}`); })();
  const expand = () => parseExpand(r.params.getAll('expand'));

  switch (route) {
    case 'GET /orders': {
      const filters = windowFilters(r.params.getAll('filter').map(parseFilter), nowMs);
      const ex = expand();
      const page = parsePage(r.params);
      const sort = parseOrderBy(r.params.getAll('orderBy'));
      // Hidden (state null) orders are never listed (facts §2.3). Deleted ones only when the query
      // filters on deletedTime (a filter field in facts §2.6, which implies they can be asked for).
      const wantsDeleted = filters.some((f) => f.field === 'deletedTime' && f.op !== 'IS NULL');
      const rows = store.all().filter((o) => (wantsDeleted || o.deletedTime === undefined) && o.state !== null && filters.every((f) => matches(o, f)));
      rows.sort(compareBy(sort));
      const elements = rows.slice(page.offset, page.offset + page.limit).map((o) => presentOrder(o, ex, r.base));
      const href = `${r.base}/orders${r.rawQuery ? `?${r.rawQuery}` : ''}`;
      return { status: 200, body: { elements, href }, headers: { [ALLOWED_FILTER_HEADER]: ORDER_FILTER_FIELDS.join(',') } };
    }
    case 'GET /orders/{orderId}':
      return { status: 200, body: presentOrder(order(), expand(), r.base) };
    case 'POST /orders': {
      const b = objectBody(r.body);
      // "Creates or updates orders" (seed): a body id naming an existing order updates it.
      if (typeof b.id === 'string' && store.visible(b.id)) return update(store, store.visible(b.id) as CloverOrder, b, r.base);
      const fields: Partial<CloverOrder> = {};
      applyOrderFields(store, fields, b);
      return { status: 200, body: presentOrder(store.create(fields), parseExpand([]), r.base) };
    }
    case 'POST /orders/{orderId}':
      return update(store, order(), objectBody(r.body), r.base);
    case 'DELETE /orders/{orderId}': {
      const o = order();
      o.deletedTime = store.stamp();
      o.modifiedTime = o.deletedTime;
      return { status: 200 };
    }
    case 'GET /orders/{orderId}/line_items': {
      const o = order();
      const ex = expand();
      const page = parsePage(r.params);
      const withMods = ex.modifications || ex.fields.includes('modifications');
      const href = `${r.base}/orders/${o.id}`;
      const elements = o.lineItems.slice(page.offset, page.offset + page.limit).map((l) => presentLine(l, withMods, href));
      return { status: 200, body: { elements, href: `${href}/line_items${r.rawQuery ? `?${r.rawQuery}` : ''}` } };
    }
    case 'POST /orders/{orderId}/line_items': {
      const o = order();
      const fields = lineFields(store, objectBody(r.body), 'body');
      roomFor(o, 1);
      return { status: 200, body: presentLine(store.addLine(o, fields), false, `${r.base}/orders/${o.id}`) };
    }
    case 'POST /orders/{orderId}/bulk_line_items': {
      const o = order();
      const b = objectBody(r.body);
      if (!Array.isArray(b.items) || b.items.length === 0) throw bad('items must be a non-empty array');
      if (b.items.length > MAX_BULK) throw bad(`At most ${MAX_BULK} line items per bulk_line_items call, got ${b.items.length}`);
      // Checked as a whole first: a bad item stores none of them.
      const all = b.items.map((raw, i) => lineFields(store, raw, `items[${i}]`));
      roomFor(o, all.length);
      const href = `${r.base}/orders/${o.id}`;
      return { status: 200, body: { items: all.map((f) => presentLine(store.addLine(o, f), false, href)) } };
    }
    case 'POST /orders/{orderId}/line_items/{lineItemId}/modifications': {
      const o = order();
      const l = line(o);
      const b = objectBody(r.body);
      const modifier = refId(b, 'modifier');
      if (!modifier) throw bad('modifier.id is required');
      const known = store.catalogue.modifiers.find((m) => m.id === modifier.id);
      const name = optString(b, 'name') ?? known?.name;
      const amount = b.amount ?? known?.amount;
      // A modifier outside the sandbox's catalogue (the merchant's own) needs its name and amount.
      if (name === undefined) throw bad(`name is required for modifier ${modifier.id}`);
      if (!isCents(amount)) throw bad('amount must be an integer amount in cents');
      const m = store.addModification(o, l, { name, amount, modifier });
      const alternateName = optString(b, 'alternateName');
      if (alternateName !== undefined) m.alternateName = alternateName;
      return { status: 200, body: m };
    }
    case 'DELETE /orders/{orderId}/line_items/{lineItemId}/modifications/{modificationId}': {
      const o = order();
      const l = line(o);
      const index = l.modifications.findIndex((m) => m.id === modId);
      if (index < 0) throw notFound(`Modification ${modId}`);
      l.modifications.splice(index, 1);
      store.touch(o);
      return { status: 200 };
    }
  }
  throw notFound('Route');
}

function update(store: CloverStore, order: CloverOrder, b: Record<string, unknown>, base: string): Answer {
  const { id: _id, ...fields } = b;
  const changed: Partial<CloverOrder> = {};
  applyOrderFields(store, changed, fields);
  Object.assign(order, changed);
  store.touch(order);
  return { status: 200, body: presentOrder(order, parseExpand([]), base) };
}
