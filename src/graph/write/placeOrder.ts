// createOrder's flow: validate, map, and send once, with idempotency keys making retries safe.
// A create is never resent on a 5xx, timeout or broken connection (the client guarantees that);
// an outcome we could not confirm is reported, and a repeat with the same key looks for the
// order among the venue's newest before sending again.
import { createHash, randomUUID } from 'node:crypto';
import type { CreateOrderInput } from '../../../generated/graphql.js';
import type { CloposApi } from '../../clopos/api.js';
import { isUpstreamError } from '../../clopos/errors.js';
import type { ClopCreateOrderRequest, ClopOrder } from '../../clopos/types.js';
import type { IdempotencyOutcome, IdempotencyRecord, IdempotencyStore } from './idempotency.js';
import { failed, userError, type OrderPayloadModel } from './payloads.js';
import { IdempotencyUnavailable, idempotencyUnavailable } from './redis-idempotency.js';
import { toCreateOrderBody } from './toClopos.js';
import { validateCreateOrder } from './validate.js';

/** How long an attempt in flight holds its key; well past the Clopos call's own timeout. */
export const IN_FLIGHT_LEASE_MS = 60_000;
/** Slack for the clock difference between the gateway and Clopos when matching a lost order. */
const CLOCK_SLACK_MS = 5 * 60_000;
const POLL_MS = 25;

export interface PlaceOrderDeps {
  clopos: CloposApi;
  store: IdempotencyStore;
  /** Who is calling: keys are theirs alone. */
  scope: string;
  now?: () => number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function placeOrder(input: CreateOrderInput, deps: PlaceOrderDeps): Promise<OrderPayloadModel> {
  const errors = validateCreateOrder(input);
  if (errors.length > 0) return failed(errors);
  const body = toCreateOrderBody(input);
  if (!input.idempotencyKey) return toPayload(await attempt(body, deps));

  const now = deps.now ?? Date.now;
  const key = `${deps.scope}:${input.idempotencyKey}`;
  const fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
  for (;;) {
    const started = now();
    const claim: IdempotencyRecord = { fingerprint, firstAttemptAt: started, leaseUntil: started + IN_FLIGHT_LEASE_MS, attemptId: randomUUID() };
    let held;
    try {
      held = await deps.store.claim(key, claim);
    } catch (error) {
      // A shared store (Redis) out of reach: refuse rather than risk a duplicate order.
      if (error instanceof IdempotencyUnavailable) return idempotencyUnavailable();
      throw error;
    }
    if (!held) return run(key, claim, body, deps);
    if (held.fingerprint !== fingerprint) {
      return failed([
        userError(['input', 'idempotencyKey'], 'IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used with a different order.'),
      ]);
    }
    const settled = await settle(key, held, body, deps, now);
    // Undefined: the attempt created nothing for sure and freed the key; claim it afresh.
    if (settled) return settled;
  }
}

/**
 * A repeat of a key that is held: waits for the attempt in flight and answers its outcome. When
 * that outcome is unknown (or the attempt stalled past its lease), exactly one repeat takes over,
 * the one that claims the attempt's takeover marker: it looks for the order and sends again only
 * when it is not there. The other repeats keep waiting for that takeover's outcome.
 */
async function settle(
  key: string,
  first: IdempotencyRecord,
  body: ClopCreateOrderRequest,
  deps: PlaceOrderDeps,
  now: () => number,
): Promise<OrderPayloadModel | undefined> {
  // Bounded even if a takeover elsewhere died without a word (a crashed instance on a shared store).
  const giveUpAt = now() + IN_FLIGHT_LEASE_MS;
  let held = first;
  for (;;) {
    if (held.outcome && held.outcome.kind !== 'unknown') return toPayload(held.outcome);
    const stalled = !held.outcome && (held.leaseUntil ?? 0) <= now();
    if (held.outcome || stalled) {
      const marker = `${key}#after:${held.attemptId ?? held.firstAttemptAt}`;
      if (!(await deps.store.claim(marker, { fingerprint: held.fingerprint, firstAttemptAt: now() }))) {
        return takeOver(key, marker, held, body, deps, now);
      }
    }
    if (now() > giveUpAt) return toPayload({ kind: 'unknown' });
    await sleep(POLL_MS);
    const current = await deps.store.get(key);
    if (!current || current.fingerprint !== held.fingerprint) return undefined;
    held = current;
  }
}

/** The attempt's outcome is unknown (or it never finished): it may have created the order. */
async function takeOver(
  key: string,
  marker: string,
  held: IdempotencyRecord,
  body: ClopCreateOrderRequest,
  deps: PlaceOrderDeps,
  now: () => number,
): Promise<OrderPayloadModel> {
  let lost: ClopOrder | undefined;
  try {
    lost = await findLostOrder(body, held.firstAttemptAt, deps.clopos);
  } catch (error) {
    // Nothing changed: let the next repeat take over instead of waiting on us forever.
    await deps.store.release(marker);
    throw error;
  }
  const record: IdempotencyRecord = { fingerprint: held.fingerprint, firstAttemptAt: held.firstAttemptAt };
  if (lost) {
    const outcome: IdempotencyOutcome = { kind: 'created', orderId: lost.id, venueId: String(body.venue_id) };
    await deps.store.put(key, { ...record, outcome });
    return toPayload(outcome);
  }
  const retry = { ...record, leaseUntil: now() + IN_FLIGHT_LEASE_MS, attemptId: randomUUID() };
  await deps.store.put(key, retry);
  return run(key, retry, body, deps);
}

async function run(key: string, record: IdempotencyRecord, body: ClopCreateOrderRequest, deps: PlaceOrderDeps) {
  let outcome: IdempotencyOutcome;
  try {
    outcome = await attempt(body, deps);
  } catch (error) {
    // Thrown means Clopos created nothing for sure (refused credentials, quota, never connected).
    await deps.store.release(key);
    throw error;
  }
  const { fingerprint, firstAttemptAt, attemptId } = record;
  await deps.store.put(key, { fingerprint, firstAttemptAt, outcome, ...(attemptId ? { attemptId } : {}) });
  return toPayload(outcome);
}

async function attempt(body: ClopCreateOrderRequest, { clopos }: PlaceOrderDeps): Promise<IdempotencyOutcome> {
  try {
    const created = await clopos.createOrder(body);
    return { kind: 'created', orderId: created.id, venueId: String(created.venueId ?? body.venue_id) };
  } catch (error) {
    if (isUpstreamError(error) && error.code === 'UPSTREAM_BAD_REQUEST') {
      return { kind: 'rejected', userErrors: [userError(['input'], 'UPSTREAM_REJECTED', rejection(error.upstreamMessage))] };
    }
    if (isUpstreamError(error) && error.code === 'UPSTREAM_OUTCOME_UNKNOWN') return { kind: 'unknown' };
    throw error;
  }
}

/** Clopos's reason is useful to a person, unless it looks like it carries a secret or an address. */
function rejection(message: string | undefined): string {
  const generic = 'Clopos rejected the order.';
  if (!message || message.length > 300 || /eyJ[\w-]{8,}|secret|token|password|https?:\/\//i.test(message)) return generic;
  return `Clopos rejected the order: ${message}`;
}

function toPayload(outcome: IdempotencyOutcome): OrderPayloadModel {
  switch (outcome.kind) {
    case 'created':
      return { order: { id: outcome.orderId, venueId: outcome.venueId }, userErrors: [] };
    case 'rejected':
      return failed(outcome.userErrors);
    case 'unknown':
      return failed([
        userError(
          ['input'],
          'UPSTREAM_OUTCOME_UNKNOWN',
          'Clopos did not confirm the order; it may or may not exist. Repeat with the same idempotencyKey to settle it safely.',
        ),
      ]);
  }
}

function lineSignature(lines: Array<{ id?: number; count?: number; price?: number }>): string {
  return JSON.stringify(lines.map((l) => [l.id, l.count, l.price]).sort());
}

/** The venue's newest orders since the first attempt, looking for one with the same customer phone and lines. */
async function findLostOrder(body: ClopCreateOrderRequest, since: number, clopos: CloposApi): Promise<ClopOrder | undefined> {
  const from = since - CLOCK_SLACK_MS;
  const { orders } = await clopos.listOrders({
    page: 1,
    limit: 50,
    venueId: String(body.venue_id),
    createdFrom: new Date(from).toISOString().slice(0, 10),
    sort: { field: 'created_at', direction: -1 },
  });
  const wanted = lineSignature(body.products.map((p) => ({ id: p.product_id, count: p.count, price: p.price })));
  return orders.find(
    (order) =>
      Date.parse(order.created_at ?? '') >= from &&
      (order.payload?.customer?.phone ?? undefined) === body.customer.phone &&
      lineSignature(
        (order.payload?.products ?? []).map((p) => ({ id: p.product_id, count: p.count ?? p.meta?.order_product?.count, price: p.meta?.price })),
      ) === wanted,
  );
}
