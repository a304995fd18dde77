// The Clopos adapter: the upstream port over the Clopos client (client.ts, auth.ts), mapping REST shapes
// to the domain both ways. Clopos ids are positive integers; the graph carries them as strings.
import type { IdCheck, OrderUpstream } from '../../domain/upstream.js';
import type { CloposApi } from './api.js';
import { toCreateBody, toListParams } from './to-clopos.js';
import { toOrder } from './to-domain.js';
import { cloposCatalog } from './catalog.js';

export const DEFAULT_CURRENCY = 'AZN';

const ID = /^\d{1,15}$/;

/** The id as Clopos's number, or undefined when it is not one. */
export function parseCloposId(value: string, allowZero = false): number | undefined {
  if (!ID.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) && (allowZero ? id >= 0 : id > 0) ? id : undefined;
}

const ORDER_ID = 'a Clopos order id (a positive integer)';

/** Any other Clopos id (products, sale types, venues, terminals, customers). */
export const checkCloposId: IdCheck = (value) => (parseCloposId(value) === undefined ? 'a Clopos id (a positive whole number)' : undefined);

/** Venue ids go to Clopos as the x-venue header, in their plain form ("007" → "7"). */
function venue<T extends { venueId?: string }>(options: T): T {
  if (options.venueId === undefined) return options;
  const id = parseCloposId(options.venueId);
  return { ...options, venueId: id === undefined ? options.venueId : String(id) };
}

function orderId(value: string): number {
  const id = parseCloposId(value);
  // The graph checks ids with checkOrderId first; reaching this is a wiring bug (a plain, masked Error).
  if (id === undefined) throw new Error(`Not ${ORDER_ID}: ${JSON.stringify(value)}`);
  return id;
}

export interface CloposUpstreamOptions {
  /** CLOPOS_CURRENCY: the currency of every amount Clopos sends. Default AZN. */
  currency?: string;
}

export function cloposUpstream(api: CloposApi, options: CloposUpstreamOptions = {}): OrderUpstream {
  const currency = options.currency ?? DEFAULT_CURRENCY;
  return {
    name: 'clopos',
    capabilities: { exactTotals: true, cancelSupported: true, acceptanceStep: true },
    checkOrderId: (value) => (parseCloposId(value) === undefined ? ORDER_ID : undefined),
    checkVenueId: (value) => (parseCloposId(value) === undefined ? 'a Clopos venue id (a positive integer)' : undefined),
    checkId: checkCloposId,
    async list(query) {
      const page = await api.call('listOrders', toListParams(venue(query)));
      return { orders: page.orders.map((order) => toOrder(order, currency)), total: page.total };
    },
    async get(id, options = {}) {
      const order = await api.call('getOrder', { ...venue(options), id: orderId(id) });
      return order ? toOrder(order, currency) : null;
    },
    async create(order) {
      const created = await api.call('createOrder', toCreateBody(order));
      return { id: String(created.id), venueId: String(created.venueId ?? order.venueId) };
    },
    async cancel(id, options = {}) {
      const order = await api.call('cancelOrder', { ...venue(options), id: orderId(id) });
      return order ? toOrder(order, currency) : null;
    },
    async recentlyUpdated(page, limit) {
      const found = await api.call('listOrders', toListParams({ page, limit, sort: { field: 'updatedAt', direction: 'DESC' }, withReceipt: true }));
      return found.orders.map((order) => toOrder(order, currency));
    },
    catalog: cloposCatalog(api, currency),
  };
}
