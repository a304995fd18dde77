// createOrder's flow: validate, map, and send once, with idempotency keys making retries safe.
// A create is never resent on a 5xx, timeout or broken connection (the client guarantees that).
// When its outcome is unknown, a repeat with the same key first waits out the attempt's commit
// window (Clopos may still be processing it), then looks for the order by the marker only that
// attempt put in its lines' product_hash, and sends again only when the search proves it absent.
import { createHash, randomUUID } from 'node:crypto';
import type { CreateOrderInput } from '../../../generated/graphql.js';
import { isUpstreamError } from '../../upstreams/errors.js';
import type { Order } from '../../domain/order.js';
import type { NewOrder, OrderUpstream } from '../../domain/upstream.js';
import { DEFAULT_COMMIT_WINDOW_MS } from '../../config.js';
import { currentScope } from '../../request-scope.js';
import { formatMoney, money } from '../../domain/money.js';
import type { AttemptRecord, IdempotencyOutcome, IdempotencyRecord, IdempotencyStore } from './idempotency.js';
import { failed, userError, type OrderPayloadModel } from './payloads.js';
import { IdempotencyUnavailable, idempotencyUnavailable } from './redis-idempotency.js';
import { markerOf, toNewOrder } from './new-order.js';
import { validateCreateOrder } from './validate.js';
import type { CatalogCache } from '../catalog/cache.js';
import { priceFromCatalog, requireClientPrices } from '../catalog/pricing.js';

/** How long an attempt in flight holds its key; well past the Clopos call's own timeout. */
export const IN_FLIGHT_LEASE_MS = 60_000;
/** Slack for the clock difference between the gateway and Clopos when searching for an order. */
const CLOCK_SLACK_MS = 5 * 60_000;
const POLL_MS = 50;
/** Kept free at the end of a request that waits out a window, for the search (a list call or two). */
const SEARCH_RESERVE_MS = 2_000;
/**
 * The search reads at most this many orders created since the first attempt, in one list call
 * (createOrder's cost in src/http/limits.ts counts one); more is answered as unknown, never resent.
 */
const SEARCH_PAGE_SIZE = 100;
const SEARCH_MAX_PAGES = 1;
/** Outside a GraphQL request (no deadline in scope): how long a repeat may wait. */
const DEFAULT_DEADLINE_MS = 15_000;

export interface PlaceOrderDeps {
  upstream: OrderUpstream;
  /** The upstream's catalog, cached: lines are priced from it. Absent: the client's prices are taken. */
  catalog?: CatalogCache;
  store: IdempotencyStore;
  /** Who is calling: keys are theirs alone (API key name, or client address when anonymous). */
  scope: string;
  /** CLOPOS_COMMIT_WINDOW_MS: how long after an attempt started Clopos may still commit it. */
  commitWindowMs?: number;
  now?: () => number;
  /** Epoch ms by which the request must be answered; default: the request scope's deadline. */
  deadline?: number;
}

interface Flow {
  key: string;
  idempotencyKey: string;
  input: CreateOrderInput;
  fingerprint: string;
  deps: PlaceOrderDeps;
  now: () => number;
  windowMs: number;
  deadline: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The marker of one attempt: only the caller, its key and this attempt's random id give it. */
export function attemptMarker(scope: string, idempotencyKey: string, attemptId: string): string {
  return createHash('sha256').update(`${scope}\n${idempotencyKey}\n${attemptId}`).digest('hex').slice(0, 16);
}

export async function placeOrder(given: CreateOrderInput, deps: PlaceOrderDeps): Promise<OrderPayloadModel> {
  const errors = validateCreateOrder(given, deps.upstream.checkId);
  if (errors.length > 0) return failed(errors);
  // Names and prices from the venue's menu (nothing is sent when a line is wrong).
  let input = given;
  if (deps.catalog) {
    const priced = await priceFromCatalog(given, deps.catalog);
    if (!priced.ok) return failed(priced.errors);
    input = priced.input;
  } else {
    const missing = requireClientPrices(given);
    if (missing.length > 0) return failed(missing);
  }
  const now = deps.now ?? Date.now;
  if (!input.idempotencyKey) {
    // Marked too: a keyed repeat of someone else's look-alike order can then tell it is not theirs.
    const outcome = await attempt(toNewOrder(input, attemptMarker(deps.scope, '', randomUUID())), deps);
    return toPayload(outcome.kind === 'unknown' ? { kind: 'unknown', why: NO_KEY } : outcome, now());
  }
  const flow: Flow = {
    key: `${deps.scope}:${input.idempotencyKey}`,
    idempotencyKey: input.idempotencyKey,
    input,
    fingerprint: createHash('sha256').update(JSON.stringify(toNewOrder(input))).digest('base64url'),
    deps,
    now,
    windowMs: deps.commitWindowMs ?? DEFAULT_COMMIT_WINDOW_MS,
    deadline: deps.deadline ?? currentScope()?.deadline ?? now() + DEFAULT_DEADLINE_MS,
  };
  try {
    for (;;) {
      const first = newAttempt(flow);
      const claim: IdempotencyRecord = {
        fingerprint: flow.fingerprint,
        firstAttemptAt: first.startedAt,
        leaseUntil: first.startedAt + IN_FLIGHT_LEASE_MS,
        attemptId: first.id,
        attempts: [first],
      };
      const held = await deps.store.claim(flow.key, claim);
      if (!held) return await run(flow, claim);
      if (held.fingerprint !== flow.fingerprint) {
        return failed([
          userError(['input', 'idempotencyKey'], 'IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used with a different order.'),
        ]);
      }
      const settled = await settle(flow, held);
      // Undefined: the attempt created nothing for sure and freed the key; claim it afresh.
      if (settled) return settled;
    }
  } catch (error) {
    // A shared store (Redis) out of reach: refuse rather than risk a duplicate order.
    if (error instanceof IdempotencyUnavailable) return idempotencyUnavailable();
    throw error;
  }
}

function newAttempt(flow: Flow): AttemptRecord {
  const startedAt = flow.now();
  const id = randomUUID();
  // Lines with the caller's own productHash carry no marker; one marked line is enough.
  const markable = flow.input.lines.some((line) => !line.productHash);
  return {
    id,
    ...(markable ? { marker: attemptMarker(flow.deps.scope, flow.idempotencyKey, id) } : {}),
    startedAt,
    windowEndsAt: startedAt + flow.windowMs,
  };
}

/** When the key's attempts can no longer commit: the latest window end (or, in flight, its lease). */
function windowEnd(record: IdempotencyRecord, windowMs: number): number {
  const ends = (record.attempts ?? []).map((a) => a.windowEndsAt);
  return Math.max(record.firstAttemptAt + windowMs, ...ends);
}

/**
 * A repeat of a key that is held. A settled outcome (created, rejected) is answered at once. While
 * an attempt is in flight, or its outcome is unknown and its window still open, the repeat waits
 * if its own deadline allows, else answers UPSTREAM_OUTCOME_UNKNOWN with the seconds left: it never
 * sends. Once the window has closed, exactly one repeat (the one that claims the takeover marker)
 * searches for the order and sends again only when the search proves it absent.
 */
async function settle(flow: Flow, first: IdempotencyRecord): Promise<OrderPayloadModel | undefined> {
  const { deps, now } = flow;
  let held = first;
  for (;;) {
    if (held.outcome && held.outcome.kind !== 'unknown') return toPayload(held.outcome, now());
    const t = now();
    const inFlight = !held.outcome && (held.leaseUntil ?? 0) > t;
    const closesAt = windowEnd(held, flow.windowMs);
    if (!inFlight && t >= closesAt) {
      const marker = `${flow.key}#after:${held.attemptId ?? held.firstAttemptAt}`;
      if (!(await deps.store.claim(marker, { fingerprint: held.fingerprint, firstAttemptAt: t }))) return takeOver(flow, marker, held);
      // Another repeat is searching: wait for what it finds.
    }
    // In flight, the attempt may still succeed: wait for it while the deadline allows. Unknown in
    // its window: wait only when the window closes in time to search before the deadline.
    const canWait = t + POLL_MS + SEARCH_RESERVE_MS <= flow.deadline && (inFlight || t >= closesAt || closesAt + SEARCH_RESERVE_MS <= flow.deadline);
    if (!canWait) return toPayload({ kind: 'unknown', retryAt: Math.max(closesAt, t + 1000), why: IN_WINDOW }, t);
    await sleep(POLL_MS);
    const current = await deps.store.get(flow.key);
    if (!current || current.fingerprint !== held.fingerprint) return undefined;
    held = current;
  }
}

/** The attempts' windows have closed and their outcome is unknown: search by marker, then maybe resend. */
async function takeOver(flow: Flow, marker: string, held: IdempotencyRecord): Promise<OrderPayloadModel> {
  const { deps } = flow;
  const attempts = held.attempts ?? [];
  const markers = attempts.map((a) => a.marker);
  const body = toNewOrder(flow.input);
  let search: Search;
  if (attempts.length === 0 || markers.some((m) => m === undefined)) {
    search = { kind: 'unsure', why: UNMARKED };
  } else {
    try {
      search = await findMarkedOrder(body, held.firstAttemptAt, new Set(markers as string[]), deps.upstream);
    } catch (error) {
      // Nothing changed: let the next repeat search instead of waiting on us.
      await deps.store.release(marker);
      throw error;
    }
  }
  const record: IdempotencyRecord = { fingerprint: held.fingerprint, firstAttemptAt: held.firstAttemptAt, attempts };
  if (search.kind === 'found') {
    const outcome: IdempotencyOutcome = { kind: 'created', orderId: search.order.id, venueId: body.venueId };
    await deps.store.put(flow.key, { ...record, attemptId: held.attemptId ?? randomUUID(), outcome });
    return toPayload(outcome, flow.now());
  }
  if (search.kind === 'unsure') {
    // Neither adopt nor resend; a later repeat may search again (the listing may have changed).
    await deps.store.release(marker);
    return toPayload({ kind: 'unknown', why: search.why }, flow.now());
  }
  const next = newAttempt(flow);
  const retry: IdempotencyRecord = { ...record, attempts: [...attempts, next], attemptId: next.id, leaseUntil: next.startedAt + IN_FLIGHT_LEASE_MS };
  await deps.store.put(flow.key, retry);
  return run(flow, retry);
}

async function run(flow: Flow, record: IdempotencyRecord): Promise<OrderPayloadModel> {
  const { deps } = flow;
  const attempts = record.attempts ?? [];
  const current = attempts[attempts.length - 1];
  let outcome: IdempotencyOutcome;
  try {
    outcome = await attempt(toNewOrder(flow.input, current?.marker), deps);
  } catch (error) {
    // Thrown means Clopos created nothing for sure (refused credentials, quota, never connected).
    if (attempts.length > 1) {
      // A resend: the earlier attempts' outcome is still unknown; forget only this one.
      const { fingerprint, firstAttemptAt } = record;
      await deps.store.put(flow.key, { fingerprint, firstAttemptAt, attempts: attempts.slice(0, -1), attemptId: randomUUID(), outcome: { kind: 'unknown' } });
    } else {
      await deps.store.release(flow.key);
    }
    throw error;
  }
  const { fingerprint, firstAttemptAt, attemptId } = record;
  await deps.store.put(flow.key, { fingerprint, firstAttemptAt, attempts, outcome, ...(attemptId ? { attemptId } : {}) });
  if (outcome.kind !== 'unknown') return toPayload(outcome, flow.now());
  const retryAt = windowEnd(record, flow.windowMs);
  return toPayload({ kind: 'unknown', retryAt, why: current?.marker ? FIRST_UNKNOWN : UNMARKED_FIRST }, flow.now());
}

async function attempt(body: NewOrder, { upstream }: PlaceOrderDeps): Promise<IdempotencyOutcome> {
  const pos = upstream.name === 'clover' ? 'Clover' : 'Clopos';
  try {
    const created = await upstream.create(body);
    return { kind: 'created', orderId: created.id, venueId: created.venueId };
  } catch (error) {
    if (isUpstreamError(error) && error.code === 'UPSTREAM_BAD_REQUEST') {
      return { kind: 'rejected', userErrors: [userError(['input'], 'UPSTREAM_REJECTED', rejection(error.upstreamMessage, pos))] };
    }
    if (isUpstreamError(error) && error.code === 'UPSTREAM_OUTCOME_UNKNOWN') return { kind: 'unknown' };
    throw error;
  }
}

/** The POS's reason is useful to a person, unless it looks like it carries a secret or an address. */
function rejection(message: string | undefined, pos: string): string {
  const generic = `${pos} rejected the order.`;
  if (!message || message.length > 300 || /eyJ[\w-]{8,}|secret|token|password|https?:\/\//i.test(message)) return generic;
  return `${pos} rejected the order: ${message}`;
}

const FIRST_UNKNOWN =
  'Clopos did not confirm the order; it may or may not exist. Repeat with the same idempotencyKey after retryAfter seconds: the gateway then returns the order if Clopos created it, and sends it once more only if it did not.';
const IN_WINDOW =
  'Clopos may still be processing an earlier attempt with this idempotencyKey, so nothing was sent. Repeat with the same key after retryAfter seconds.';
const NO_KEY =
  'Clopos did not confirm the order; it may or may not exist. Without an idempotencyKey the gateway cannot settle it: check the POS before placing it again.';
const UNMARKED_FIRST =
  'Clopos did not confirm the order; it may or may not exist. Every line carries your own productHash, so the gateway cannot recognise the order on a repeat: check the POS before placing it again.';
const UNMARKED =
  'Clopos did not confirm an earlier attempt with this idempotencyKey, and its lines carry no gateway marker (every line had your own productHash), so the gateway cannot tell whether it exists and will not send it again. Check the POS.';
const LOOK_ALIKE =
  'Clopos did not confirm an earlier attempt with this idempotencyKey. An order with the same lines but no gateway marker was created since, and it cannot be proven to be or not to be that attempt, so nothing was sent. Check the POS.';
const TOO_MANY =
  'Clopos did not confirm an earlier attempt with this idempotencyKey, and too many orders were created since to search them all, so nothing was sent. Check the POS.';

function toPayload(outcome: IdempotencyOutcome, now: number): OrderPayloadModel {
  switch (outcome.kind) {
    case 'created':
      return { order: { id: String(outcome.orderId), venueId: outcome.venueId }, userErrors: [] };
    case 'rejected':
      return failed(outcome.userErrors);
    case 'unknown': {
      const error = userError(['input'], 'UPSTREAM_OUTCOME_UNKNOWN', outcome.why ?? FIRST_UNKNOWN);
      if (outcome.retryAt !== undefined) error.retryAfter = Math.max(1, Math.ceil((outcome.retryAt - now) / 1000));
      return failed([error]);
    }
  }
}

type Search = { kind: 'found'; order: Order } | { kind: 'absent' } | { kind: 'unsure'; why: string };

function lineSignature(lines: Array<{ id: string | null; count: number; price: string }>): string {
  return JSON.stringify(lines.map((l) => [l.id, l.count, l.price]).sort());
}

/** The lines sent, as they read back in `currency` (prices rounded to its minor unit, as the adapter reads them). */
const sentSignature = (body: NewOrder, currency: string) =>
  lineSignature(body.lines.map((p) => ({ id: p.productId, count: p.quantity, price: formatMoney(money(p.unitPrice, currency)) })));

/**
 * The venue's orders created since the first attempt (less the clock slack), newest first, read
 * until older ones begin. An order whose lines carry one of the key's markers is its order (the
 * oldest, if a copy exists). Absent is trusted only when every such order was read and none has the
 * same lines without any gateway marker: that one could be ours with the marker lost.
 */
async function findMarkedOrder(body: NewOrder, since: number, markers: Set<string>, upstream: OrderUpstream): Promise<Search> {
  const from = since - CLOCK_SLACK_MS;

  let lookAlike = false;
  let seen = 0;
  for (let page = 1; ; page++) {
    const { orders, total } = await upstream.list({
      page,
      limit: SEARCH_PAGE_SIZE,
      venueId: body.venueId,
      createdFrom: new Date(from).toISOString().slice(0, 10),
      sort: { field: 'createdAt', direction: 'DESC' },
    });
    seen += orders.length;
    const found: Order[] = [];
    let older = false;
    for (const order of orders) {
      // An unreadable created_at counts as recent: it is searched, never skipped.
      if (Date.parse(order.createdAt ?? '') < from) {
        older = true;
        break;
      }
      const { lines } = order;
      const marks = lines.map((line) => markerOf(line.productHash));
      if (marks.some((m) => m !== undefined && markers.has(m))) found.push(order);
      else if (marks.every((m) => m === undefined)) {
        const signature = lineSignature(lines.map((p) => ({ id: p.productId, count: p.quantity, price: formatMoney(p.price) })));
        const currency = lines[0]?.price.currency;
        if (currency !== undefined && signature === sentSignature(body, currency)) lookAlike = true;
      }
    }
    // The oldest copy: the one created first (ids are opaque, so the creation time decides).
    if (found.length > 0) return { kind: 'found', order: found.reduce((a, b) => (older_(b, a) ? b : a)) };
    const complete = older || orders.length === 0 || seen >= total;
    if (complete) return lookAlike ? { kind: 'unsure', why: LOOK_ALIKE } : { kind: 'absent' };
    if (page >= SEARCH_MAX_PAGES) return { kind: 'unsure', why: lookAlike ? LOOK_ALIKE : TOO_MANY };
  }
}

/** Whether `a` was created before `b`; ties (same instant) go to the shorter, then smaller id. */
function older_(a: Order, b: Order): boolean {
  const ta = Date.parse(a.createdAt ?? '');
  const tb = Date.parse(b.createdAt ?? '');
  if (ta !== tb && !Number.isNaN(ta) && !Number.isNaN(tb)) return ta < tb;
  return a.id.length !== b.id.length ? a.id.length < b.id.length : a.id < b.id;
}
