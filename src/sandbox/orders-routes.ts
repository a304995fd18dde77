// The authenticated order endpoints (facts §1.4-1.7), after token and rate-limit checks passed.
import type { ClopCreateOrderResponse, ClopUpdateOrderResponse } from '../upstreams/clopos/types.js';
import type { Reply } from './auth-route.js';
import { VENUE_IDS } from './catalog.js';
import type { SandboxContext } from './context.js';
import { orderFromRequest, validateCreateOrder } from './create-order.js';
import { apiError, RawJson } from './http.js';
import { parseListQuery, parseWith, SORT_FIELDS } from './list-query.js';
import { listOrders, present, presentJson } from './order-list.js';
import { withoutPayload } from './orders.js';
import type { StoredOrder } from './store.js';
import { envelopeTimestamp } from './time.js';

export interface OrdersRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  /** The x-venue header, if sent. */
  venue: string | undefined;
  started: number;
}

const NOT_FOUND = apiError('not_found', 'Order not found');

function meta(started: number): { time: number; timestamp: string; unix: number } {
  const now = Date.now();
  return { time: now - started, timestamp: envelopeTimestamp(now), unix: Math.floor(now / 1000) };
}

export function handleOrders(ctx: SandboxContext, r: OrdersRequest, reply: Reply): void {
  // Without x-venue the token's brand sees all of its venues; with it, exactly one (facts §1.1).
  let venueId: number | undefined;
  if (r.venue !== undefined) {
    venueId = /^\d+$/.test(r.venue) ? Number(r.venue) : NaN;
    if (!VENUE_IDS.includes(venueId)) {
      return reply(400, apiError('invalid_parameter', `x-venue must be one of the brand's venues: ${VENUE_IDS.join(', ')}`));
    }
  }
  if (r.path === '/orders') {
    if (r.method === 'GET') return list(ctx, r, venueId, reply);
    if (r.method === 'POST') return create(ctx, r, reply);
    return reply(405, apiError('method_not_allowed', `${r.method} is not allowed on /orders`));
  }
  const match = /^\/orders\/([^/]+)$/.exec(r.path);
  if (!match) return reply(404, apiError('not_found', `No route for ${r.method} ${r.path}`));
  const id = /^\d{1,15}$/.test(match[1] ?? '') ? Number(match[1]) : NaN;
  const stored = ctx.store.get(id);
  const visible = stored && (venueId === undefined || stored.order.venue_id === venueId) ? stored : undefined;
  if (r.method === 'GET') return getOne(r, visible, reply);
  if (r.method === 'PUT') return update(ctx, r, visible, reply);
  return reply(405, apiError('method_not_allowed', `${r.method} is not allowed on /orders/{id}`));
}

function list(ctx: SandboxContext, r: OrdersRequest, venueId: number | undefined, reply: Reply): void {
  const parsed = parseListQuery(r.query);
  if (!parsed.ok) return reply(400, apiError('invalid_parameter', parsed.message));
  const { total, page } = listOrders(ctx.store.values(), parsed.value, venueId);
  // The ClopOrderList envelope, spliced from cached order JSON (see presentJson).
  const data = page.map((s) => presentJson(s, parsed.value.receipt)).join(',');
  const rest = JSON.stringify({ total, ...meta(r.started), sorts: SORT_FIELDS });
  reply(200, new RawJson(`{"success":true,"data":[${data}],${rest.slice(1)}`));
}

function getOne(r: OrdersRequest, stored: StoredOrder | undefined, reply: Reply): void {
  const fields = parseWith(r.query);
  if (!fields.ok) return reply(400, apiError('invalid_parameter', fields.message));
  if (!stored) return reply(404, NOT_FOUND);
  reply(200, { success: true, data: present(stored, fields.value), ...meta(r.started) });
}

function create(ctx: SandboxContext, r: OrdersRequest, reply: Reply): void {
  const valid = validateCreateOrder(r.body);
  if (!valid.ok) return reply(400, apiError('validation_failed', valid.message));
  const { order } = ctx.store.insert((id, nowSec) => orderFromRequest(valid.value, id, nowSec));
  const body: ClopCreateOrderResponse = {
    success: true,
    message: 'Order created',
    data: {
      status: 'PENDING',
      payload: { updated_at: order.updated_at, created_at: order.created_at, id: order.id, venue_id: order.venue_id },
    },
  };
  reply(200, body);
}

function update(ctx: SandboxContext, r: OrdersRequest, stored: StoredOrder | undefined, reply: Reply): void {
  if (!stored) return reply(404, NOT_FOUND);
  const body = r.body;
  // "Request body must include only the status field", and IGNORE is the only value (facts §1.7).
  const onlyIgnore =
    body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 1 && (body as { status?: unknown }).status === 'IGNORE';
  if (!onlyIgnore) return reply(400, apiError('validation_failed', 'Status is not allowed'));
  const moved = ctx.store.setStatus(stored.order.id, 'IGNORE') ?? stored;
  const answer: ClopUpdateOrderResponse = { success: true, data: withoutPayload(moved.order) };
  reply(200, answer);
}
