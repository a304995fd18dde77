// Clopos reads PHP/Laravel bracket notation (`date[0]=…&filters[0][1][0]=…`). openapi-fetch's
// built-in serializer only does OpenAPI styles (deepObject cannot nest arrays), so the client
// hands every query to `serializeQuery` instead.
import qs from 'qs';
import type { ListOrdersParams } from './api.js';
import type { ClopListQuery } from './types.js';

/** The one `with` value Clopos documents for orders: the receipt's id, notification id and status. */
export const RECEIPT_WITH = 'receipt:id,service_notification_id,status';

/**
 * Bracket notation with literal brackets and percent-encoded values, as the docs write it:
 * `with[0]=receipt%3Aid%2Cservice_notification_id%2Cstatus`. Objects keyed 0, 1, … and arrays
 * both come out as `key[N]`; undefined members are left out.
 */
export function serializeQuery(query: Record<string, unknown>): string {
  return qs.stringify(query, { encodeValuesOnly: true, arrayFormat: 'indices' });
}

/** The `GET /orders` query for a ListOrdersParams (everything but `venueId`, which is a header). */
export function listOrdersQuery(params: ListOrdersParams): ClopListQuery {
  // Insertion order is the order on the wire: page, limit, status, date, sort, filters, with.
  const query: ClopListQuery = { page: params.page, limit: params.limit };
  if (params.status !== undefined) query.status = params.status;
  if (params.createdFrom !== undefined || params.createdTo !== undefined) {
    // Passed as given: the docs describe the range only as date[0]/date[1], silent on open ends.
    query.date = {};
    if (params.createdFrom !== undefined) query.date[0] = params.createdFrom;
    if (params.createdTo !== undefined) query.date[1] = params.createdTo;
  }
  if (params.sort) query.sort = { 0: params.sort.field, 1: params.sort.direction };
  if (params.filters && params.filters.length > 0) {
    query.filters = Object.fromEntries(
      params.filters.map(([field, value], n) => [String(n), { 0: field, 1: value }]),
    );
  }
  if (params.withReceipt) query.with = { 0: RECEIPT_WITH };
  return query;
}

/** The `GET /orders/{id}` query: only `with[0]` when the receipt is wanted. */
export function getOrderQuery(withReceipt: boolean | undefined): { with?: Record<string, string> } {
  return withReceipt ? { with: { 0: RECEIPT_WITH } } : {};
}
