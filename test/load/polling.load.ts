// 200 frontends polling the order list every 2 s for 20 s, over real HTTP, against one gateway
// with the documented defaults (CACHE_TTL_MS 2000, budget 280/min): fewer than 100 Clopos calls,
// and every poll answered with data.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { cloposCredentials, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/contract.js';
import { createGateway } from '../../src/server.js';
import { createQuotaShield, type QuotaShield } from '../../src/shield/compose.js';

const CLIENTS = 200;
const INTERVAL_MS = 2000;
const DURATION_MS = 20_000;
const KEYS = Array.from({ length: 20 }, (_, i) => `frontend${i}:load-key-${i}:read`);
const QUERY = `{ orders(first: 20, filter: { status: PENDING }) { totalCount nodes { id status createdAt customer { name } lines { name quantity } } } }`;

let sandbox: RunningSandbox;
let shield: QuotaShield;
let server: Server;
afterAll(async () => {
  server?.close();
  await shield?.close();
  await sandbox?.close();
});

it(`${CLIENTS} clients polling every ${INTERVAL_MS / 1000} s for ${DURATION_MS / 1000} s cost fewer than 100 Clopos calls`, async () => {
  sandbox = await startSandbox({ seed: 7, demo: { intervalMs: 1500 } });
  shield = await createQuotaShield(
    {
      baseUrl: sandbox.baseUrl,
      credentials: cloposCredentials(sandbox.credentials),
      cloposTimeoutMs: 10_000,
      cloposBudgetPerMinute: 280,
      cacheTtlMs: 2000,
      requestTimeoutMs: 15_000,
    },
    { logger: { warn: () => undefined, info: () => undefined } },
  );
  const yoga = createGateway({
    clopos: shield.clopos,
    idempotency: shield.idempotency,
    plugins: shield.plugins,
    apiKeys: KEYS.map((entry) => {
      const [name, key] = entry.split(':');
      return { name: name!, key: key!, scope: 'read' as const };
    }),
  });
  server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  sandbox.control.clearRequests();

  const started = Date.now();
  const latencies: number[] = [];
  let answered = 0;
  let failed = 0;
  const clientsAnswered = new Set<number>();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      // Frontends do not start in step.
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
        if (response.ok && body.data && !body.errors) {
          answered++;
          clientsAnswered.add(client);
        } else failed++;
      }
    }),
  );
  const elapsedMin = (Date.now() - started) / 60_000;
  const calls = sandbox.control.requests();
  const dataCalls = calls.filter((r) => r.path !== '/auth').length;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  console.log(
    [
      `load: ${answered + failed} GraphQL requests, ${answered} answered with data, ${failed} failed`,
      `Clopos calls: ${calls.length} (${dataCalls} data, ${calls.length - dataCalls} auth) in ${(elapsedMin * 60).toFixed(1)} s`,
      `= ${(answered / Math.max(1, calls.length)).toFixed(1)} GraphQL requests per Clopos call, ${(calls.length / elapsedMin).toFixed(0)} calls/min against a budget of 280 (Clopos allows 300)`,
      `latency p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${latencies.at(-1)} ms`,
    ].join('\n'),
  );
  expect(failed).toBe(0);
  expect(clientsAnswered.size).toBe(CLIENTS);
  expect(calls.length).toBeLessThan(100);
});
