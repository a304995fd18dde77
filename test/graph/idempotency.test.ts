// createOrder's idempotency keys through the gateway against the sandbox, and the memory store's
// 24 h expiry on an injected clock.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_TTL_MS, MemoryIdempotencyStore, type IdempotencyRecord } from '../../src/graph/write/idempotency.js';
import { attemptMarker } from '../../src/graph/write/placeOrder.js';
import { deriveProductHash, lineHash, markerOf } from '../../src/graph/write/new-order.js';
import type { Caller } from '../../src/http/request-state.js';
import { idempotencyScope } from '../../src/server.js';
import { SINGLE_CALL, startTestGateway, type TestGateway } from '../support/gateway.js';
import { CREATE_FULL, CREATE_ID_ONLY, creates, simpleInput, until, type CreateResult } from './write-support.js';

const TIMEOUT_MS = 600;
/** CLOPOS_COMMIT_WINDOW_MS, short here: a repeat waits it out (inside its deadline) before searching. */
const WINDOW_MS = 800;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ client: { timeoutMs: TIMEOUT_MS }, gateway: { commitWindowMs: WINDOW_MS }, deps: { shield: SINGLE_CALL } });
});
afterAll(() => gw.close());
beforeEach(() => gw.sandbox.control.reset());

/** Keys outlive sandbox resets in the gateway's store: each test uses fresh ones. */
const freshKey = () => `key-${randomUUID()}`;
const create = (input: Record<string, unknown>, headers?: Record<string, string>, target = gw) =>
  target.gql<CreateResult>(CREATE_ID_ONLY, { input }, headers);
const orderIds = (target = gw) => new Set(target.sandbox.control.orders().map((o) => o.id));
const newOrders = (before: Set<number>, target = gw) => target.sandbox.control.orders().filter((o) => !before.has(o.id));
const createdId = (result: { data?: CreateResult | null }) => {
  expect(result.data?.createOrder.userErrors).toEqual([]);
  return result.data!.createOrder.order!.id;
};
const onlyError = (result: { data?: CreateResult | null }) => {
  expect(result.data?.createOrder.order).toBeNull();
  const [error, ...more] = result.data!.createOrder.userErrors;
  expect(more).toHaveLength(0);
  return error!;
};
const slowCreate = (latencyMs: number, extra: Record<string, unknown> = {}) =>
  gw.sandbox.control.injectFault({ method: 'POST', path: '/orders', latencyMs, times: 1, ...extra });

describe('createOrder with an idempotencyKey', () => {
  it('returns the first order on a repeat and sends no second POST', async () => {
    const input = simpleInput({ idempotencyKey: freshKey() });
    const before = orderIds();
    const first = createdId(await create(input));
    const again = await gw.gql<CreateResult>(CREATE_FULL, { input });
    expect(again.data?.createOrder.userErrors).toEqual([]);
    expect(again.data?.createOrder.order).toMatchObject({ id: first, status: 'PENDING', lines: [{ name: 'Plov' }] });
    expect(creates(gw)).toHaveLength(1);
    expect(newOrders(before).map((o) => String(o.id))).toEqual([first]);
  });

  it('makes a repeat sent while the first is in flight wait for it and return the same order', async () => {
    const input = simpleInput({ idempotencyKey: freshKey() });
    const before = orderIds();
    slowCreate(300);
    const [a, b] = await Promise.all([create(input), create(input)]);
    expect(createdId(b)).toBe(createdId(a));
    expect(creates(gw)).toHaveLength(1);
    expect(newOrders(before)).toHaveLength(1);
  });

  it('refuses the same key with a different input as IDEMPOTENCY_KEY_REUSED, sending nothing', async () => {
    const key = freshKey();
    createdId(await create(simpleInput({ idempotencyKey: key })));
    const other = await create(simpleInput({ idempotencyKey: key, lines: [{ productId: '71', name: 'Plov', quantity: 2, unitPrice: 9 }] }));
    expect(onlyError(other)).toEqual({ field: ['input', 'idempotencyKey'], code: 'IDEMPOTENCY_KEY_REUSED', message: expect.any(String) });
    expect(creates(gw)).toHaveLength(1);
  });

  it('after UPSTREAM_OUTCOME_UNKNOWN, finds the order Clopos did create among the newest and does not send it again', async () => {
    const input = simpleInput({ idempotencyKey: freshKey(), customer: { name: 'Leyla', phone: '+994517745120' } });
    const before = orderIds();
    slowCreate(TIMEOUT_MS + 300);
    expect(onlyError(await create(input)).code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    await until(() => newOrders(before).length === 1, 2000, 'the late order');
    // A look-alike for another customer, created later: the newest, but not the one.
    gw.sandbox.control.addOrder({ venue_id: 1 });
    const lost = newOrders(before).find((o) => o.payload?.customer?.phone === '+994517745120')!;

    const repeat = await create(input);
    expect(createdId(repeat)).toBe(String(lost.id));
    expect(creates(gw)).toHaveLength(1);
    const [search, ...moreSearches] = gw.upstreamCalls('GET', '/orders');
    expect(moreSearches).toHaveLength(0);
    expect(search!.headers['x-venue']).toBe('1');

    // Settled: a further repeat neither searches nor sends.
    expect(createdId(await create(input))).toBe(String(lost.id));
    expect(gw.upstreamCalls('GET', '/orders')).toHaveLength(1);
    expect(creates(gw)).toHaveLength(1);
  });

  it.each([
    ['a Clopos 500', { status: 500 }],
    ['a connection reset (the sandbox resets before storing the order)', { resetConnection: true }],
  ])('after UPSTREAM_OUTCOME_UNKNOWN from %s where nothing was created, a repeat sends the create again and succeeds', async (_name, fault) => {
    const input = simpleInput({ idempotencyKey: freshKey() });
    const before = orderIds();
    gw.sandbox.control.injectFault({ method: 'POST', path: '/orders', times: 1, ...fault });
    expect(onlyError(await create(input)).code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    expect(newOrders(before)).toHaveLength(0);

    const id = createdId(await create(input));
    expect(newOrders(before).map((o) => String(o.id))).toEqual([id]);
    expect(creates(gw)).toHaveLength(2);
    expect(createdId(await create(input))).toBe(id);
    expect(creates(gw)).toHaveLength(2);
  });

  it('makes a repeat in flight settle an unknown first attempt too: it finds nothing and sends once more', async () => {
    const input = simpleInput({ idempotencyKey: freshKey() });
    const before = orderIds();
    slowCreate(200, { status: 500 });
    const [a, b] = await Promise.all([create(input), create(input)]);
    expect(onlyError(a).code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    const id = createdId(b);
    expect(newOrders(before).map((o) => String(o.id))).toEqual([id]);
    expect(creates(gw)).toHaveLength(2);
  });

  it('lets only one of several waiting repeats settle an unknown first attempt: one order, one resend', async () => {
    const input = simpleInput({ idempotencyKey: freshKey() });
    const before = orderIds();
    slowCreate(200, { status: 500 });
    const [a, b, c] = await Promise.all([create(input), create(input), create(input)]);
    expect(onlyError(a).code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    expect(createdId(c)).toBe(createdId(b));
    expect(newOrders(before).map((o) => String(o.id))).toEqual([createdId(b)]);
    expect(creates(gw)).toHaveLength(2);
  });

  it('leaves the key settleable when the search for a lost order fails: the next repeat searches again', async () => {
    const input = simpleInput({ idempotencyKey: freshKey() });
    gw.sandbox.control.injectFault({ method: 'POST', path: '/orders', status: 500, times: 1 });
    expect(onlyError(await create(input)).code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    gw.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 503, times: 1 });
    const searchFailed = await create(input);
    expect(searchFailed.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(creates(gw)).toHaveLength(1);

    const started = Date.now();
    const id = createdId(await create(input));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(gw.upstreamCalls('GET', '/orders')).toHaveLength(2);
    expect(creates(gw)).toHaveLength(2);
    expect(createdId(await create(input))).toBe(id);
  });

  it('keeps the key free after a validation failure', async () => {
    const key = freshKey();
    const invalid = await create(simpleInput({ idempotencyKey: key, lines: [{ productId: '71', name: 'Plov', quantity: 0, unitPrice: 9 }] }));
    expect(onlyError(invalid).code).toBe('MUST_BE_POSITIVE');
    const id = createdId(await create(simpleInput({ idempotencyKey: key })));
    expect(createdId(await create(simpleInput({ idempotencyKey: key })))).toBe(id);
    expect(creates(gw)).toHaveLength(1);
  });

  // The 429 cases each on a gateway of their own, with a 1 s reset and the default call timeout:
  // the budget rightly holds every later call until Clopos's reset, and a repeat waits that out.
  const limitedGateway = () => startTestGateway({ gateway: { commitWindowMs: WINDOW_MS }, deps: { shield: SINGLE_CALL } });

  it('keeps the key free after a failure that certainly created nothing (429)', async () => {
    const own = await limitedGateway();
    try {
      const input = simpleInput({ idempotencyKey: freshKey() });
      own.sandbox.control.injectFault({ method: 'POST', path: '/orders', status: 429, rateLimitReset: 1, times: 1 });
      const limited = await create(input, undefined, own);
      expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
      const id = createdId(await create(input, undefined, own));
      expect(createdId(await create(input, undefined, own))).toBe(id);
      expect(creates(own)).toHaveLength(2);
    } finally {
      await own.close();
    }
  });

  it('lets a repeat waiting on an attempt that failed for sure go ahead promptly instead of waiting out the lease', async () => {
    const own = await limitedGateway();
    try {
      const input = simpleInput({ idempotencyKey: freshKey() });
      own.sandbox.control.injectFault({ method: 'POST', path: '/orders', latencyMs: 200, times: 1, status: 429, rateLimitReset: 1 });
      const started = Date.now();
      const [a, b] = await Promise.all([create(input, undefined, own), create(input, undefined, own)]);
      // The lease is 60 s (IN_FLIGHT_LEASE_MS): far less means the repeat did not wait it out (it
      // waits only the 1 s the budget holds after the 429).
      expect(Date.now() - started).toBeLessThan(5000);
      expect(a.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
      const id = createdId(b);
      expect(createdId(await create(input, undefined, own))).toBe(id);
      expect(creates(own)).toHaveLength(2);
    } finally {
      await own.close();
    }
  });

  it('answers a repeat of an order Clopos rejected with the same rejection, without resending', async () => {
    // Clopos refuses the POST itself (the venue's menu read fine).
    gw.sandbox.control.injectFault({ method: 'POST', path: '/orders', status: 400, body: { success: false, error: 'validation_failed', message: 'venue_id 99 does not exist' } });
    const input = simpleInput({ idempotencyKey: freshKey() });
    const first = onlyError(await create(input));
    expect(first.code).toBe('UPSTREAM_REJECTED');
    expect(onlyError(await create(input))).toEqual(first);
    expect(creates(gw)).toHaveLength(1);
  });

  it('works without a key too: each call creates its own order', async () => {
    const input = simpleInput();
    const a = createdId(await create(input));
    const b = createdId(await create(input));
    expect(a).not.toBe(b);
    expect(creates(gw)).toHaveLength(2);
  });
});

describe('idempotency keys are per caller', () => {
  let keyed: TestGateway;
  beforeAll(async () => {
    keyed = await startTestGateway({ gateway: { apiKeys: ['a', 'b'] }, deps: { shield: SINGLE_CALL } });
  });
  afterAll(() => keyed.close());

  it('does not let two API keys collide on the same idempotency key (keys are per key name)', async () => {
    const input = simpleInput({ idempotencyKey: freshKey() });
    const asA = { authorization: 'Bearer a' };
    const asB = { authorization: 'Bearer b' };
    const fromA = createdId(await create(input, asA, keyed));
    const fromB = createdId(await create(input, asB, keyed));
    expect(fromB).not.toBe(fromA);
    expect(createdId(await create(input, asA, keyed))).toBe(fromA);
    expect(createdId(await create(input, asB, keyed))).toBe(fromB);
    expect(creates(keyed)).toHaveLength(2);
  });
});

describe('anonymous callers (no API keys) are scoped by client address', () => {
  /** As node:http hands Yoga the request: the socket tells the client address. */
  const fromAddress = async (remoteAddress: string, input: Record<string, unknown>) => {
    const response = await gw.yoga.fetch(
      'http://gateway.test/graphql',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: CREATE_ID_ONLY, variables: { input } }) },
      { req: { socket: { remoteAddress } } },
    );
    return (await response.json()) as { data?: CreateResult | null };
  };

  it('two anonymous clients with the same idempotency key each get their own order; each repeat gets its own back', async () => {
    const input = simpleInput({ idempotencyKey: freshKey() });
    const before = orderIds();
    const first = createdId(await fromAddress('192.0.2.10', input));
    const second = createdId(await fromAddress('192.0.2.20', input));
    expect(second).not.toBe(first);
    expect(createdId(await fromAddress('192.0.2.10', input))).toBe(first);
    expect(createdId(await fromAddress('192.0.2.20', input))).toBe(second);
    expect(newOrders(before).map((o) => String(o.id)).sort()).toEqual([first, second].sort());
    expect(creates(gw)).toHaveLength(2);
  });
});

describe('keys expire after 24 hours', () => {
  it('the gateway creates a new order for a key first used 24 hours ago, and not a moment before', async () => {
    let now = Date.now();
    const clocked = await startTestGateway({ gateway: { idempotency: new MemoryIdempotencyStore(IDEMPOTENCY_TTL_MS, () => now) }, deps: { shield: SINGLE_CALL } });
    try {
      const input = simpleInput({ idempotencyKey: freshKey() });
      const first = createdId(await create(input, undefined, clocked));
      now += IDEMPOTENCY_TTL_MS - 1;
      expect(createdId(await create(input, undefined, clocked))).toBe(first);
      expect(creates(clocked)).toHaveLength(1);
      now += 1;
      expect(createdId(await create(input, undefined, clocked))).not.toBe(first);
      expect(creates(clocked)).toHaveLength(2);
    } finally {
      await clocked.close();
    }
  });
});

describe('MemoryIdempotencyStore', () => {
  const record = (firstAttemptAt: number, fingerprint = 'f'): IdempotencyRecord => ({
    fingerprint,
    firstAttemptAt,
    outcome: { kind: 'created', orderId: 1 },
  });

  it('holds keys for 24 hours by default', () => {
    expect(IDEMPOTENCY_TTL_MS).toBe(24 * 60 * 60 * 1000);
  });

  it('keeps a record until 24 hours after the first attempt, then forgets it', async () => {
    let now = 1_000_000;
    const store = new MemoryIdempotencyStore(undefined, () => now);
    expect(await store.claim('k', record(now))).toBeUndefined();
    now += IDEMPOTENCY_TTL_MS - 1;
    expect(await store.get('k')).toEqual(record(1_000_000));
    expect(await store.claim('k', record(now, 'other'))).toEqual(record(1_000_000));
    now += 1;
    expect(await store.get('k')).toBeUndefined();
    expect(await store.claim('k', record(now, 'other'))).toBeUndefined();
    expect(await store.get('k')).toEqual(record(now, 'other'));
  });

  it('counts the 24 hours from the first attempt, not from the last write', async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore(undefined, () => now);
    await store.claim('k', { fingerprint: 'f', firstAttemptAt: 0, leaseUntil: 60_000 });
    now = IDEMPOTENCY_TTL_MS - 10;
    await store.put('k', record(0));
    now = IDEMPOTENCY_TTL_MS;
    expect(await store.get('k')).toBeUndefined();
  });

  it('expires each key on its own schedule, whatever order they were written in', async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore(1000, () => now);
    await store.claim('old', record(0));
    now = 500;
    await store.claim('new', record(500));
    await store.release('old');
    await store.claim('old', record(500));
    now = 1000;
    expect(await store.get('new')).toBeDefined();
    expect(await store.get('old')).toBeDefined();
    now = 1500;
    expect(await store.get('new')).toBeUndefined();
    expect(await store.get('old')).toBeUndefined();
  });

  it('frees a released key for a new claim', async () => {
    const store = new MemoryIdempotencyStore(undefined, () => 0);
    await store.claim('k', record(0));
    await store.release('k');
    expect(await store.claim('k', record(0, 'next'))).toBeUndefined();
    expect((await store.get('k'))?.fingerprint).toBe('next');
  });
});

describe('whose keys they are, and the attempt marker', () => {
  const caller = (name: string, id: string, token?: string): Caller => ({
    name,
    scope: 'write',
    id,
    ...(token ? { cloposToken: { token, digest: `d-${token}` } } : {}),
  });

  it('scopes keys by API key name (a rotated key keeps them), with a pass-through token apart, and anonymous callers by address', () => {
    expect(idempotencyScope(caller('desk', 'digest-of-old-key'), '10.0.0.1')).toBe('key:desk');
    expect(idempotencyScope(caller('desk', 'digest-of-new-key'), '10.0.0.2')).toBe('key:desk');
    expect(idempotencyScope(caller('desk', 'x', 'tok'), undefined)).toBe('key:desk.token:d-tok');
    expect(idempotencyScope(caller('anonymous', 'anonymous'), '10.0.0.1')).toBe('ip:10.0.0.1');
    expect(idempotencyScope(caller('anonymous', 'anonymous'), '10.0.0.2')).toBe('ip:10.0.0.2');
  });

  it('gives each caller, key and attempt a marker of its own, which a derived product_hash carries', () => {
    const markers = new Set([
      attemptMarker('key:a', 'k', '1'),
      attemptMarker('key:b', 'k', '1'),
      attemptMarker('key:a', 'k2', '1'),
      attemptMarker('key:a', 'k', '2'),
    ]);
    expect(markers.size).toBe(4);
    const marker = attemptMarker('key:a', 'k', '1');
    expect(marker).toMatch(/^[0-9a-f]{16}$/);
    const line = { productId: '71', name: 'Plov', quantity: 1, unitPrice: 9 };
    const hash = lineHash(line, marker);
    expect(hash).toBe(`${deriveProductHash(line)}-${marker}`);
    expect(markerOf(hash)).toBe(marker);
    // The caller's own productHash is kept verbatim and carries no marker.
    expect(lineHash({ ...line, productHash: 'abc123' }, marker)).toBe('abc123');
    expect(markerOf('abc123')).toBeUndefined();
  });
});
