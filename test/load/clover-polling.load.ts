// The polling load over Clover: 200 frontends polling the order list every 2 s for 20 s, over real
// HTTP, against one gateway built by createApp with UPSTREAM=clover and the documented defaults
// (CACHE_TTL_MS 2000): every poll answered with data, and Clover's calls per minute far below its
// 16 requests/s per token. The sandbox enforces Clover's limits, so a 429 would show.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startCloverSandbox } from '../../src/clover-sandbox/index.js';
import type { RunningCloverSandbox } from '../../src/clover-sandbox/contract.js';

const CLIENTS = 200;
const INTERVAL_MS = 2000;
const DURATION_MS = 20_000;
const KEYS = Array.from({ length: 20 }, (_, i) => `frontend${i}:load-key-${i}:read`);
const QUERY = `{ orders(first: 20, filter: { status: RECEIVED }) { totalCount nodes { id status createdAt customer { name } lines { name quantity } } } }`;

let sandbox: RunningCloverSandbox;
let app: App;
let server: Server;
afterAll(async () => {
  server?.close();
  await app?.close();
  await sandbox?.close();
});

it(`${CLIENTS} clients polling every ${INTERVAL_MS / 1000} s for ${DURATION_MS / 1000} s over Clover`, async () => {
  sandbox = await startCloverSandbox({ seed: 7, demo: { intervalMs: 1500 }, enforceRateLimits: true });
  app = await createApp(
    { ...loadConfig({ UPSTREAM: 'clover', GATEWAY_API_KEYS: KEYS.join(',') }), logLevel: 'silent' },
    { upstream: { clover: { baseUrl: sandbox.baseUrl, merchantId: sandbox.merchantId, token: sandbox.token } }, shield: { logger: { warn: () => undefined, info: () => undefined } } },
  );
  server = createServer(app.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  sandbox.control.clearRequests();

  const started = Date.now();
  let answered = 0;
  let failed = 0;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * INTERVAL_MS));
      for (let next = Date.now(); next < started + DURATION_MS; next += INTERVAL_MS) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
        const t = Date.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer load-key-${client % KEYS.length}` },
          body: JSON.stringify({ query: QUERY }),
        });
        const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
        latencies.push(Date.now() - t);
        if (response.ok && body.data && !body.errors) answered++;
        else failed++;
      }
    }),
  );
  const elapsedMin = (Date.now() - started) / 60_000;
  const calls = sandbox.control.requests();
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  console.log(
    [
      `clover load: ${answered + failed} GraphQL requests, ${answered} answered with data, ${failed} failed`,
      `Clover calls: ${calls.length} in ${(elapsedMin * 60).toFixed(1)} s = ${(calls.length / elapsedMin).toFixed(0)} calls/min (Clover allows 16/s = 960/min per token); 429s: ${calls.filter((c) => c.status === 429).length}`,
      `latency p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${latencies.at(-1)} ms`,
    ].join('\n'),
  );
  expect(failed).toBe(0);
  expect(calls.filter((c) => c.status === 429)).toEqual([]);
  // The GET cache shares one list call per 2 s window across every key's response cache.
  expect(calls.length).toBeLessThan(100);
});
