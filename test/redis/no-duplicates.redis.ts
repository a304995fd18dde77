// Issue 13 across instances: two gateways (`npm start`'s composition, each its own process) share a
// real redis-server and one sandbox; a repeat landing on the other instance honours the first
// attempt's commit window and finds its order by the marker kept in Redis. Counted in the sandbox.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClopOrder } from '../../src/upstreams/clopos/types.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/contract.js';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process.js';
import { startRedisServer, type RedisServer } from './redis-server.js';

const CREATE = /* GraphQL */ `
  mutation($input: CreateOrderInput!) {
    createOrder(input: $input) { order { id } userErrors { field message code retryAfter } }
  }
`;
interface Created {
  createOrder: { order: { id: string } | null; userErrors: Array<{ code: string; message: string; retryAfter: number | null }> };
}
const auth = { authorization: 'Bearer desk-key' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const input = () => ({
  venueId: '1',
  saleTypeId: '2',
  customer: { name: 'Guest' },
  lines: [{ productId: '88', name: 'Tea', quantity: 1, unitPrice: 2 }],
  idempotencyKey: `redis-${randomUUID()}`,
});

let redis: RedisServer;
let sandbox: RunningSandbox;
let one: GatewayProcess;
let two: GatewayProcess;
let before = new Set<number>();
const stored = (): ClopOrder[] => sandbox.control.orders().filter((o) => !before.has(o.id));
const posts = () => sandbox.control.requests().filter((r) => r.method === 'POST' && r.path === '/orders').length;
const mark = () => {
  before = new Set(sandbox.control.orders().map((o) => o.id));
  sandbox.control.clearRequests();
};

beforeAll(async () => {
  redis = await startRedisServer();
  sandbox = await startSandbox({ seed: 7 });
  // A 3.5 s window (the sandbox commits after 2.5 s) and a 3 s request deadline: a repeat inside
  // the window answers at once instead of waiting it out.
  const env = {
    REDIS_URL: redis.url,
    GATEWAY_API_KEYS: 'desk:desk-key',
    CLOPOS_TIMEOUT_MS: '1500',
    CLOPOS_COMMIT_WINDOW_MS: '3500',
    GATEWAY_REQUEST_TIMEOUT_MS: '3000',
  };
  [one, two] = await Promise.all([startGatewayProcess(sandbox, env), startGatewayProcess(sandbox, env)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([one?.stop(), two?.stop()]);
  await sandbox?.close();
  await redis?.stop();
});

describe('a repeat on the other instance', () => {
  it('honours the first attempt\'s window (no POST, retryAfter), then returns the order the first attempt stored late', async () => {
    mark();
    sandbox.control.injectFault({ method: 'POST', path: '/orders', latencyMs: 2500, times: 1 });
    const order = input();
    const first = one.gql<Created>(CREATE, { input: order }, auth);
    await sleep(500);
    // While the first is still in flight on instance one.
    const during = await two.gql<Created>(CREATE, { input: order }, auth);
    expect(during.data!.createOrder.order).toBeNull();
    expect(during.data!.createOrder.userErrors).toEqual([expect.objectContaining({ code: 'UPSTREAM_OUTCOME_UNKNOWN', retryAfter: expect.any(Number) })]);
    expect((await first).data!.createOrder.userErrors[0]!.code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    // Right after the first gave up: still inside its window.
    const after = (await two.gql<Created>(CREATE, { input: order }, auth)).data!.createOrder.userErrors[0]!;
    expect(after).toMatchObject({ code: 'UPSTREAM_OUTCOME_UNKNOWN' });
    expect(posts()).toBe(1);

    await sleep(after.retryAfter! * 1000);
    expect(stored()).toHaveLength(1);
    const settled = await two.gql<Created>(CREATE, { input: order }, auth);
    expect(Number(settled.data!.createOrder.order!.id)).toBe(stored()[0]!.id);
    const onOne = await one.gql<Created>(CREATE, { input: order }, auth);
    expect(Number(onOne.data!.createOrder.order!.id)).toBe(stored()[0]!.id);
    expect(posts()).toBe(1);
    expect(stored()).toHaveLength(1);
  });

  it('after a 500 that stored nothing, waits out the window, proves the order absent and sends it once', async () => {
    mark();
    sandbox.control.injectFault({ method: 'POST', path: '/orders', status: 500, times: 1 });
    const order = input();
    const first = (await one.gql<Created>(CREATE, { input: order }, auth)).data!.createOrder.userErrors[0]!;
    expect(first.code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    const early = (await two.gql<Created>(CREATE, { input: order }, auth)).data!.createOrder.userErrors[0]!;
    expect(early.code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    expect(posts()).toBe(1);
    await sleep(early.retryAfter! * 1000);
    const created = await two.gql<Created>(CREATE, { input: order }, auth);
    const id = Number(created.data!.createOrder.order!.id);
    expect(stored().map((o) => o.id)).toEqual([id]);
    expect(posts()).toBe(2);
    expect(Number((await one.gql<Created>(CREATE, { input: order }, auth)).data!.createOrder.order!.id)).toBe(id);
    expect(posts()).toBe(2);
  });
});
