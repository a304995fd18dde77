// The fan-out groups subscriptions by their filter (src/live/fanout.ts): however a filter is
// written, subscribers of the same filter are one group, matched once per change, and each
// subscriber receives exactly the changes its filter matches, once.
import { afterEach, expect, it } from 'vitest';
import { type LiveGateway, type SseSubscriber, sleep, startLiveGateway, subscribeSse, until } from './support.js';

const INTERVAL = 200;
let gateway: LiveGateway | undefined;
let subscribers: SseSubscriber[] = [];

afterEach(async () => {
  for (const s of subscribers) s.close();
  subscribers = [];
  await gateway?.close();
  gateway = undefined;
});

const INLINE = /* GraphQL */ `subscription { orderChanged(filter: { status: RECEIVED, venueId: "1" }) { kind at order { id status } } }`;
const BY_VARIABLE = /* GraphQL */ `subscription($f: OrderFilter) { orderChanged(filter: $f) { kind at order { id status } } }`;
const ALL = /* GraphQL */ `subscription { orderChanged { kind at order { id status } } }`;

it('groups subscribers by filter however it is written, and delivers each change once to exactly those it matches', async () => {
  gateway = await startLiveGateway({ live: { pollIntervalMs: INTERVAL } });
  const g = gateway;
  const all = Array.from({ length: 20 }, () => subscribeSse(g.yoga, {}, {}, ALL));
  const inline = Array.from({ length: 20 }, () => subscribeSse(g.yoga, {}, {}, INLINE));
  const byVariable = Array.from({ length: 20 }, () => subscribeSse(g.yoga, { f: { venueId: '1', status: 'RECEIVED' } }, {}, BY_VARIABLE));
  subscribers = [...all, ...inline, ...byVariable];
  await until(() => g.live.status().subscriptions === 60, 10_000, '60 subscriptions');
  expect(g.live.status().filters).toBe(2);
  await until(() => g.live.status().leading, 5000, 'the poller');
  await sleep(INTERVAL * 3);

  const atVenue1 = g.sandbox.control.orders().find((o) => o.status === 'PENDING' && String(o.venue_id ?? o.payload?.service?.venue_id) === '1');
  expect(atVenue1).toBeDefined();
  g.sandbox.control.setOrderStatus(atVenue1!.id, 'RECEIVED');
  await sleep(INTERVAL * 2);
  const created = g.sandbox.control.addOrder();

  await until(() => all.every((s) => s.changes.length >= 2) && [...inline, ...byVariable].every((s) => s.changes.length >= 1), 10_000, 'the changes');
  await sleep(INTERVAL * 3);
  for (const s of all) expect(s.changes.map((c) => c.order.id)).toEqual([String(atVenue1!.id), String(created.id)]);
  for (const s of [...inline, ...byVariable]) {
    expect(s.changes.map((c) => [c.order.id, c.order.status])).toEqual([[String(atVenue1!.id), 'RECEIVED']]);
    expect(s.errors).toEqual([]);
  }
  // One message per change: every subscriber got the same `at`.
  expect(new Set(subscribers.map((s) => s.changes[0]!.at)).size).toBe(1);

  for (const s of inline) s.close();
  await until(() => g.live.status().subscriptions === 40, 10_000, 'the inline ones gone');
  expect(g.live.status().filters).toBe(2);
  for (const s of byVariable) s.close();
  await until(() => g.live.status().filters === 1, 10_000, 'their group gone');
});
