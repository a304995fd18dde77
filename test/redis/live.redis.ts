// Live order updates on two gateway instances sharing one real redis-server: one lease, so they
// poll Clopos as one, and both deliver every change (pub/sub) exactly once.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLiveOrders, type LiveOrders } from '../../src/live/index.js';
import { cloposCredentials, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/contract.js';
import { createGateway, type Gateway } from '../../src/server.js';
import { createQuotaShield, type QuotaShield } from '../../src/shield.js';
import { type SseSubscriber, sleep, subscribeSse, until } from '../live/support.js';

const INTERVAL = 200;
let redis: ChildProcess | undefined;
let port: number;
let sandbox: RunningSandbox;
const instances: Array<{ shield: QuotaShield; live: LiveOrders; yoga: Gateway }> = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
    server.on('error', reject);
  });
}

async function startRedis(): Promise<void> {
  const path = execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
  const child = spawn(path, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  redis = child;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 5 s')), 5000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (/Ready to accept connections/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

async function instance() {
  const shield = await createQuotaShield(
    {
      baseUrl: sandbox.baseUrl,
      credentials: cloposCredentials(sandbox.credentials),
      cloposTimeoutMs: 10_000,
      cloposBudgetPerMinute: 280,
      cacheTtlMs: 2000,
      requestTimeoutMs: 15_000,
      redisUrl: `redis://127.0.0.1:${port}`,
    },
    { logger: { warn: () => undefined, info: () => undefined } },
  );
  const live = createLiveOrders(shield, { pollIntervalMs: INTERVAL, maxSubscriptionsPerKey: 500, cloposBudgetPerMinute: 280, lingerMs: 300 });
  const yoga = createGateway({ clopos: shield.clopos, live });
  instances.push({ shield, live, yoga });
  return { shield, live, yoga };
}

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  sandbox = await startSandbox({ seed: 7 });
});

afterAll(async () => {
  for (const i of instances) {
    await i.live.close();
    await i.shield.close();
  }
  await sandbox?.close();
  redis?.kill('SIGKILL');
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
