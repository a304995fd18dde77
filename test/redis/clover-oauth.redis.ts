// Clover OAuth with REDIS_URL: refresh tokens are single-use, so two gateway instances keep the
// current pair in one Redis key and only one of them refreshes; the other uses the pair it wrote.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCloverSandbox } from '../../src/clover-sandbox/index.js';
import type { RunningCloverSandbox } from '../../src/clover-sandbox/contract.js';
import { oauthTokens, RedisPairStore } from '../../src/upstreams/clover/auth.js';
import { cloverRefresher, createCloverClient } from '../../src/upstreams/clover/client.js';
import { startRedisServer, type RedisServer } from './redis-server.js';

let redis: RedisServer;
let sandbox: RunningCloverSandbox;
const clients: Redis[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
  sandbox = await startCloverSandbox({ seed: 5 });
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await sandbox?.close();
  await redis?.stop();
});

function instance(key: string) {
  const client = new Redis(redis.url);
  clients.push(client);
  const tokens = oauthTokens({
    appId: sandbox.oauth.appId,
    refreshToken: sandbox.control.currentRefreshToken(),
    store: new RedisPairStore(client, key),
    refresh: cloverRefresher(sandbox.baseUrl),
  });
  return createCloverClient({ baseUrl: sandbox.baseUrl, merchantId: sandbox.merchantId, tokens });
}

it('two instances starting together refresh once, and both call Clover with the pair in Redis', async () => {
  const key = 'test:clover:oauth';
  const [a, b] = [instance(key), instance(key)];
  const pages = await Promise.all([a, b, a, b].map((api) => api.listOrders({ filters: [], limit: 1, offset: 0 })));
  expect(pages.every((p) => p.length === 1)).toBe(true);
  const refreshes = sandbox.control.requests().filter((r) => r.route === 'POST /oauth/v2/refresh');
  expect(refreshes.map((r) => r.status)).toEqual([200]);
  const stored = JSON.parse((await clients[0]!.get(key))!) as { refreshToken: string };
  expect(stored.refreshToken).toBe(sandbox.control.currentRefreshToken());
  // A third instance started later uses the stored pair; it never spends the first refresh token again.
  const c = instance(key);
  await c.listOrders({ filters: [], limit: 1, offset: 0 });
  expect(sandbox.control.requests().filter((r) => r.route === 'POST /oauth/v2/refresh')).toHaveLength(1);
});
