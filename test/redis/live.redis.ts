// Live order updates on two gateway instances sharing one real redis-server: one lease, so they
// poll Clopos as one, and both deliver every change (pub/sub) exactly once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { cloposCredentials, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/contract.js';
import { startRedisServer, type RedisServer } from './redis-server.js';
import { type SseSubscriber, sleep, subscribeSse, until } from '../live/support.js';

const INTERVAL = 200;
let redis: RedisServer | undefined;
let sandbox: RunningSandbox;
const instances: App[] = [];

// Built through createApp like main.ts; a 280-a-minute budget shared in Redis, no per-key limit.
async function instance() {
  const config: Config = { ...loadConfig({}), logLevel: 'silent', rateLimitPerMinute: 0, pollIntervalMs: INTERVAL, cloposBudgetPerMinute: 280, cacheTtlMs: 2000, redisUrl: redis!.url };
  const app = await createApp(config, {
    upstream: { baseUrl: sandbox.baseUrl, credentials: cloposCredentials(sandbox.credentials) },
    shield: { logger: { warn: () => undefined, info: () => undefined } },
    live: { lingerMs: 300 },
  });
  instances.push(app);
  return app;
}

beforeAll(async () => {
  redis = await startRedisServer();
  sandbox = await startSandbox({ seed: 7 });
});

afterAll(async () => {
  for (const app of instances) await app.close();
  await sandbox?.close();
  await redis?.stop();
});

it('two instances poll Clopos as one (one lease) and both deliver every change exactly once', async () => {
  const a = await instance();
  const b = await instance();
  const subscribers: SseSubscriber[] = [
    ...Array.from({ length: 5 }, () => subscribeSse(a.yoga)),
    ...Array.from({ length: 5 }, () => subscribeSse(b.yoga)),
  ];
  await until(() => a.live.status().subscriptions === 5 && b.live.status().subscriptions === 5, 5000, 'subscriptions');
  await until(() => a.live.status().leading || b.live.status().leading, 5000, 'a leader');
  await sleep(INTERVAL * 3);
  expect([a.live.status().leading, b.live.status().leading].filter(Boolean)).toHaveLength(1);

  const lists = () => sandbox.control.requests().filter((r) => r.method === 'GET' && r.path === '/orders').length;
  const before = lists();
  const ids = sandbox.control
    .orders()
    .filter((o) => o.status === 'PENDING')
    .slice(0, 3)
    .map((o) => o.id);
  for (const id of ids) {
    sandbox.control.setOrderStatus(id, 'RECEIVED');
    await sleep(INTERVAL);
  }
  const created = sandbox.control.addOrder();
  await until(() => subscribers.every((s) => s.changes.length >= 4), 5000, 'every change on both instances');
  await sleep(1500);
  const window = 1500 + 4 * INTERVAL;
  const calls = lists() - before;
  console.log(`two instances, ${window} ms: ${calls} GET /orders (one poller at ${INTERVAL} ms would send about ${Math.round(window / INTERVAL)})`);
  expect(calls).toBeLessThanOrEqual(Math.ceil(window / INTERVAL) + 3);
  const expected = [...ids.map(String), String(created.id)].sort();
  for (const s of subscribers) {
    expect(s.errors).toEqual([]);
    expect(s.changes.map((c) => c.order.id).sort()).toEqual(expected);
  }

  // The leader's subscribers leave: the other instance takes the lease over and goes on from its state.
  const leader = a.live.status().leading ? a : b;
  const other = leader === a ? b : a;
  const staying = leader === a ? subscribers.slice(5) : subscribers.slice(0, 5);
  for (const s of leader === a ? subscribers.slice(0, 5) : subscribers.slice(5)) s.close();
  await until(() => other.live.status().leading, 8000, 'the other instance to take the lease');
  expect(leader.live.status().leading).toBe(false);
  const [next] = sandbox.control.orders().filter((o) => o.status === 'PENDING').map((o) => o.id);
  sandbox.control.setOrderStatus(next!, 'IGNORE');
  await until(() => staying.every((s) => s.changes.length === 5), 5000, 'the change after the hand-over');
  for (const s of staying) expect(s.changes.at(-1)).toMatchObject({ kind: 'STATUS_CHANGED', order: { id: String(next) } });
  for (const s of subscribers) s.close();
});
