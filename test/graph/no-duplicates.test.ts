// createOrder never places an order twice and never hands a caller someone else's order (issue 13).
// The gateway runs as `npm start` runs it (src/main.ts in its own process, configured by its
// environment), over HTTP against sandboxes; every case counts what the sandbox stored, not what
// the client was told, and ends with exactly one stored order that was returned, or none and a code.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClopOrder } from '../../src/upstreams/clopos/types.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { Fault, RunningSandbox } from '../../src/sandbox/contract.js';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process.js';

const CREATE = /* GraphQL */ `
  mutation($input: CreateOrderInput!) {
    createOrder(input: $input) { order { id } userErrors { field message code retryAfter } }
  }
`;

interface Created {
  createOrder: { order: { id: string } | null; userErrors: Array<{ field: string[]; message: string; code: string; retryAfter: number | null }> };
}

const KEYS = 'a:key-of-a,b:key-of-b';
const asA = { authorization: 'Bearer key-of-a' };
const asB = { authorization: 'Bearer key-of-b' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One Tea for a guest, as in the issue; `phone` optional. */
function tea(extra: Record<string, unknown> = {}, phone: string | undefined = '+994501112233') {
  return {
    venueId: '1',
    saleTypeId: '2',
    customer: { name: 'Guest', ...(phone ? { phone } : {}) },
    lines: [{ productId: '88', name: 'Tea', quantity: 1, unitPrice: 2 }],
    ...extra,
  };
}

/** What the sandbox stored and received since `mark()`. */
function ledger(sandbox: RunningSandbox) {
  let before = new Set<number>();
  return {
    mark() {
      before = new Set(sandbox.control.orders().map((o) => o.id));
      sandbox.control.clearRequests();
    },
    stored: (): ClopOrder[] => sandbox.control.orders().filter((o) => !before.has(o.id)),
    posts: () => sandbox.control.requests().filter((r) => r.method === 'POST' && r.path === '/orders').length,
  };
}

const idOf = (result: { data?: Created | null }) => {
  expect(result.data?.createOrder.userErrors).toEqual([]);
  return Number(result.data!.createOrder.order!.id);
};
const errorOf = (result: { data?: Created | null }) => {
  expect(result.data?.createOrder.order).toBeNull();
  expect(result.data?.createOrder.userErrors).toHaveLength(1);
  return result.data!.createOrder.userErrors[0]!;
};
const slowCommit = (sandbox: RunningSandbox) => sandbox.control.injectFault({ method: 'POST', path: '/orders', latencyMs: 2500, times: 1 });
const key = () => `order-${randomUUID()}`;

// Short: CLOPOS_COMMIT_WINDOW_MS 3.5 s (longer than the sandbox's 2.5 s commit), 3 s request
// deadline, so a repeat inside the window cannot wait it out and answers at once.
let shortSandbox: RunningSandbox;
let short: GatewayProcess;
// The real default window (8 s + 2 s) and request deadline (15 s).
let defaultSandbox: RunningSandbox;
let byDefault: GatewayProcess;
// Faults that commit at once or never: a 1 s window the repeat waits out inside its deadline.
let quick: GatewayProcess;

beforeAll(async () => {
  [shortSandbox, defaultSandbox] = await Promise.all([startSandbox({ seed: 7 }), startSandbox({ seed: 7 })]);
  [short, byDefault, quick] = await Promise.all([
    startGatewayProcess(shortSandbox, {
      GATEWAY_API_KEYS: KEYS,
      CLOPOS_TIMEOUT_MS: '1500',
      CLOPOS_COMMIT_WINDOW_MS: '3500',
      GATEWAY_REQUEST_TIMEOUT_MS: '3000',
    }),
    startGatewayProcess(defaultSandbox, { GATEWAY_API_KEYS: KEYS, CLOPOS_TIMEOUT_MS: '1500' }),
    startGatewayProcess(shortSandbox, { GATEWAY_API_KEYS: KEYS, CLOPOS_TIMEOUT_MS: '1500', CLOPOS_COMMIT_WINDOW_MS: '1000' }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([short?.stop(), byDefault?.stop(), quick?.stop()]);
  await Promise.all([shortSandbox?.close(), defaultSandbox?.close()]);
});

describe('a slow commit (CLOPOS_TIMEOUT_MS=1500, the sandbox stores the POST after 2.5 s)', () => {
  it('an immediate repeat sends nothing and says when to come back; then it gets the order the first attempt stored', async () => {
    const book = ledger(shortSandbox);
    book.mark();
    slowCommit(shortSandbox);
    const input = tea({ idempotencyKey: key() });
    const first = errorOf(await short.gql<Created>(CREATE, { input }, asA));
    expect(first.code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    expect(first.retryAfter).toBeGreaterThanOrEqual(1);

    const repeat = errorOf(await short.gql<Created>(CREATE, { input }, asA));
    expect(repeat).toMatchObject({ code: 'UPSTREAM_OUTCOME_UNKNOWN', field: ['input'] });
    expect(repeat.retryAfter).toBeGreaterThanOrEqual(1);
    expect(repeat.retryAfter).toBeLessThanOrEqual(4);
    expect(book.posts()).toBe(1);

    await sleep(repeat.retryAfter! * 1000);
    const stored = book.stored();
    expect(stored).toHaveLength(1);
    expect(idOf(await short.gql<Created>(CREATE, { input }, asA))).toBe(stored[0]!.id);
    expect(book.posts()).toBe(1);
    expect(book.stored()).toHaveLength(1);
  });
});

describe('a slow commit, then repeats at 1, 5 and 10 seconds', () => {
  /** The first create, then the same create 1, 5 and 10 s after it started. */
  async function repeatsAt(gateway: GatewayProcess, sandbox: RunningSandbox) {
    const book = ledger(sandbox);
    book.mark();
    slowCommit(sandbox);
    const input = tea({ idempotencyKey: key() });
    const start = Date.now();
    const at = async (ms: number) => {
      await sleep(ms - (Date.now() - start));
      return gateway.gql<Created>(CREATE, { input }, asA);
    };
    const [first, one, five, ten] = await Promise.all([gateway.gql<Created>(CREATE, { input }, asA), at(1000), at(5000), at(10_000)]);
    return { first, one, five, ten, stored: book.stored(), posts: book.posts() };
  }

  // Both windows at once (separate sandboxes and gateways), so the case costs 10 s, not 20.
  it('3.5 s window: 1 s answers UNKNOWN with retryAfter, 5 and 10 s return the stored order; default window (8 s + 2 s): all three wait and return it', async () => {
    const [shortRun, defaultRun] = await Promise.all([repeatsAt(short, shortSandbox), repeatsAt(byDefault, defaultSandbox)]);

    expect(errorOf(shortRun.first).code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    expect(errorOf(shortRun.one)).toMatchObject({ code: 'UPSTREAM_OUTCOME_UNKNOWN', retryAfter: expect.any(Number) });
    expect(shortRun.stored).toHaveLength(1);
    expect(idOf(shortRun.five)).toBe(shortRun.stored[0]!.id);
    expect(idOf(shortRun.ten)).toBe(shortRun.stored[0]!.id);
    expect(shortRun.posts).toBe(1);

    const unknown = errorOf(defaultRun.first);
    expect(unknown.code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    expect(unknown.retryAfter).toBeGreaterThanOrEqual(7);
    expect(defaultRun.stored).toHaveLength(1);
    for (const repeat of [defaultRun.one, defaultRun.five, defaultRun.ten]) expect(idOf(repeat)).toBe(defaultRun.stored[0]!.id);
    expect(defaultRun.posts).toBe(1);
  });
});

describe('a 500, a reset and malformed JSON, each followed by a repeat', () => {
  const faults: Array<[string, Fault]> = [
    ['a 500', { status: 500 }],
    ['a reset', { resetConnection: true }],
    ['malformed JSON', { malformedJson: true }],
  ];
  it.each(faults)('%s before the order is stored: the repeat proves it absent and sends it once more', async (_name, fault) => {
    const book = ledger(shortSandbox);
    book.mark();
    shortSandbox.control.injectFault({ method: 'POST', path: '/orders', times: 1, ...fault });
    const input = tea({ idempotencyKey: key() });
    expect(errorOf(await quick.gql<Created>(CREATE, { input }, asA)).code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    expect(book.stored()).toHaveLength(0);
    const id = idOf(await quick.gql<Created>(CREATE, { input }, asA));
    expect(book.stored().map((o) => o.id)).toEqual([id]);
    expect(book.posts()).toBe(2);
  });

  it.each(faults)('%s after the order is stored: the repeat finds it and sends nothing', async (_name, fault) => {
    const book = ledger(shortSandbox);
    book.mark();
    shortSandbox.control.injectFault({ method: 'POST', path: '/orders', times: 1, afterStore: true, ...fault });
    const input = tea({ idempotencyKey: key() });
    expect(errorOf(await quick.gql<Created>(CREATE, { input }, asA)).code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    expect(book.stored()).toHaveLength(1);
    const id = idOf(await quick.gql<Created>(CREATE, { input }, asA));
    expect(book.stored().map((o) => o.id)).toEqual([id]);
    expect(book.posts()).toBe(1);
  });
});

describe('a look-alike order by another caller is never adopted', () => {
  it.each([
    ['with a phone', '+994501112233'],
    ['without a phone', undefined],
  ])('%s: B places 1 Tea; A places the same under a one-shot 500; A\'s repeat places A\'s own order', async (_name, phone) => {
    const book = ledger(shortSandbox);
    book.mark();
    const fromB = idOf(await quick.gql<Created>(CREATE, { input: tea({}, phone) }, asB));
    shortSandbox.control.injectFault({ method: 'POST', path: '/orders', times: 1, status: 500 });
    const input = tea({ idempotencyKey: `A-1-${randomUUID()}` }, phone);
    expect(errorOf(await quick.gql<Created>(CREATE, { input }, asA)).code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    const fromA = idOf(await quick.gql<Created>(CREATE, { input }, asA));
    expect(fromA).not.toBe(fromB);
    expect(book.stored().map((o) => o.id).sort()).toEqual([fromB, fromA].sort());
    expect(book.posts()).toBe(3);
    // B's look-alike kept its own marker; A's order carries A's.
    const hashes = (id: number) => book.stored().find((o) => o.id === id)!.payload!.products!.map((p) => p.meta?.order_product?.product_hash);
    expect(hashes(fromA)[0]).toMatch(/^[0-9a-f]{16}-[0-9a-f]{16}$/);
    expect(hashes(fromA)).not.toEqual(hashes(fromB));
  });

  it('the same key name under another API key is that caller\'s own key', async () => {
    const book = ledger(shortSandbox);
    book.mark();
    const input = tea({ idempotencyKey: `shared-name-${randomUUID()}` });
    const fromA = idOf(await quick.gql<Created>(CREATE, { input }, asA));
    const fromB = idOf(await quick.gql<Created>(CREATE, { input }, asB));
    expect(fromB).not.toBe(fromA);
    expect(idOf(await quick.gql<Created>(CREATE, { input }, asA))).toBe(fromA);
    expect(book.stored().map((o) => o.id).sort()).toEqual([fromA, fromB].sort());
    expect(book.posts()).toBe(2);
  });

  it('a look-alike with no gateway marker (made at the POS) blocks a resend: UNKNOWN, nothing stored', async () => {
    const book = ledger(shortSandbox);
    book.mark();
    shortSandbox.control.injectFault({ method: 'POST', path: '/orders', times: 1, status: 500 });
    const input = tea({ idempotencyKey: key(), lines: [{ productId: '89', name: 'Green tea', quantity: 1, unitPrice: 2 }] }, undefined);
    expect(errorOf(await quick.gql<Created>(CREATE, { input }, asA)).code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    shortSandbox.control.addOrder({
      venue_id: 1,
      payload: {
        customer: { id: 0, name: 'Walk-in' },
        products: [{ product_id: 89, count: 1, meta: { price: 2, order_product: { count: 1, product_hash: 'pos-made', product: { id: 89, name: 'Green tea', price: 2 } } } }],
      },
    } as Partial<ClopOrder>);
    const settled = errorOf(await quick.gql<Created>(CREATE, { input }, asA));
    expect(settled.code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    expect(settled.retryAfter).toBeNull();
    expect(settled.message).toMatch(/no gateway marker/);
    expect(book.stored().filter((o) => o.payload?.customer?.name !== 'Walk-in')).toHaveLength(0);
    expect(book.posts()).toBe(1);
  });
});
