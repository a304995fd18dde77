// `npm run test:soak:clover`: the Clopos soak (soak.ts) over Clover, the way a real multi-instance
// deployment runs: two gateways started as `npm start` starts them (scripts/start.mjs, child
// processes) with UPSTREAM=clover, CLOVER_BASE_URL at an embedded Clover sandbox in this process
// (demo mode moving orders, Clover's per-token limits enforced: 429 past 16/s or 5 in flight),
// OAuth on (CLOVER_APP_ID + CLOVER_REFRESH_TOKEN, short-lived access tokens) and REDIS_URL at a
// redis-server this script starts on a free loopback port. The two share the token pair (one
// refreshes), the live poller's lease (one polls), idempotency keys and the change log.
// Mixed load spread over both: order lists with filters and totalCount, orders by id, createOrder
// with free-form lines (Clover has no catalogue) with and without idempotency keys, each keyed one
// repeated (often on the other instance), cancelOrder; 20 SSE + 5 graphql-ws subscribers split
// between the instances, disconnecting and resuming with `since`.
//
// Every clock the run depends on, set or left as it is, and all shorter than the run (it fails
// otherwise):
//   OAuth access-token life            30 s   (sandbox oauth.accessTokenLifetimeSeconds)
//   OAuth refresh-token life           90 s   (sandbox oauth.refreshTokenLifetimeSeconds)
//   gateway refresh margin             15 s   (REFRESH_MARGIN_MS 60 s, capped at half the token's life)
//   refresher's Redis lock             10 s   (REFRESH_LOCK_MS)
//   "just refreshed" 401 window         1 s   (JUST_REFRESHED_MS)
//   Clover rate gate                    1 s   window, 16 calls/s, 5 in flight (CLOVER_PER_SECOND/CONCURRENT)
//   GET cache TTL                       2 s   (CACHE_TTL_MS)
//   live poll interval                  1 s   (POLL_INTERVAL_MS)
//   poller lease TTL                   10 s   (LEASE_TTL_MS, renewed by every poll)
//   poller state TTL                   30 s   (STATE_TTL_MS)
//   subscription heartbeat             10 s   (live default)
//   subscription slot lease            30 s   (src/redis/limits.ts, renewed while subscribed)
//   request deadline                   15 s   (GATEWAY_REQUEST_TIMEOUT_MS); each Clover call 10 s (CLOPOS_TIMEOUT_MS)
//   createOrder commit window          10 s   (CLOPOS_COMMIT_WINDOW_MS); in-flight key lease 60 s (IN_FLIGHT_LEASE_MS)
// (Idempotency keys live 24 h: repeats come within seconds, so the run needs them to live, not expire.)
//
// It fails (exit 1) unless: every subscriber received every change of the measured window exactly
// once; no request got an error (an unsent UPSTREAM_RATE_LIMITED create excepted, as on Clopos);
// no 401 reached a client; the gateways refreshed at least run/token-life - 1 times in the window,
// every refresh answered 200 (a 401 there is a spent refresh token: two refreshers), at most one
// per half token life (one refresher), and the pair in Redis is Clover's current one; one instance
// held the poller's lease all through (sampled in Redis every second); Clover answered 429 to at
// most 1 % of calls (two instances' gates cannot see each other's calls; the gateway waits a 429
// out and resends, so no client may see one);
// every keyed create made exactly one visible order; both breakers stayed closed and /readiness
// 200; no error log line; RSS of each gateway steady (the median of the last third of its samples
// within 25 % of the middle third's).
//
//   SOAK_SECONDS=120 npm run test:soak:clover     # a short local run
import { startCloverSandbox } from '../../src/clover-sandbox/index.js';
import type { CloverRequestLogEntry } from '../../src/clover-sandbox/contract.js';
import { DEFAULT_COMMIT_WINDOW_MS } from '../../src/config.js';
import { IN_FLIGHT_LEASE_MS } from '../../src/graph/write/placeOrder.js';
import { LEASE_TTL_MS } from '../../src/live/redis-store.js';
import { STATE_TTL_MS } from '../../src/live/store.js';
import { JUST_REFRESHED_MS, REFRESH_LOCK_MS, REFRESH_MARGIN_MS } from '../../src/upstreams/clover/auth.js';
import { CLOVER_CONCURRENT, CLOVER_PER_SECOND } from '../../src/upstreams/clover/shield.js';
import { toStatus } from '../../src/upstreams/clover/to-domain.js';
import { Redis } from 'ioredis';
import { startRedisServer } from '../redis/redis-server.js';
import { caller, checkHealth, checkSubscribers, churnLoop, lastStatuses, load, metrics, monitor, random, sleep, startGateway, Subscriber, warmupMs } from './shared.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const WARMUP_MS = warmupMs(SECONDS);
const KEY = 'soak-key';
const TOKEN_S = 30;
const CLOCKS_MS: Record<string, number> = {
  'access-token life': TOKEN_S * 1000,
  'refresh-token life': 90_000,
  'refresh margin': Math.min(REFRESH_MARGIN_MS, (TOKEN_S * 1000) / 2),
  'refresh lock': REFRESH_LOCK_MS,
  'just-refreshed window': JUST_REFRESHED_MS,
  'rate gate window': 1000,
  'GET cache TTL': 2000,
  'poll interval': 1000,
  'poller lease TTL': LEASE_TTL_MS,
  'poller state TTL': STATE_TTL_MS,
  'subscription heartbeat': 10_000,
  'subscription slot lease': 30_000,
  'request deadline': 15_000,
  'Clover call timeout': 10_000,
  'commit window': DEFAULT_COMMIT_WINDOW_MS,
  'in-flight key lease': IN_FLIGHT_LEASE_MS,
};
const POLL_MS = CLOCKS_MS['poll interval']!;

const failures: string[] = [];
const fail = (what: string) => failures.push(what);
const longest = Object.entries(CLOCKS_MS).sort((a, b) => b[1] - a[1])[0]!;
if (SECONDS * 1000 <= longest[1]) fail(`SOAK_SECONDS=${SECONDS} is not longer than the ${longest[0]} (${longest[1] / 1000} s)`);

// --- Clover, Redis and two gateways, as a deployment runs them -----------------------------------
const sandbox = await startCloverSandbox({
  seed: 13,
  demo: { intervalMs: 1500 },
  enforceRateLimits: true,
  oauth: { accessTokenLifetimeSeconds: TOKEN_S, refreshTokenLifetimeSeconds: CLOCKS_MS['refresh-token life']! / 1000 },
});
const redis = await startRedisServer();
const started = Date.now();
const env = {
  UPSTREAM: 'clover',
  CLOVER_BASE_URL: sandbox.baseUrl,
  CLOVER_MERCHANT_ID: sandbox.merchantId,
  CLOVER_APP_ID: sandbox.oauth.appId,
  CLOVER_REFRESH_TOKEN: sandbox.oauth.refreshToken,
  REDIS_URL: redis.url,
  GATEWAY_API_KEYS: `soak:${KEY}`,
  POLL_INTERVAL_MS: String(POLL_MS),
  CACHE_TTL_MS: String(CLOCKS_MS['GET cache TTL']),
  GATEWAY_REQUEST_TIMEOUT_MS: String(CLOCKS_MS['request deadline']),
  CLOPOS_TIMEOUT_MS: String(CLOCKS_MS['Clover call timeout']),
};
// One after the other: the first may build dist/.
const gateways = [await startGateway(env), await startGateway(env)];
const urls = gateways.map((g) => g.url);
console.log(`clover soak: gateways up on ${urls.join(', ')} after ${Date.now() - started} ms; running ${SECONDS} s (warm-up ${WARMUP_MS / 1000} s)`);

const subscribers = [
  ...Array.from({ length: 20 }, (_, i) => new Subscriber(`sse-${i + 1}@${i % 2}`, 'sse', urls[i % 2]!, KEY)),
  ...Array.from({ length: 5 }, (_, i) => new Subscriber(`ws-${i + 1}@${i % 2}`, 'ws', urls[i % 2]!, KEY)),
];
for (const s of subscribers) s.connect();

// --- the Clover request log, tallied (the sandbox keeps its last 5000 entries) --------------------
const tally = { calls: 0, loadCalls: 0, refreshes: 0, refreshRefused: 0, polls: 0, status401: 0, status429: 0 };
/** When the load stopped: calls before it make the calls-per-minute figure under load. */
let loadEnd = Infinity;
/** Calls per route, and the list calls per query shape (numbers blanked). */
const byRoute: Record<string, number> = {};
/** Seconds into the window of each refresh. */
const refreshAt: number[] = [];
const listShapes: Record<string, number> = {};
let windowOpen = false;
let windowStart = 0;
let lastAt = 0;
let atLastCount = 0;
/** Entries older than `settledMs` have their answer (status) by now. */
function readLog(settledMs: number): void {
  const until = Date.now() - settledMs;
  const entries = sandbox.control.requests().filter((e) => e.at <= until && (e.at > lastAt || e.at === lastAt));
  const fresh: CloverRequestLogEntry[] = [];
  let sameAt = 0;
  for (const e of entries) {
    if (e.at === lastAt && sameAt++ < atLastCount) continue;
    fresh.push(e);
  }
  for (const e of fresh) {
    if (e.at > lastAt) {
      lastAt = e.at;
      atLastCount = 0;
    }
    atLastCount++;
    if (!windowOpen) continue;
    if (e.status === 401) tally.status401++;
    if (e.status === 429) tally.status429++;
    if (e.route === 'POST /oauth/v2/refresh') {
      tally.refreshes++;
      refreshAt.push(+((e.at - windowStart) / 1000).toFixed(1));
      if (e.status !== 200) tally.refreshRefused++;
      continue;
    }
    tally.calls++;
    if (e.at <= loadEnd) tally.loadCalls++;
    byRoute[e.route] = (byRoute[e.route] ?? 0) + 1;
    if (e.route !== 'GET /orders') continue;
    const shape = decodeURIComponent(e.rawQuery).replace(/\d+/g, 'N');
    listShapes[shape] = (listShapes[shape] ?? 0) + 1;
    // The live poller's read (src/upstreams/clover/index.ts recentlyUpdated): no filter, newest update first.
    if (!e.rawQuery.includes('filter=') && e.rawQuery.includes('orderBy=modifiedTime')) tally.polls++;
  }
}

// --- load, spread over both instances --------------------------------------------------------------
let running = true;
let turn = 0;
const client = caller(() => urls[turn++ % urls.length]!, KEY);
const { errors } = client;
const visibleFor = (n: number) =>
  sandbox.control.orders().filter((o) => o.state !== null && o.deletedTime === undefined && o.customers.some((c) => c.firstName === `Soak ${n}`)).length;
const { counts, queryLoop, writeLoop } = load({
  client,
  running: () => running,
  fail,
  keyPrefix: `clover-soak-${started}`,
  queries: [
    ['query($first: Int) { orders(first: $first) { totalCount nodes { id status total { amount currencyCode } lines { name quantity } } } }', () => ({ first: random(1, 4) * 5 })],
    ['query($s: OrderStatus) { orders(first: 10, filter: { status: $s }) { nodes { id status } } }', () => ({ s: ['RECEIVED', 'DELIVERED', 'CANCELLED'][random(0, 2)] })],
    [
      'query($from: Date) { orders(first: 10, filter: { createdFrom: $from }) { nodes { id createdAt } } }',
      () => ({ from: new Date(Date.now() - random(0, 3) * 86_400_000).toISOString().slice(0, 10) }),
    ],
    ['query($id: ID!) { order(id: $id) { id status comment lines { name quantity modifiers { name } } } }', (created) => ({ id: created.at(-random(1, Math.min(5, created.length || 1))) ?? sandbox.control.orders()[0]!.id })],
  ],
  input: (n) => ({
    venueId: sandbox.merchantId,
    saleTypeId: 'TAKEOUT',
    customer: { name: `Soak ${n}`, phone: '+15550123' },
    lines: [
      { productId: 'P51', name: 'Pizza', quantity: 1 + (n % 3), unitPrice: 8.5, ...(n % 4 === 0 ? { modifiers: [{ modifierId: 'M501', name: 'Extra cheese', quantity: 1, unitPrice: 0.75 }] } : {}) },
      { productId: 'P52', name: 'Lemonade', quantity: 1, unitPrice: 3.25 },
    ],
  }),
  stored: visibleFor,
});

const monitors = gateways.map((g) => monitor(g.url, () => running));
// Who holds the live poller's lease (each instance's random id), sampled from Redis every second.
const peek = new Redis(redis.url);
const leaseHolders = new Map<string, number>();
let leaseSamples = 0;
const leaseReader = (async () => {
  let key: string | undefined;
  while (running) {
    key ??= (await peek.keys('clopos-graphql:live:*:lease'))[0];
    const holder = key && (await peek.get(key));
    if (windowOpen) {
      leaseSamples++;
      leaseHolders.set(holder || 'none', (leaseHolders.get(holder || 'none') ?? 0) + 1);
    }
    await sleep(1000);
  }
})();
const logReader = (async () => {
  while (running) {
    readLog(20_000);
    await sleep(2000);
  }
})();
const loops = [queryLoop(), queryLoop(), writeLoop(), logReader, leaseReader, ...monitors.map((m) => m.done), ...subscribers.map((s) => churnLoop(s, () => running))];

// --- the run -------------------------------------------------------------------------------------
await sleep(WARMUP_MS);
readLog(0);
windowOpen = true;
windowStart = Date.now();
const windowFrom = new Date(windowStart).toISOString();
const before = new Map(sandbox.control.orders().map((o) => [o.id, toStatus(o)]));
const warm = await Promise.all(urls.map((u) => metrics(u)));
console.log(`clover soak: warmed up; RSS ${warm.map((w) => (w.rss / 1048576).toFixed(1)).join(' / ')} MB`);
const end = started + WARMUP_MS + SECONDS * 1000;
while (Date.now() < end) {
  await sleep(Math.min(30_000, end - Date.now()));
  const seen = subscribers.map((s) => s.changes.length);
  console.log(
    `clover soak: ${Math.round((Date.now() - started) / 1000)} s, ${counts.queries} queries, ${counts.creates} creates, changes per subscriber ${Math.min(...seen)}-${Math.max(...seen)}, refreshes ${tally.refreshes} (log read to ${Math.round((Date.now() - lastAt) / 1000)} s ago)`,
  );
}
loadEnd = Date.now();
const windowSeconds = (loadEnd - windowStart) / 1000;

// Stop the load and the demo, bring every subscriber back, and let the last changes arrive.
running = false;
sandbox.control.stopDemo();
await Promise.all(loops);
for (const s of subscribers) if (!s.connected) s.connect();
await sleep(5 * POLL_MS + 2000);
const last = await Promise.all(urls.map((u) => metrics(u)));
const after = sandbox.control.orders();
// The log is tallied up to here, the settling included: refreshes and calls are counted over this.
const tallySeconds = (Date.now() - windowStart) / 1000;
readLog(0);

// --- verdict -------------------------------------------------------------------------------------
const { union, perSubscriber } = checkSubscribers(subscribers, windowFrom, fail);
// Against Clover itself: every order that changed status in the window shows its final status last.
const lastStatus = lastStatuses(union);
let unseen = 0;
for (const order of after) {
  if (order.state === null || before.get(order.id) === toStatus(order)) continue;
  if (lastStatus.get(order.id) !== toStatus(order)) unseen++;
}
if (unseen) fail(`${unseen} orders changed in Clover without their last status reaching the subscribers`);
const unexpected = [...errors].filter(([code]) => code !== 'UPSTREAM_RATE_LIMITED');
if (unexpected.length) fail(`requests got errors: ${JSON.stringify(Object.fromEntries(unexpected))}`);
if (errors.has('UPSTREAM_AUTH_FAILED')) fail('a 401 reached a client (UPSTREAM_AUTH_FAILED)');
const minRefreshes = Math.floor(tallySeconds / TOKEN_S) - 1;
const maxRefreshes = Math.ceil(tallySeconds / (TOKEN_S / 2)) + 1;
if (tally.refreshes < minRefreshes) fail(`${tally.refreshes} refreshes in ${tallySeconds.toFixed(0)} s, fewer than ${minRefreshes}`);
if (tally.refreshes > maxRefreshes) fail(`${tally.refreshes} refreshes in ${tallySeconds.toFixed(0)} s, more than one per half token life (${maxRefreshes}): more than one refresher?`);
if (tally.refreshRefused) fail(`${tally.refreshRefused} refreshes were refused (a spent refresh token: two instances refreshed with the same one)`);
// One poller: one instance held the lease all through (renewed by every poll, past its TTL many times).
if (leaseHolders.size !== 1 || leaseHolders.has('none')) fail(`the poller lease was held by ${JSON.stringify(Object.fromEntries(leaseHolders))} over ${leaseSamples} samples: not one poller`);
// The pair in Redis is the one Clover will take next: no instance spent it behind the others' backs.
const stored = JSON.parse((await peek.get(`clopos-graphql:clover:oauth:${sandbox.oauth.appId}:${sandbox.merchantId}`)) ?? '{}') as { refreshToken?: string };
if (stored.refreshToken !== sandbox.control.currentRefreshToken()) fail('the refresh token in Redis is not the one Clover holds as current');
// Two instances on one token cannot see each other's calls, so Clover may refuse a few with 429;
// the gateway waits those out (writes too), so they must stay rare and no client may see one.
if (tally.status429 > tally.calls / 100) fail(`Clover answered ${tally.status429} of ${tally.calls} calls with 429 (more than 1 %)`);
gateways.forEach((g, i) => {
  if (g.errorLines.length) fail(`gateway ${i} logged ${g.errorLines.length} error lines, e.g. ${g.errorLines[0]}`);
});
const growth = gateways.map((_, i) => checkHealth(`gateway ${i}`, monitors[i]!.samples.filter((s) => s.at >= windowStart).concat(last[i]!), warm[i]!, last[i]!, fail));

const figures = {
  seconds: SECONDS,
  windowSeconds: +windowSeconds.toFixed(1),
  tallySeconds: +tallySeconds.toFixed(1),
  clocksSeconds: Object.fromEntries(Object.entries(CLOCKS_MS).map(([k, v]) => [k, v / 1000])),
  rateGate: { perSecond: CLOVER_PER_SECOND, concurrent: CLOVER_CONCURRENT },
  requests: { ...counts, total: counts.queries + counts.creates + counts.repeats + counts.cancels },
  lease: { samples: leaseSamples, holders: leaseHolders.size },
  refreshAt,
  clover: { calls: tally.calls, callsPerMinuteUnderLoad: Math.round((tally.loadCalls / windowSeconds) * 60), polls: tally.polls, refreshes: tally.refreshes, status401: tally.status401, status429: tally.status429 },
  cloverRoutes: byRoute,
  cloverListShapes: Object.fromEntries(Object.entries(listShapes).sort((a, b) => b[1] - a[1]).slice(0, 6)),
  changes: { inWindow: union.size, perSubscriberMin: Math.min(...perSubscriber), perSubscriberMax: Math.max(...perSubscriber) },
  reconnects: subscribers.reduce((n, s) => n + s.reconnects, 0),
  errors: Object.fromEntries(errors),
  logLines: gateways.map((g) => Object.fromEntries(g.logLevels)),
  rssMb: gateways.map((_, i) => ({ afterWarmup: +(warm[i]!.rss / 1048576).toFixed(1), end: +(last[i]!.rss / 1048576).toFixed(1), growthPercent: +(growth[i]! * 100).toFixed(1) })),
  // Every 5 s sample, so a reader can tell a leak (every sample higher) from the GC's sawtooth.
  rssSamplesMb: monitors.map((m) => m.samples.map((s) => Math.round(s.rss / 1048576)).join(' ')),
};
console.log(`clover soak figures: ${JSON.stringify(figures, null, 2)}`);

for (const g of gateways) await g.stop();
await sandbox.close();
peek.disconnect();
await redis.stop();
if (failures.length) {
  console.error(`clover soak FAILED:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('clover soak passed');
process.exit(0);
