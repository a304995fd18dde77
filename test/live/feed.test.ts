// The live feed's signals, in process through yoga.fetch against the sandbox: a HEARTBEAT at once
// and then periodically with `feedAt` (the last successful poll), a feed that stalls when Clopos
// stops answering (feedAt stops while heartbeats go on), and a RESYNC when the poller has to start
// over from a fresh baseline (too many changes to catch up).
import { afterEach, expect, it } from 'vitest';
import { type LiveGateway, type SseSubscriber, sleep, startLiveGateway, subscribeSse, until } from './support.js';

const INTERVAL = 100;
let gateway: LiveGateway | undefined;
let subscribers: SseSubscriber[] = [];

afterEach(async () => {
  for (const s of subscribers) s.close();
  subscribers = [];
  await gateway?.close();
  gateway = undefined;
});

const heartbeats = (s: SseSubscriber) => s.signals.filter((m) => m.kind === 'HEARTBEAT');
const lagMs = (m: { at: string; feedAt: string | null }) => (m.feedAt ? Date.parse(m.at) - Date.parse(m.feedAt) : Infinity);

it('sends a HEARTBEAT at once and then periodically, with feedAt moving on while Clopos answers; feedAt stops when the poller stalls', async () => {
  gateway = await startLiveGateway({ live: { pollIntervalMs: INTERVAL, heartbeatMs: 200 } });
  const g = gateway;
  const s = subscribeSse(g.yoga);
  subscribers = [s];
  await until(() => s.signals.length > 0, 5000, 'the first message');
  expect(s.signals[0]!.kind).toBe('HEARTBEAT');
  // The first baseline: everything before it was never published, so the subscriber reloads.
  await until(() => s.resyncs.length > 0, 5000, 'the baseline RESYNC');
  await until(() => heartbeats(s).length >= 4, 5000, 'periodic heartbeats');
  const fresh = heartbeats(s).at(-1)!;
  expect(fresh.feedAt).not.toBeNull();
  expect(lagMs(fresh)).toBeLessThan(2000);
  // A change carries feedAt too.
  const [id] = g.sandbox.control.orders().filter((o) => o.status === 'PENDING').map((o) => o.id);
  g.sandbox.control.setOrderStatus(id!, 'RECEIVED');
  await until(() => s.changes.length === 1, 5000, 'the change');
  expect(s.changes[0]!.feedAt).not.toBeNull();

  // Clopos stops answering: heartbeats go on, feedAt stays where it was, so the lag grows.
  g.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 503 });
  const stalledFrom = heartbeats(s).length;
  await until(() => heartbeats(s).length >= stalledFrom + 2, 5000, 'heartbeats while stalled');
  const before = heartbeats(s).at(-1)!.feedAt;
  await sleep(2500);
  const stalled = heartbeats(s).at(-1)!;
  expect(stalled.feedAt).toBe(before);
  expect(lagMs(stalled)).toBeGreaterThan(2000);

  // Clopos answers again: feedAt catches up.
  g.sandbox.control.clearFaults();
  await until(() => lagMs(heartbeats(s).at(-1)!) < 2000, 10_000, 'a fresh feed again');
  expect(s.errors).toEqual([]);
});

it('sends every subscriber a RESYNC when the poller falls too far behind and takes a new baseline', async () => {
  gateway = await startLiveGateway({ live: { pollIntervalMs: 400, pageSize: 5, maxPages: 2 } });
  const g = gateway;
  subscribers = [subscribeSse(g.yoga), subscribeSse(g.yoga, { filter: { status: 'DELIVERED' } })];
  await until(() => subscribers.every((s) => s.resyncs.length === 1), 5000, 'the first baseline');
  await sleep(500);
  // More changes between two polls than two pages hold: the poller cannot tell them all.
  for (let i = 0; i < 12; i++) g.sandbox.control.addOrder();
  await until(() => subscribers.every((s) => s.resyncs.length === 2), 5000, 'a RESYNC for the new baseline');
  // The filtered subscriber gets it too: it cannot know whether a missed change matched.
  for (const s of subscribers) expect(s.errors).toEqual([]);
  // Continuous again once Clopos's clock (whole seconds) has moved past the flood's second: while
  // more orders than the poller reads share the newest second, it keeps starting over (and says so).
  // (The first order after it may still be caught in one more baseline, with its RESYNC.)
  await sleep(1100);
  g.sandbox.control.addOrder();
  await sleep(1100);
  const created = g.sandbox.control.addOrder();
  await until(() => subscribers[0]!.changes.some((c) => c.order.id === String(created.id)), 5000, 'the next change');
});
