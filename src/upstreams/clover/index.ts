// The Clover adapter: the upstream port over the Clover client. Ids are Clover's opaque 13-char
// strings; the merchant is the venue. createOrder follows Clover's custom-order flow (seed:
// "Create custom orders"): the order is created hidden (state null), its line items added with
// bulk_line_items (100 a call) and modifications (one call each), then `total` and `state: open`
// are set in one last update. A failure at any step deletes the hidden order, so a half-built
// order is never visible; see create() for the unknown outcomes.
import { CodedError } from '../../errors.js';
import { formatDecimal, minorDigits, money } from '../../domain/money.js';
import type { Order, Page } from '../../domain/order.js';
import type { CreatedOrder, IdCheck, ListQuery, NewOrder, OrderUpstream } from '../../domain/upstream.js';
import { UpstreamError, isUpstreamError } from '../errors.js';
import type { CloverApi, CloverLineItem, CloverLineItemWrite, CloverOrder, CloverOrderWrite } from './client.js';
import { CANCELLED_STATE, isHidden, toOrder, toStatus } from './to-domain.js';

export const CLOVER_ID = /^[0-9A-Z]{13}$/;
/** Other ids the caller gives (products of non-Clover inventory, order types, modifiers, customers). */
const ANY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const DAY_MS = 86_400_000;
/** Clover's window on order lists (facts §2.6). */
export const WINDOW_DAYS = 90;
/** Nested lists are capped at 100 (facts §2.6); an order at the cap is read page by page. */
const NESTED_CAP = 100;
/** bulk_line_items takes at most 100 items (facts §2.4). */
export const BULK_MAX = 100;
/** Line items per order for third-party apps (facts §2.2, March 2026 changelog). */
export const MAX_LINE_ITEMS = 2500;
/**
 * Modifications are one call each, per unit (facts §2.4): at Clover's 16 calls/s more than this
 * would hold a createOrder for seconds, so such an order is refused (README "Clover").
 */
export const MAX_MODIFICATION_CALLS = 100;
/** totalCount over Clover: orders counted 1000 a call, at most this many calls (README "Clover"). */
export const COUNT_CALLS = 5;
const COUNT_LIMIT = 1000;
const LIST_EXPAND = ['lineItems', 'lineItems.modifications', 'customers'];

export interface CloverUpstreamOptions {
  /** CLOVER_CURRENCY: the currency new orders are written in (reads use each order's own). */
  currency: string;
  now?: () => number;
}

const refuse = (message: string) =>
  new UpstreamError({ operation: 'cloverCreateOrder', code: 'UPSTREAM_BAD_REQUEST', reason: 'http', upstreamMessage: message, notSent: true });

export function cloverUpstream(api: CloverApi, options: CloverUpstreamOptions): OrderUpstream {
  const { currency } = options;
  const now = options.now ?? Date.now;
  const merchant = api.merchantId;

  /** The whole order: its line items page by page when the nested list hit the cap. */
  async function complete(order: CloverOrder): Promise<Order> {
    const nested = order.lineItems?.elements;
    if (!nested || nested.length < NESTED_CAP) return toOrder(order, merchant, currency);
    const items: CloverLineItem[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await api.listLineItems(order.id, offset, 1000);
      items.push(...page);
      if (page.length < 1000) break;
    }
    return toOrder(order, merchant, currency, items);
  }

  async function count(filters: string[], known: number): Promise<number> {
    let total = 0;
    for (let call = 0; call < COUNT_CALLS; call++) {
      const page = await api.listOrders({ filters, limit: COUNT_LIMIT, offset: call * COUNT_LIMIT });
      total += page.length;
      if (page.length < COUNT_LIMIT) return Math.max(total, known);
    }
    // Past the cap: at least one more than what was seen, so hasNextPage stays true while pages are full.
    return Math.max(total, known + 1);
  }

  return {
    name: 'clover',
    capabilities: { exactTotals: false, cancelSupported: true, acceptanceStep: false },
    checkOrderId: (value) => (CLOVER_ID.test(value) ? undefined : 'a Clover order id (13 letters and digits, e.g. 8WAD6KV8D90KR)'),
    checkVenueId: (value) => (CLOVER_ID.test(value) ? undefined : 'a Clover merchant id (13 letters and digits)'),
    checkId: (value) => (ANY_ID.test(value) ? undefined : 'an id of 1 to 64 letters, digits, - or _'),

    async list(query: ListQuery): Promise<Page> {
      if (query.venueId !== undefined && query.venueId !== merchant) return { orders: [], total: 0 };
      const filters = listFilters(query, now());
      if (filters === undefined) return { orders: [], total: 0 };
      const offset = (query.page - 1) * query.limit;
      const found = await api.listOrders({ filters, expand: LIST_EXPAND, limit: query.limit, offset, orderBy: orderBy(query.sort) });
      const orders = await Promise.all(found.map(complete));
      const seen = offset + found.length;
      // A short page ends the list: the total is exact without another call.
      const total = found.length < query.limit && (found.length > 0 || offset === 0) ? seen : await count(filters, seen);
      return { orders, total };
    },

    async get(id, opts = {}) {
      if (opts.venueId !== undefined && opts.venueId !== merchant) return null;
      const order = await api.getOrder(id, LIST_EXPAND);
      // Hidden orders are half-built ones (or another app's drafts): not shown.
      if (!order || isHidden(order)) return null;
      return complete(order);
    },

    create: (order) => createOrder(api, order, currency),

    async cancel(id, opts = {}) {
      if (opts.venueId !== undefined && opts.venueId !== merchant) return null;
      const before = await api.getOrder(id);
      if (!before || isHidden(before)) return null;
      if (toStatus(before) !== 'CANCELLED') {
        const after = await api.updateOrder(id, { state: CANCELLED_STATE });
        if (!after) return null;
      }
      const read = await api.getOrder(id, LIST_EXPAND);
      return read ? complete(read) : null;
    },

    // Clover has no branches: the merchant is the one venue orders go to (createOrder checks it).
    venues: async () => [{ id: merchant, name: `Clover merchant ${merchant}`, address: null, phone: null, active: true }],

    async recentlyUpdated(page, limit) {
      const found = await api.listOrders({ filters: [], expand: LIST_EXPAND, limit, offset: (page - 1) * limit, orderBy: 'modifiedTime DESC' });
      return Promise.all(found.map(complete));
    },

  };
}

function orderBy(sort: ListQuery['sort']): string {
  const field = sort?.field === 'updatedAt' ? 'modifiedTime' : sort?.field === 'id' ? 'id' : 'createdTime';
  return `${field} ${sort?.direction === 'ASC' ? 'ASC' : 'DESC'}`;
}

const startOf = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/**
 * The `filter=` list of a query; undefined when no order can match (PENDING: Clover orders have
 * no acceptance step). A createdTime span longer than 90 days is refused (BAD_USER_INPUT), never
 * cut short silently as Clover would; without createdFrom the list is the last 90 days.
 */
export function listFilters(query: ListQuery, nowMs: number): string[] | undefined {
  const filters: string[] = [];
  const from = query.createdFrom === undefined ? undefined : startOf(query.createdFrom);
  const to = query.createdTo === undefined ? undefined : startOf(query.createdTo) + DAY_MS - 1;
  if (from !== undefined && (to ?? nowMs) - from > WINDOW_DAYS * DAY_MS) {
    throw new CodedError(
      `Clover lists at most ${WINDOW_DAYS} days of orders at a time: narrow filter.createdFrom..filter.createdTo (createdTo defaults to today).`,
      'BAD_USER_INPUT',
      { field: 'filter.createdFrom' },
    );
  }
  if (from !== undefined) filters.push(`createdTime>=${from}`);
  if (to !== undefined) filters.push(`createdTime<=${to}`);
  switch (query.status) {
    case 'PENDING':
      return undefined;
    case 'CANCELLED':
      filters.push(`state=${CANCELLED_STATE}`);
      break;
    case 'DELIVERED':
      filters.push('state=locked');
      break;
    case 'RECEIVED':
      filters.push('state!=locked', `state!=${CANCELLED_STATE}`);
      break;
  }
  return filters;
}

/** A decimal amount as integer minor units of `currency`, or a refusal when it has more digits. */
function toCents(value: string, currency: string, where: string): number {
  const m = money(value, currency);
  if (formatDecimal(value) !== formatDecimal(m.minor / 10 ** minorDigits(currency))) {
    throw refuse(`${where}: ${value} has more decimals than ${currency} allows.`);
  }
  return m.minor;
}

/** The fields Clover lacks are refused here, before any call (README "Clover: what does not map"). */
export function toCloverWrites(order: NewOrder, merchantId: string, currency: string) {
  if (order.venueId !== merchantId) throw refuse(`venueId must be the Clover merchant id (${merchantId}).`);
  if (order.discount) throw refuse('discount does not map to Clover custom orders.');
  if (order.serviceCharge?.enabled) throw refuse('serviceCharge does not map to Clover custom orders.');
  if (order.deliveryFee !== undefined && Number(order.deliveryFee) !== 0) throw refuse('deliveryFee does not map to Clover; add it as a line.');
  if (order.customer.address) throw refuse('customer.address does not map to Clover orders.');
  if (order.customer.discountType !== undefined) throw refuse('customer.discountType does not map to Clover.');
  const items: Array<{ write: CloverLineItemWrite; modifications: Array<{ modifier: { id: string }; name: string; amount: number }> }> = [];
  let total = 0;
  order.lines.forEach((line, i) => {
    if ((line.portionSize ?? 1) !== 1) throw refuse(`lines[${i}].portionSize does not map to Clover (one line item is one unit).`);
    const price = toCents(line.unitPrice, currency, `lines[${i}].unitPrice`);
    const modifications = (line.modifiers ?? []).flatMap((m, j) => {
      if ((m.portionSize ?? 1) !== 1) throw refuse(`lines[${i}].modifiers[${j}].portionSize does not map to Clover.`);
      const amount = m.unitPrice === undefined ? 0 : toCents(m.unitPrice, currency, `lines[${i}].modifiers[${j}].unitPrice`);
      return Array.from({ length: m.quantity }, () => ({ modifier: { id: m.modifierId }, name: m.name, amount }));
    });
    const unit = price + modifications.reduce((s, m) => s + m.amount, 0);
    const write: CloverLineItemWrite = { name: line.name, price, itemCode: `${line.productId}|${line.productHash}`, isRevenue: true };
    if (line.note !== undefined) write.note = line.note;
    // Clover has one line item per unit (unitQty is for weighed items): quantity N is N line items.
    for (let n = 0; n < line.quantity; n++) items.push({ write, modifications });
    total += unit * line.quantity;
  });
  if (items.length > MAX_LINE_ITEMS) throw refuse(`Clover takes at most ${MAX_LINE_ITEMS} line items (units) per order, got ${items.length}.`);
  const modificationCalls = items.reduce((sum, item) => sum + item.modifications.length, 0);
  if (modificationCalls > MAX_MODIFICATION_CALLS) {
    throw refuse(`Clover applies modifiers one unit at a time; this order needs ${modificationCalls} modifier calls, at most ${MAX_MODIFICATION_CALLS} are allowed.`);
  }
  const head: CloverOrderWrite = { currency, groupLineItems: true, orderType: { id: order.saleTypeId } };
  if (order.comment !== undefined) head.note = order.comment;
  const { id: customerId, name, phone } = order.customer;
  if (customerId !== undefined) head.customers = [{ id: customerId }];
  else if (name !== undefined || phone !== undefined) head.customers = [{ ...(name ? { firstName: name } : {}), ...(phone ? { phoneNumber: phone } : {}) }];
  return { head, items, total };
}

/**
 * The custom-order flow. Outcomes: created (the order is open and complete); thrown
 * UPSTREAM_BAD_REQUEST/UNAVAILABLE/... when the order is certainly not visible (never created,
 * or the hidden order deleted after a failed step; a hidden order whose delete also failed stays
 * hidden, so still nothing is visible); UPSTREAM_OUTCOME_UNKNOWN only when the last update's
 * answer was lost and neither a read nor a delete could settle it. Then the order, if open, carries
 * the attempt's marker in its lines' product hashes, and the graph's keyed repeat finds it.
 */
async function createOrder(api: CloverApi, order: NewOrder, currency: string): Promise<CreatedOrder> {
  const { head, items, total } = toCloverWrites(order, api.merchantId, currency);
  let created: CloverOrder;
  try {
    created = await api.createOrder(head);
  } catch (error) {
    // Unknown here means a hidden order may exist: invisible, so nothing is placed. Said plainly.
    throw definite(error);
  }
  const id = created.id;
  try {
    const lineIds: string[] = [];
    for (let at = 0; at < items.length; at += BULK_MAX) {
      const chunk = items.slice(at, at + BULK_MAX);
      const stored = await api.addLineItems(id, chunk.map((c) => c.write));
      lineIds.push(...stored.map((s) => s.id));
    }
    const mods = items.flatMap((item, i) => item.modifications.map((m) => ({ lineId: lineIds[i]!, m })));
    // In parallel: the shield's gate keeps at most 5 in flight. Every one settles before cleanup.
    const results = await Promise.allSettled(mods.map(({ lineId, m }) => api.addModification(id, lineId, m)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (error) {
    await discard(api, id);
    throw definite(error);
  }
  try {
    await api.updateOrder(id, { total, state: 'open' });
    return { id, venueId: api.merchantId };
  } catch (error) {
    if (!isUpstreamError(error) || error.code !== 'UPSTREAM_OUTCOME_UNKNOWN') {
      await discard(api, id);
      throw error;
    }
    // The answer was lost: read what Clover holds. Open: it is placed. Hidden: undo it.
    const read = await api.getOrder(id).catch(() => undefined);
    if (read && !isHidden(read)) return { id, venueId: api.merchantId };
    if (await discard(api, id)) throw definite(error);
    throw error;
  }
}

/** Deletes a hidden order; true when it is gone. Best effort: a hidden order is invisible anyway. */
async function discard(api: CloverApi, id: string): Promise<boolean> {
  try {
    await api.deleteOrder(id);
    return true;
  } catch {
    return false;
  }
}

/** Nothing visible was placed: an unknown outcome becomes plain unavailability (safe to send again). */
function definite(error: unknown): unknown {
  if (!isUpstreamError(error) || error.code !== 'UPSTREAM_OUTCOME_UNKNOWN') return error;
  return new UpstreamError({ operation: error.operation, code: 'UPSTREAM_UNAVAILABLE', reason: error.reason === 'unidentifiable' ? 'malformed' : error.reason, ...(error.status === undefined ? {} : { status: error.status }) });
}

export const checkCloverId: IdCheck = (value) => (CLOVER_ID.test(value) ? undefined : 'a Clover id (13 letters and digits)');
