// `npm run test:soak`: the gateway as `npm start` runs it (node scripts/start.mjs, a child
// process), against a sandbox in this process whose demo mode moves orders on its own, for
// SOAK_SECONDS (default 300) under mixed load: queries, creates with and without idempotency
// keys, cancels, and 20 SSE plus 5 graphql-ws subscribers that disconnect and come back with
// `since`. It fails (exit 1) unless every subscriber received every change of the measured window
// exactly once, no request got an error, the breaker stayed closed and /readiness 200, the log
// has no error line, and RSS is steady (the median of the last third of the samples within 25 %
// of the middle third's). It prints the figures.
//
//   SOAK_SECONDS=60 npm run test:soak     # a short local run
import { startSandbox } from '../../src/sandbox/index.js';
import { toStatus } from '../../src/upstreams/clopos/to-domain.js';
import { upstreamEnv } from '../support/process.js';
import { caller, checkHealth, checkSubscribers, churnLoop, lastStatuses, load, metrics, random, sleep, startGateway, Subscriber, monitor, warmupMs } from './shared.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const WARMUP_MS = warmupMs(SECONDS);
const POLL_MS = 1000;
const KEY = 'soak-key';

const failures: string[] = [];
const fail = (what: string) => failures.push(what);

// --- the gateway, as npm start runs it --------------------------------------------------------
const sandbox = await startSandbox({ seed: 11, demo: { intervalMs: 1500 } });
const started = Date.now();
const gateway = await startGateway({ ...upstreamEnv(sandbox), GATEWAY_API_KEYS: `soak:${KEY}`, POLL_INTERVAL_MS: String(POLL_MS) });
const { url } = gateway;
console.log(`soak: gateway up on ${url} after ${Date.now() - started} ms; running ${SECONDS} s (warm-up ${WARMUP_MS / 1000} s)`);

const subscribers = [
  ...Array.from({ length: 20 }, (_, i) => new Subscriber(`sse-${i + 1}`, 'sse', url, KEY)),
  ...Array.from({ length: 5 }, (_, i) => new Subscriber(`ws-${i + 1}`, 'ws', url, KEY)),
];
for (const s of subscribers) s.connect();

// --- load ----------------------------------------------------------------------------------------
let running = true;
const client = caller(() => url, KEY);
const { errors } = client;

const { counts, queryLoop, writeLoop } = load({
  client,
  running: () => running,
  fail,
  keyPrefix: `soak-${started}`,
  queries: [
    ['query($first: Int) { orders(first: $first) { totalCount nodes { id status lines { name } } } }', () => ({ first: random(1, 4) * 5 })],
    ['query($s: OrderStatus) { orders(first: 10, filter: { status: $s }) { nodes { id status } } }', () => ({ s: ['PENDING', 'RECEIVED', 'DELIVERED'][random(0, 2)] })],
    ['query($id: ID!) { order(id: $id) { id status lines { name quantity } } }', (created) => ({ id: created.at(-random(1, Math.min(5, created.length || 1))) ?? '1' })],
  ],
  input: (n) => ({
    venueId: '1',
    saleTypeId: '2',
    customer: { name: `Soak ${n}`, phone: '+994502218834' },
    lines: [{ productId: '71', name: 'Plov', quantity: 1 + (n % 3), unitPrice: 9 }],
  }),
  stored: (n) => sandbox.control.orders().filter((o) => o.payload?.customer?.name === `Soak ${n}`).length,
});

const monitored = monitor(url, () => running);
const loops = [queryLoop(), queryLoop(), writeLoop(), monitored.done, ...subscribers.map((s) => churnLoop(s, () => running))];

// --- the run -------------------------------------------------------------------------------------
await sleep(WARMUP_MS);
const windowFrom = new Date().toISOString();
const before = new Map(sandbox.control.orders().map((o) => [String(o.id), o.status]));
const warm = await metrics(url);
const clopos0 = sandbox.control.requests().length;
console.log(`soak: warmed up; RSS ${(warm.rss / 1048576).toFixed(1)} MB`);
const end = started + WARMUP_MS + SECONDS * 1000;
while (Date.now() < end) {
  await sleep(Math.min(30_000, end - Date.now()));
  const seen = subscribers.map((s) => s.changes.length);
  console.log(`soak: ${Math.round((Date.now() - started) / 1000)} s, ${counts.queries} queries, changes per subscriber ${Math.min(...seen)}-${Math.max(...seen)}`);
}

// Stop the load and the demo, bring every subscriber back, and let the last changes arrive.
running = false;
sandbox.control.stopDemo();
await Promise.all(loops);
for (const s of subscribers) if (!s.connected) s.connect();
await sleep(5 * POLL_MS + 2000);
const last = await metrics(url);
const after = sandbox.control.orders();

// --- verdict -------------------------------------------------------------------------------------
const { union, perSubscriber } = checkSubscribers(subscribers, windowFrom, fail);
// Against Clopos itself: every order that changed in the window shows its final status last.
const lastStatus = lastStatuses(union);
let unseen = 0;
for (const order of after) {
  const id = String(order.id);
  if (before.get(id) === order.status) continue;
  // The graph names statuses its own way (Clopos's IGNORE is CANCELLED): compare through the adapter.
  if (lastStatus.get(id) !== toStatus(order.status)) unseen++;
}
if (unseen) fail(`${unseen} orders changed in Clopos without their last status reaching the subscribers`);
const unexpected = [...errors].filter(([code]) => code !== 'UPSTREAM_RATE_LIMITED');
if (unexpected.length) fail(`requests got errors: ${JSON.stringify(Object.fromEntries(unexpected))}`);
if (gateway.errorLines.length) fail(`the gateway logged ${gateway.errorLines.length} error lines, e.g. ${gateway.errorLines[0]}`);
const measured = monitored.samples.filter((s) => s.at >= started + WARMUP_MS).concat(last);
const growth = checkHealth('gateway', measured, warm, last, fail);

const figures = {
  seconds: SECONDS,
  requests: { ...counts, total: counts.queries + counts.creates + counts.repeats + counts.cancels, cloposCalls: sandbox.control.requests().length - clopos0 },
  changes: { inWindow: union.size, perSubscriberMin: Math.min(...perSubscriber), perSubscriberMax: Math.max(...perSubscriber) },
  reconnects: subscribers.reduce((n, s) => n + s.reconnects, 0),
  errors: Object.fromEntries(errors),
  logLines: Object.fromEntries(gateway.logLevels),
  rssMb: { afterWarmup: +(warm.rss / 1048576).toFixed(1), end: +(last.rss / 1048576).toFixed(1), growthPercent: +(growth * 100).toFixed(1) },
  breaker: measured.every((s) => s.breaker === 0) ? 'closed throughout' : 'opened',
};
console.log(`soak figures: ${JSON.stringify(figures, null, 2)}`);

await gateway.stop();
await sandbox.close();
if (failures.length) {
  console.error(`soak FAILED:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('soak passed');
process.exit(0);
