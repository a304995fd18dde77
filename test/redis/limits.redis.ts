// Two gateway instances, built through createApp as `npm start` builds them, on one real
// redis-server: a key's rate limit and its subscription count are one limit across both, not one
// per instance.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { cloposCredentials, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/contract.js';
import { type SseSubscriber, subscribeSse, until } from '../live/support.js';
import { RedisSlots } from '../../src/redis/limits.js';
import { startRedisServer, type RedisServer } from './redis-server.js';

const RATE = 10;
const MAX_SUBSCRIPTIONS = 3;
let redis: RedisServer;
let sandbox: RunningSandbox;
let a: App;
let b: App;
const subscribers: SseSubscriber[] = [];
const board = { authorization: 'Bearer board-key' };
// Its own key for the rate limit test, so the subscription test starts with a full bucket.
const till = { authorization: 'Bearer till-key' };

async function instance(): Promise<App> {
  const config = {
    ...loadConfig({ GATEWAY_API_KEYS: 'board:board-key,desk:desk-key,till:till-key', REDIS_URL: redis.url }),
    rateLimitPerMinute: RATE,
    maxSubscriptionsPerKey: MAX_SUBSCRIPTIONS,
    logLevel: 'silent' as const,
  };
  return createApp(config, {
    upstream: { baseUrl: sandbox.baseUrl, credentials: cloposCredentials(sandbox.credentials) },
    shield: { logger: { warn: () => undefined, info: () => undefined } },
    live: { lingerMs: 300 },
  });
}

beforeAll(async () => {
  redis = await startRedisServer();
  sandbox = await startSandbox({ seed: 7 });
  a = await instance();
  b = await instance();
}, 20_000);

afterAll(async () => {
  for (const s of subscribers) s.close();
  await a?.close();
  await b?.close();
  await sandbox?.close();
  await redis?.stop();
});

async function ask(app: App, headers: Record<string, string>) {
  return app.yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
}

it('spends one per-key rate limit across both instances: 429 with Retry-After at the shared total', async () => {
  // Alternating, RATE requests pass in all (each instance alone would allow RATE).
  for (let i = 0; i < RATE; i++) expect((await ask(i % 2 ? b : a, till)).status).toBe(200);
  for (const app of [a, b]) {
    const refused = await ask(app, till);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
  }
  // Another key has its own bucket.
  expect((await ask(b, { authorization: 'Bearer desk-key' })).status).toBe(200);
});

it('counts one key’s subscriptions across both instances, and a closed one frees its slot for the other', async () => {
  const open = (app: App) => {
    const s = subscribeSse(app.yoga, {}, board);
    subscribers.push(s);
    return s;
  };
  const first = open(a);
  await until(() => a.live.status().subscriptions === 1, 5000, 'the first subscription on A');
  open(b);
  open(b);
  await until(() => b.live.status().subscriptions === 2, 5000, 'two subscriptions on B');

  // The shared total is reached: both instances refuse the key's next one.
  const overA = open(a);
  const overB = open(b);
  await until(() => overA.errors.length > 0 && overB.errors.length > 0, 5000, 'both refusals');
  expect(overA.errors[0]).toMatchObject({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } });
  expect(overB.errors[0]).toMatchObject({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } });

  // Another key is not counted against this one.
  const desk = subscribeSse(a.yoga, {}, { authorization: 'Bearer desk-key' });
  subscribers.push(desk);
  await until(() => a.live.status().subscriptions === 2, 5000, "another key's subscription");
  expect(desk.errors).toEqual([]);

  // Closing A's subscription frees the slot for B.
  first.close();
  await until(() => a.live.status().subscriptions === 1, 5000, 'the first subscription to end');
  const again = open(b);
  await until(() => b.live.status().subscriptions === 3 || again.errors.length > 0, 5000, 'a subscription in the freed slot');
  expect(again.errors).toEqual([]);
  expect(b.live.status().subscriptions).toBe(3);
});

it('gives back the slots of an instance that died (no release, no renewal) once their lease ends', async () => {
  const link = a.quota.redis!;
  const dead = new RedisSlots(link.client, link, 1000, 'limits-test:');
  const alive = new RedisSlots(link.client, link, 1000, 'limits-test:');
  expect(await dead.acquire('key:x', 1)).toHaveProperty('release');
  dead.close(); // stops renewing, as a killed process would, and never releases
  // A live holder renews past its lease: its slot stays taken.
  const kept = await alive.acquire('key:y', 1);
  expect(kept).toHaveProperty('release');
  expect(await alive.acquire('key:x', 1)).toEqual({ held: 1 });
  await new Promise((resolve) => setTimeout(resolve, 1600));
  expect(await alive.acquire('key:y', 1)).toEqual({ held: 1 });
  expect(await alive.acquire('key:x', 1)).toHaveProperty('release');
  alive.close();
});
