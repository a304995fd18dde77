// Two gateway instances against one sandbox and one real redis-server: they spend one Clopos
// quota, reuse each other's cached answers and idempotency keys, and when Redis goes away they
// keep serving reads from memory, say so, and refuse idempotent creates until it is back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/contract.js';
import { startRedisServer, type RedisServer } from './redis-server.js';
import { CREATE, LIST, type ShieldedGateway, codes, simpleOrder, sleep, startShieldedGateway } from '../shield/support.js';

let redis: RedisServer;
let sandbox: RunningSandbox;
let a: ShieldedGateway;
let b: ShieldedGateway;
const warnings: string[] = [];
const logger = { warn: (m: string) => warnings.push(m), info: () => undefined };

async function twoInstances(settings: { cacheTtlMs?: number; cloposBudgetPerMinute?: number } = {}) {
  await a?.close();
  await b?.close();
  const options = { sandbox, settings: { redisUrl: redis.url, ...settings }, deps: { logger } };
  a = await startShieldedGateway(options);
  b = await startShieldedGateway(options);
}

beforeAll(async () => {
  redis = await startRedisServer();
  sandbox = await startSandbox({ seed: 7 });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await redis?.stop();
  await sandbox?.close();
});

beforeEach(() => {
  sandbox.control.reset();
  warnings.length = 0;
});

const data = () => sandbox.control.requests().filter((r) => r.path !== '/auth');

describe('with Redis up', () => {
  it('spends one shared quota across instances', async () => {
    await twoInstances({ cacheTtlMs: 0, cloposBudgetPerMinute: 4 });
    expect((await a.gql(LIST, { first: 1 })).errors).toBeUndefined();
    expect((await b.gql(LIST, { first: 2 })).errors).toBeUndefined();
    expect((await a.gql(LIST, { first: 3 })).errors).toBeUndefined();
    expect((await b.gql(LIST, { first: 4 })).errors).toBeUndefined();
    const refusedA = await a.gql(LIST, { first: 5 });
    const refusedB = await b.gql(LIST, { first: 6 });
    expect(codes(refusedA)).toEqual(['UPSTREAM_RATE_LIMITED']);
    expect(codes(refusedB)).toEqual(['UPSTREAM_RATE_LIMITED']);
    expect(refusedB.errors![0]!.extensions!.retryAfter).toBeGreaterThan(0);
    expect(data()).toHaveLength(4);
  });

  it("reuses one instance's cached answer on the other (GET cache and response cache)", async () => {
    await twoInstances({ cacheTtlMs: 10_000 });
    const first = await a.gql(LIST, { first: 3 }, { authorization: 'Bearer alice' });
    const sameCaller = await b.gql(LIST, { first: 3 }, { authorization: 'Bearer alice' });
    const otherCaller = await b.gql(`{ orders(first: 3) { nodes { id createdAt } } }`, undefined, { authorization: 'Bearer bob' });
    expect(sameCaller.data).toEqual(first.data);
    expect(otherCaller.errors).toBeUndefined();
    expect(data()).toHaveLength(1);
  });

  it('drops the shared caches on a create made through the other instance, and shares idempotency keys', async () => {
    await twoInstances({ cacheTtlMs: 10_000 });
    const before = await a.gql<{ orders: { totalCount: number } }>(LIST, { first: 3 });
    const input = simpleOrder({ idempotencyKey: 'redis-key-1' });
    const created = await b.gql<{ createOrder: { order: { id: string } } }>(CREATE, { input });
    const repeated = await a.gql<{ createOrder: { order: { id: string } } }>(CREATE, { input });
    expect(repeated.data!.createOrder.order.id).toBe(created.data!.createOrder.order.id);
    expect(sandbox.control.requests().filter((r) => r.method === 'POST' && r.path === '/orders')).toHaveLength(1);
    const after = await a.gql<{ orders: { totalCount: number } }>(LIST, { first: 3 });
    expect(after.data!.orders.totalCount).toBe(before.data!.orders.totalCount + 1);
  });
});

describe('when Redis stops', () => {
  it('serves reads from memory with a warning, reports it, refuses idempotent creates, and recovers when Redis is back', async () => {
    await twoInstances({ cacheTtlMs: 2000 });
    expect(a.shield.health().redis).toBe('up');
    expect(a.shield.readiness.every((c) => c.check())).toBe(true);
    await redis.stop();
    await sleep(300);

    const read = await a.gql(LIST, { first: 3 });
    expect(read.errors).toBeUndefined();
    expect((await b.gql(LIST, { first: 4 })).errors).toBeUndefined();
    expect(a.shield.health().redis).toBe('down');
    expect(a.shield.redisReachable()).toBe(false);
    expect(a.shield.readiness.find((c) => c.name === 'redis')!.check()).toBe(false);
    expect(warnings.some((w) => /Redis unreachable/.test(w))).toBe(true);

    const refused = await a.gql<{ createOrder: { order: unknown; userErrors: Array<{ code: string; field: string[] }> } }>(CREATE, {
      input: simpleOrder({ idempotencyKey: 'while-down' }),
    });
    expect(refused.data!.createOrder.order).toBeNull();
    expect(refused.data!.createOrder.userErrors).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_UNAVAILABLE', field: ['input', 'idempotencyKey'] })]);
    expect(sandbox.control.requests().filter((r) => r.method === 'POST' && r.path === '/orders')).toHaveLength(0);
    // Without a key nothing can be duplicated by a repeat, so the create goes ahead.
    const plain = await a.gql<{ createOrder: { order: { id: string } | null } }>(CREATE, { input: simpleOrder() });
    expect(plain.data!.createOrder.order).not.toBeNull();

    await redis.restart();
    const back = Date.now();
    while (a.shield.health().redis !== 'up' && Date.now() - back < 5000) await sleep(100);
    expect(a.shield.health().redis).toBe('up');
    const keyed = await a.gql<{ createOrder: { order: { id: string } | null } }>(CREATE, { input: simpleOrder({ idempotencyKey: 'after' }) });
    expect(keyed.data!.createOrder.order).not.toBeNull();
    console.log(`redis: back in use ${Date.now() - back} ms after redis-server restarted`);
  });
});
