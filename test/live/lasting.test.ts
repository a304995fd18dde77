// Live updates through the gateway process (`npm start`'s src/main.ts) against a sandbox, for
// longer than every clock they depend on: the request deadline (GATEWAY_REQUEST_TIMEOUT_MS, set
// short), the Clopos token's lifetime (the sandbox's, set short); and with the query budget spent.
import { afterEach, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/contract.js';
import {
  type GatewayProcess,
  graphql,
  sleep,
  startGatewayProcess,
  subscribeWire,
  until,
  upstreamEnv,
  type WireSubscriber,
} from '../support/process.js';

const KEY = { authorization: 'Bearer lasting-key' };
let sandbox: RunningSandbox | undefined;
let gateway: GatewayProcess | undefined;
let subscribers: WireSubscriber[] = [];

afterEach(async () => {
  for (const s of subscribers) s.close();
  subscribers = [];
  await gateway?.stop();
  gateway = undefined;
  await sandbox?.close();
  sandbox = undefined;
});

const orderCalls = (s: RunningSandbox) => s.control.requests().filter((r) => r.method === 'GET' && r.path === '/orders').length;

async function health(url: string) {
  const readiness = await fetch(`${url}/readiness`);
  const metrics = await (await fetch(`${url}/metrics`)).text();
  const breaker = /^clopos_breaker_state(?:\{[^}]*\})? (\d+)/m.exec(metrics)?.[1];
  return { readiness: readiness.status, breaker: Number(breaker) };
}

it('keeps delivering changes for 3x the request deadline and past the token lifetime, breaker closed, ready throughout', async () => {
  const TIMEOUT_MS = 1500;
  const INTERVAL = 250;
  sandbox = await startSandbox({ seed: 7, tokenLifetimeSeconds: 2 });
  const s = sandbox;
  gateway = await startGatewayProcess({
    ...upstreamEnv(s),
    GATEWAY_API_KEYS: 'test:lasting-key',
    GATEWAY_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
    POLL_INTERVAL_MS: String(INTERVAL),
  });
  const g = gateway;
  const subscriber = subscribeWire(g.url, KEY);
  subscribers.push(subscriber);
  // The baseline is in once the poller has read the orders twice.
  await until(() => orderCalls(s) >= 2, 10_000, 'the poller');
  const started = Date.now();
  const authBefore = s.control.requests().filter((r) => r.path === '/auth').length;

  // One change every 400 ms until 3x the request deadline has passed.
  const added: number[] = [];
  const samples: Array<{ readiness: number; breaker: number }> = [];
  while (Date.now() - started < 3 * TIMEOUT_MS + 500) {
    const order = s.control.addOrder();
    added.push(order.id);
    const previous = added.at(-2);
    if (previous !== undefined) s.control.setOrderStatus(previous, 'RECEIVED');
    samples.push(await health(g.url));
    await sleep(400);
  }
  await until(() => added.every((id) => subscriber.changes.some((c) => c.order.id === String(id))), 15_000, 'every change at the subscriber');
  // The last status move too.
  await until(() => subscriber.changes.some((c) => c.order.id === String(added.at(-2)) && c.order.status === 'RECEIVED'), 10_000, 'the last move');

  expect(subscriber.errors).toEqual([]);
  // Exactly once: no change twice.
  expect(new Set(subscriber.changes.map((c) => c.at)).size).toBe(subscriber.changes.length);
  for (const id of added.slice(0, -1)) {
    const mine = subscriber.changes.filter((c) => c.order.id === String(id));
    expect(mine.map((c) => c.order.status).at(-1)).toBe('RECEIVED');
  }
  // The token was renewed on the way (its lifetime is 2 s), and nothing stopped.
  expect(s.control.requests().filter((r) => r.path === '/auth').length).toBeGreaterThan(authBefore);
  expect(Date.now() - started).toBeGreaterThan(3 * TIMEOUT_MS);
  samples.push(await health(g.url));
  expect(samples.every((h) => h.readiness === 200 && h.breaker === 0)).toBe(true);
  const logs = g.logs();
  expect(logs.filter((l) => l.msg === 'live orders: poll failed')).toEqual([]);
  expect(logs.filter((l) => l.level === 'error')).toEqual([]);
}, 60_000);

it('with the query budget spent by distinct queries, a change still reaches a subscriber within 2 polls; refusals log at info without a stack', async () => {
  const INTERVAL = 1000;
  sandbox = await startSandbox({ seed: 7 });
  const s = sandbox;
  // 120 calls a minute; the poller keeps max(10 %, one per interval = 60) of them.
  gateway = await startGatewayProcess({
    ...upstreamEnv(s),
    GATEWAY_API_KEYS: 'test:lasting-key',
    POLL_INTERVAL_MS: String(INTERVAL),
    CLOPOS_BUDGET_PER_MINUTE: '120',
    CACHE_TTL_MS: '0',
  });
  const g = gateway;
  const subscriber = subscribeWire(g.url, KEY);
  subscribers.push(subscriber);
  await until(() => orderCalls(s) >= 2, 10_000, 'the poller');

  // Distinct queries (400 of them: first x status) until the budget refuses them.
  const STATUSES = ['PENDING', 'RECEIVED', 'CANCELLED', 'DELIVERED'];
  const distinct = (n: number) =>
    graphql(g.url, KEY, 'query($f: Int!, $s: OrderStatus) { orders(first: $f, filter: { status: $s }) { totalCount } }', {
      f: 1 + (n % 100),
      s: STATUSES[Math.floor(n / 100) % 4],
    });
  let answered = 0;
  let refused = 0;
  for (let n = 0; n < 400 && refused === 0; n++) {
    const result = await distinct(n);
    if (result.errors?.[0]?.extensions?.code === 'UPSTREAM_RATE_LIMITED') refused++;
    else if (result.errors) throw new Error(`unexpected: ${JSON.stringify(result.errors)}`);
    else answered++;
  }
  expect(refused).toBe(1);
  // Keep distinct queries coming while the changes travel.
  let pressing = true;
  const pressure = (async () => {
    for (let n = answered + 1; pressing; n++) {
      const result = await distinct(n);
      if (result.errors?.[0]?.extensions?.code === 'UPSTREAM_RATE_LIMITED') refused++;
      await sleep(50);
    }
  })();

  // Three changes, one after the other, each timed and counted in polls.
  const delays: number[] = [];
  const polls: number[] = [];
  for (let i = 0; i < 3; i++) {
    await sleep(INTERVAL / 3);
    const before = orderCalls(s);
    const changedAt = Date.now();
    const order = s.control.addOrder();
    await until(() => subscriber.changes.some((c) => c.order.id === String(order.id)), 6 * INTERVAL + 5000, 'the change');
    delays.push(Date.now() - changedAt);
    polls.push(orderCalls(s) - before);
  }
  // The budget was still spent for queries when the changes arrived.
  const after = await distinct(399);
  expect(after.errors?.[0]?.extensions?.code).toBe('UPSTREAM_RATE_LIMITED');
  pressing = false;
  await pressure;

  console.log(
    `spent query budget: ${answered} queries answered, then ${refused} refused; changes delivered after ${delays.join(', ')} ms, ${polls.join(', ')} poll(s) each (interval ${INTERVAL} ms)`,
  );
  expect(refused).toBeGreaterThan(1);
  // Counted in polls, not time: the first poll after the change (or the one after, if it was mid-poll).
  for (const n of polls) expect(n).toBeLessThanOrEqual(2);
  for (const ms of delays) expect(ms).toBeLessThan(2 * INTERVAL + 5000);
  expect((await health(g.url)).breaker).toBe(0);

  // Expected, coded errors: info, no stack; nothing at error.
  const logs = g.logs();
  const limited = logs.filter((l) => l.code === 'UPSTREAM_RATE_LIMITED');
  expect(limited.length).toBeGreaterThan(0);
  expect(limited.every((l) => l.level === 'info' && l.err === undefined && !JSON.stringify(l).includes('stack'))).toBe(true);
  expect(logs.filter((l) => l.level === 'error')).toEqual([]);
}, 60_000);
