// Live updates through the gateway process with REDIS_URL, for longer than the poller's Redis
// lease (LEASE_TTL_MS, renewed by each poll), 3x the request deadline and the token lifetime:
// changes keep arriving, readiness stays 200, the breaker closed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { Budget } from '../../src/shield/budget.js';
import { RedisBudgetStore } from '../../src/shield/redis-stores.js';
import { LEASE_TTL_MS } from '../../src/live/redis-store.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/contract.js';
import { startRedisServer, type RedisServer } from './redis-server.js';
import { type GatewayProcess, sleep, startGatewayProcess, subscribeWire, until, upstreamEnv } from '../support/process.js';

let redis: RedisServer | undefined;
let sandbox: RunningSandbox;
let gateway: GatewayProcess | undefined;

beforeAll(async () => {
  redis = await startRedisServer();
  sandbox = await startSandbox({ seed: 7, tokenLifetimeSeconds: 2 });
});

afterAll(async () => {
  await gateway?.stop();
  await sandbox?.close();
  await redis?.stop();
});

it('keeps delivering past the Redis lease, the request deadline and the token lifetime', async () => {
  const TIMEOUT_MS = 1500;
  const RUN_MS = Math.max(LEASE_TTL_MS, 3 * TIMEOUT_MS) + 2000;
  gateway = await startGatewayProcess({
    ...upstreamEnv(sandbox),
    GATEWAY_API_KEYS: 'test:lasting-key',
    GATEWAY_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
    POLL_INTERVAL_MS: '250',
    REDIS_URL: redis!.url,
  });
  const g = gateway;
  const subscriber = subscribeWire(g.url, { authorization: 'Bearer lasting-key' });
  const calls = () => sandbox.control.requests().filter((r) => r.method === 'GET' && r.path === '/orders').length;
  await until(() => calls() >= 2, 10_000, 'the poller');
  const started = Date.now();
  const added: number[] = [];
  let ready = true;
  while (Date.now() - started < RUN_MS) {
    added.push(sandbox.control.addOrder().id);
    ready &&= (await fetch(`${g.url}/readiness`)).status === 200;
    await sleep(700);
  }
  await until(() => added.every((id) => subscriber.changes.some((c) => c.order.id === String(id))), 15_000, 'every change');
  subscriber.close();
  expect(subscriber.errors).toEqual([]);
  expect(new Set(subscriber.changes.map((c) => c.at)).size).toBe(subscriber.changes.length);
  expect(ready).toBe(true);
  const metrics = await (await fetch(`${g.url}/metrics`)).text();
  expect(/^clopos_breaker_state(?:\{[^}]*\})? 0$/m.test(metrics)).toBe(true);
  expect(g.logs().filter((l) => l.msg === 'live orders: poll failed' || l.level === 'error')).toEqual([]);
}, 60_000);

it("the poller's reserved share holds in the Redis budget too: queries stop short of it, the poller does not", async () => {
  const client = new Redis(redis!.url);
  try {
    // Two instances' budgets on one key: 10 a minute, 3 kept for the poller.
    const shared = new RedisBudgetStore(client, `test:budget:${Date.now()}`, 10);
    const a = new Budget({ store: shared, reserved: 3 });
    const b = new Budget({ store: shared, reserved: 3 });
    const soon = () => Date.now() + 200;
    let queries = 0;
    for (let i = 0; i < 10; i++) {
      const budget = i % 2 ? a : b;
      if (await budget.acquire(soon()).then(() => true, () => false)) queries++;
    }
    expect(queries).toBe(7);
    let polls = 0;
    for (let i = 0; i < 5; i++) if (await a.acquire(soon(), undefined, 'poll').then(() => true, () => false)) polls++;
    expect(polls).toBe(3);
  } finally {
    client.disconnect();
  }
});
