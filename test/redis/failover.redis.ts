// Live order updates on two gateway instances sharing one real redis-server, while Redis fails:
// the pub/sub connections dropped three times (CLIENT KILL TYPE pubsub, a network blip), Redis
// killed (SIGKILL) for 20 s and started again (empty), then paused (SIGSTOP) for 8 s and resumed.
// An order is created every 250 ms throughout. Every subscriber, on either instance, must either
// receive each order's change or, after the order was created, a RESYNC (the gap signal: its
// client reloads, and the reload shows the order). Nothing may be lost silently.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { RedisLiveStore } from '../../src/live/redis-store.js';
import { connectRedis } from '../../src/redis/connection.js';
import { cloposCredentials, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/contract.js';
import { startRedisServer, type RedisServer } from './redis-server.js';
import { type SseSubscriber, sleep, subscribeSse, until } from '../live/support.js';

const INTERVAL = 300;
let redis: RedisServer | undefined;
let sandbox: RunningSandbox;
const instances: App[] = [];

// Built through createApp like main.ts: a budget large enough not to be what is tested, no per-key
// limit, and a long request deadline (the subscriptions outlive the default 15 s).
async function instance() {
  const config: Config = {
    ...loadConfig({}),
    logLevel: 'silent',
    rateLimitPerMinute: 0,
    pollIntervalMs: INTERVAL,
    cloposBudgetPerMinute: 100_000,
    cacheTtlMs: 2000,
    requestTimeoutMs: 600_000,
    redisUrl: redis!.url,
  };
  const app = await createApp(config, {
    upstream: { baseUrl: sandbox.baseUrl, credentials: cloposCredentials(sandbox.credentials) },
    shield: { logger: { warn: () => undefined, info: () => undefined } },
    live: { lingerMs: 300, heartbeatMs: 1000 },
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

it('every subscriber on both instances gets every change or a RESYNC after it, through a Redis kill and a pause', async () => {
  const a = await instance();
  const b = await instance();
  const subscribers: Array<{ on: string; s: SseSubscriber }> = [
    ...Array.from({ length: 3 }, () => ({ on: 'A', s: subscribeSse(a.yoga) })),
    ...Array.from({ length: 3 }, () => ({ on: 'B', s: subscribeSse(b.yoga) })),
  ];
  await until(() => a.live.status().subscriptions === 3 && b.live.status().subscriptions === 3, 5000, 'subscriptions');
  // The first baseline's RESYNC has reached everyone: from here on the feed is continuous.
  await until(() => subscribers.every(({ s }) => s.resyncs.length >= 1), 10_000, 'the first baseline');
  const start = Date.now();
  const created: Array<{ id: string; at: number }> = [];
  let making = true;
  const maker = (async () => {
    while (making) {
      const order = sandbox.control.addOrder();
      created.push({ id: String(order.id), at: Date.now() });
      await sleep(250);
    }
  })();

  await sleep(2000);
  // Blips: each instance's pub/sub connection is dropped and comes back by itself; whatever was
  // published meanwhile never reaches that instance.
  const admin = new Redis(redis!.url);
  for (let i = 0; i < 3; i++) {
    await admin.client('KILL', 'TYPE', 'pubsub');
    await sleep(1500);
  }
  admin.disconnect();
  const blipsEndedAt = Date.now();
  await sleep(1000);
  const leaderBefore = a.live.status().leading ? 'A' : 'B';
  await redis!.stop();
  const killedAt = Date.now();
  await sleep(20_000);
  await redis!.restart();
  const restartedAt = Date.now();
  await sleep(8000);
  redis!.pause();
  const pausedAt = Date.now();
  await sleep(8000);
  redis!.resume();
  const resumedAt = Date.now();
  await sleep(8000);
  making = false;
  await maker;
  // The last orders' changes arrive within a few polls.
  const last = created.at(-1)!;
  await until(
    () => subscribers.every(({ s }) => s.changes.some((c) => c.order.id === last.id) || s.signals.some((m) => m.kind === 'RESYNC' && Date.parse(m.at) > last.at)),
    15_000,
    'the last change everywhere',
  );

  const t = (ms: number) => `${((ms - start) / 1000).toFixed(1)} s`;
  console.log(
    `${created.length} orders created over ${t(Date.now())}; pub/sub blips until ${t(blipsEndedAt)}; leader before: ${leaderBefore}; Redis killed at ${t(killedAt)}, restarted ${t(restartedAt)}, ` +
      `paused ${t(pausedAt)}, resumed ${t(resumedAt)}; leaders now: A ${a.live.status().leading}, B ${b.live.status().leading}`,
  );
  for (const [i, { on, s }] of subscribers.entries()) {
    const got = new Set(s.changes.map((c) => c.order.id));
    const resyncAt = s.signals.filter((m) => m.kind === 'RESYNC').map((m) => Date.parse(m.at));
    const delivered = created.filter((o) => got.has(o.id)).length;
    const covered = created.filter((o) => !got.has(o.id) && resyncAt.some((r) => r > o.at)).length;
    const lost = created.filter((o) => !got.has(o.id) && !resyncAt.some((r) => r > o.at));
    const duplicates = s.changes.length - got.size;
    console.log(
      `subscriber ${i + 1} on ${on}: ${delivered} of ${created.length} changes delivered, ${covered} covered by a RESYNC, ${lost.length} lost; ` +
        `${resyncAt.length} RESYNCs (at ${resyncAt.map(t).join(', ')}), ${duplicates} duplicates`,
    );
    expect(s.errors).toEqual([]);
    expect(lost.map((o) => `#${o.id} created at ${t(o.at)}`)).toEqual([]);
  }
  // The shared log restarted after the gap: a `since` from before it is refused (not replayed with
  // a hole), one from after it replays.
  const before = subscribers[0]!.s.changes.find((c) => Date.parse(c.at) < killedAt)!;
  const after = subscribers[0]!.s.changes.at(-3)!;
  const old = subscribeSse(a.yoga, { since: before.at });
  const recent = subscribeSse(b.yoga, { since: after.at });
  await until(() => old.errors.length > 0, 10_000, 'the refusal of an old since');
  expect(old.errors).toMatchObject([{ extensions: { code: 'REPLAY_UNAVAILABLE' } }]);
  await until(() => recent.changes.length >= 2, 10_000, 'the replay of a recent since');
  expect(recent.errors).toEqual([]);
  expect(recent.changes.slice(0, 2).map((c) => c.order.id)).toEqual(subscribers[0]!.s.changes.slice(-2).map((c) => c.order.id));
  for (const s of [old, recent]) s.close();
  for (const { s } of subscribers) s.close();
}, 120_000);

it('marks the next tick RESYNC on an instance whose pub/sub connection dropped while changes were published', async () => {
  const quiet = { warn: () => undefined, info: () => undefined };
  const [linkA, linkB] = await Promise.all([connectRedis(redis!.url, { logger: quiet }), connectRedis(redis!.url, { logger: quiet })]);
  const storeA = new RedisLiveStore(linkA, 'blip-test');
  const storeB = new RedisLiveStore(linkB, 'blip-test');
  const heard: string[] = [];
  storeB.listen(
    (event) => heard.push(`change ${event.order.id}`),
    (tick) => heard.push(tick.resync ? 'resync' : 'tick'),
  );
  const change = (id: number) => ({ kind: 'CREATED' as const, order: { id } as never, previousStatus: null, at: new Date(Date.now() + id).toISOString() });
  try {
    await until(() => linkA.reachable() && linkB.reachable(), 5000, 'both links');
    await sleep(300); // B's pub/sub connection subscribed
    await storeA.publish([change(1)], { polledAt: Date.now() });
    await until(() => heard.length === 2, 5000, 'the first change and tick');
    const admin = new Redis(redis!.url);
    await admin.client('KILL', 'TYPE', 'pubsub');
    admin.disconnect();
    // Published while B is not listening: B never hears change 2.
    await storeA.publish([change(2)], { polledAt: Date.now() });
    await sleep(1500); // B's pub/sub connection is back
    await storeA.publish([change(3)], { polledAt: Date.now() });
    await until(() => heard.length >= 4, 5000, 'the change after the blip');
    expect(heard).toEqual(['change 1', 'tick', 'change 3', 'resync']);
  } finally {
    await storeA.close();
    await storeB.close();
    await linkA.close();
    await linkB.close();
  }
});
