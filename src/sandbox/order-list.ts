// Applies a parsed GET /orders query to the store: venue, status, date range, filters, sort, page.
import type { ClopOrder } from '../upstreams/clopos/types.js';
import type { FilterField, ListQuery, ReceiptField, SortField } from './list-query.js';
import type { StoredOrder } from './store.js';
import { utcDay } from './time.js';

function fieldValue(stored: StoredOrder, field: FilterField): string | number | null | undefined {
  const order = stored.order;
  switch (field) {
    case 'customer_id':
      return order.payload?.customer_id ?? order.payload?.customer?.id;
    case 'sale_type_id':
      return order.payload?.sale_type_id ?? order.payload?.service?.sale_type_id;
    default:
      return order[field];
  }
}

function compare(a: StoredOrder, b: StoredOrder, field: SortField): number {
  switch (field) {
    case 'id':
      return a.order.id - b.order.id;
    case 'created_at':
      return a.createdSec - b.createdSec;
    case 'updated_at':
      return a.updatedSec - b.updatedSec;
    case 'status':
      return a.order.status < b.order.status ? -1 : a.order.status > b.order.status ? 1 : 0;
    case 'venue_id':
      return (a.order.venue_id ?? 0) - (b.order.venue_id ?? 0);
  }
}

export interface ListResult {
  total: number;
  page: StoredOrder[];
}

export function listOrders(all: Iterable<StoredOrder>, query: ListQuery, venueId: number | undefined): ListResult {
  const matching: StoredOrder[] = [];
  for (const stored of all) {
    if (venueId !== undefined && stored.order.venue_id !== venueId) continue;
    if (query.status !== undefined && stored.order.status !== query.status) continue;
    if (query.dateFrom !== undefined || query.dateTo !== undefined) {
      // Inclusive whole UTC days on created_at.
      const day = utcDay(stored.createdSec);
      if (query.dateFrom !== undefined && day < query.dateFrom) continue;
      if (query.dateTo !== undefined && day > query.dateTo) continue;
    }
    if (!query.filters.every((f) => f.values.has(fieldValue(stored, f.field) ?? ''))) continue;
    matching.push(stored);
  }
  const dir = query.sortDir;
  // Ties (same second, same status or venue) fall back to id in the same direction, so pages never overlap.
  matching.sort((a, b) => dir * (compare(a, b, query.sortField) || a.order.id - b.order.id));
  const start = (query.page - 1) * query.limit;
  return { total: matching.length, page: matching.slice(start, start + query.limit) };
}

/**
 * The same as JSON text. Serialising 50 full orders per list request dominated the cost at
 * thousands of requests a second, so each order's JSON is cached and spliced.
 */
export function presentJson(stored: StoredOrder, receiptFields: readonly ReceiptField[] | undefined): string {
  const json = (stored.json ??= JSON.stringify(stored.order));
  if (receiptFields === undefined) return json;
  const receipt = present(stored, receiptFields).receipt;
  return `${json.slice(0, -1)},"receipt":${JSON.stringify(receipt)}}`;
}

/** The order as the API shows it; with `receipt` only when with[N]=receipt asked for it. */
export function present(stored: StoredOrder, receiptFields: readonly ReceiptField[] | undefined): ClopOrder {
  if (receiptFields === undefined) return stored.order;
  const r = stored.receipt;
  if (!r) return { ...stored.order, receipt: null };
  const receipt: NonNullable<ClopOrder['receipt']> = { id: r.id };
  if (receiptFields.includes('service_notification_id')) receipt.service_notification_id = r.service_notification_id ?? null;
  if (receiptFields.includes('status')) receipt.status = r.status ?? null;
  return { ...stored.order, receipt };
}
