// Subscription.orderChanged end to end: SSE through yoga.fetch and graphql-ws on a real port,
// against the sandbox over HTTP, with a short poll interval.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { attachWebSocket } from '../../src/http/websocket.js';
import { type LiveGateway, ORDER_CHANGED, type SseSubscriber, sleep, startLiveGateway, subscribeSse, until } from './support.js';

const INTERVAL = 200;
let gateway: LiveGateway | undefined;
let subscribers: SseSubscriber[] = [];

afterEach(async () => {
  for (const s of subscribers) s.close();
  subscribers = [];
  await gateway?.close();
  gateway = undefined;
});

async function ready(g: LiveGateway, count: number) {
  await until(() => g.live.status().subscriptions === count, 5000, `${count} subscriptions`);
  // The baseline is in once the poller is leading and has polled at least once more.
  await until(() => g.live.status().leading, 5000, 'the poller');
  await sleep(INTERVAL * 2);
}

function pendingIds(g: LiveGateway, n: number): number[] {
  return g.sandbox.control
    .orders()
    .filter((o) => o.status === 'PENDING')
    .slice(0, n)
    .map((o) => o.id);
}

describe('Subscription.orderChanged', () => {
  it('delivers every change to 100 subscribers exactly once within two poll intervals, with one poller', async () => {
    gateway = await startLiveGateway({ live: { pollIntervalMs: INTERVAL } });
    const g = gateway;
    subscribers = Array.from({ length: 100 }, () => subscribeSse(g.yoga));
    await ready(g, 100);

    const changedAt = new Map<string, number>();
    for (const id of pendingIds(g, 3)) {
      g.sandbox.control.setOrderStatus(id, 'RECEIVED');
      changedAt.set(String(id), Date.now());
      await sleep(INTERVAL / 2);
    }
    const created = g.sandbox.control.addOrder();
    changedAt.set(String(created.id), Date.now());

    await until(() => subscribers.every((s) => s.changes.length >= 4), 4 * INTERVAL + 2000, 'every change at every subscriber');
    await sleep(INTERVAL * 2);
    let worst = 0;
    for (const s of subscribers) {
      expect(s.errors).toEqual([]);
      expect(s.changes.map((c) => c.order.id).sort()).toEqual([...changedAt.keys()].sort());
      expect(new Set(s.changes.map((c) => c.at)).size).toBe(4);
      s.changes.forEach((c, i) => (worst = Math.max(worst, s.arrivals[i]! - changedAt.get(c.order.id)!)));
    }
    const kinds = subscribers[0]!.changes.map((c) => [c.kind, c.previousStatus]);
    expect(kinds).toEqual([...Array(3).fill(['STATUS_CHANGED', 'PENDING']), ['CREATED', null]]);
    console.log(`delivery delay, worst of 100 subscribers x 4 changes: ${worst} ms (poll interval ${INTERVAL} ms)`);
    expect(worst).toBeLessThanOrEqual(2 * INTERVAL + 100);
  });

  it('sends Clopos as many requests with 100 subscribers as with 1, and stops polling after the last one leaves', async () => {
    gateway = await startLiveGateway({ live: { pollIntervalMs: INTERVAL, lingerMs: 300 } });
    const g = gateway;
    const window = 3000;

    subscribers = [subscribeSse(g.yoga)];
    await ready(g, 1);
    let before = g.listCalls();
    await sleep(window);
    const withOne = g.listCalls() - before;

    subscribers.push(...Array.from({ length: 99 }, () => subscribeSse(g.yoga)));
    await until(() => g.live.status().subscriptions === 100);
    before = g.listCalls();
    await sleep(window);
    const withHundred = g.listCalls() - before;
    console.log(
      `GET /orders per minute at POLL_INTERVAL_MS=${INTERVAL}: ${Math.round((withOne * 60_000) / window)} with 1 subscriber, ` +
        `${Math.round((withHundred * 60_000) / window)} with 100`,
    );
    expect(withOne).toBeGreaterThanOrEqual(window / INTERVAL / 2);
    // One poller's worth at most (one call per interval), however many subscribe.
    expect(withHundred).toBeLessThanOrEqual(window / INTERVAL + 2);

    for (const s of subscribers) s.close();
    await until(() => g.live.status().subscriptions === 0, 2000, 'subscriptions to end');
    await until(() => !g.live.status().polling, 300 + INTERVAL + 2000, 'the poller to stop');
    const after = g.listCalls();
    await sleep(INTERVAL * 4);
    expect(g.listCalls()).toBe(after);
  });

  it('replays what a reconnecting client missed with `since`, then goes live, nothing twice', async () => {
    gateway = await startLiveGateway({ live: { pollIntervalMs: INTERVAL, lingerMs: 2000 } });
    const g = gateway;
    const first = subscribeSse(g.yoga);
    subscribers.push(first);
    await ready(g, 1);
    const [a, b, c, d] = pendingIds(g, 4) as [number, number, number, number];
    g.sandbox.control.setOrderStatus(a, 'RECEIVED');
    await until(() => first.changes.length === 1);
    first.close();
    await until(() => g.live.status().subscriptions === 0);

    // While disconnected.
    g.sandbox.control.setOrderStatus(b, 'RECEIVED');
    await sleep(INTERVAL * 2);
    g.sandbox.control.setOrderStatus(c, 'IGNORE');
    await sleep(INTERVAL * 2);

    const again = subscribeSse(g.yoga, { since: first.changes[0]!.at });
    subscribers.push(again);
    await until(() => again.changes.length === 2, 3000, 'the replay');
    g.sandbox.control.setOrderStatus(d, 'RECEIVED');
    await until(() => again.changes.length >= 3, 3000, 'the live change');
    await sleep(INTERVAL * 3);
    expect(again.errors).toEqual([]);
    expect(again.changes.map((x) => [x.order.id, x.kind])).toEqual([
      [String(b), 'STATUS_CHANGED'],
      [String(c), 'STATUS_CHANGED'],
      [String(d), 'STATUS_CHANGED'],
    ]);
    const ats = again.changes.map((x) => Date.parse(x.at));
    expect([...ats].sort((x, y) => x - y)).toEqual(ats);
  });

  it('refuses a `since` older than what the gateway holds with REPLAY_UNAVAILABLE', async () => {
    gateway = await startLiveGateway({ live: { pollIntervalMs: INTERVAL } });
    const s = subscribeSse(gateway.yoga, { since: new Date(Date.now() - 3_600_000).toISOString() });
    subscribers.push(s);
    await until(() => s.errors.length > 0, 5000, 'an error');
    expect(s.errors[0]).toMatchObject({ extensions: { code: 'REPLAY_UNAVAILABLE' } });
  });

  it('applies the filter to the order as it is after the change', async () => {
    gateway = await startLiveGateway({ live: { pollIntervalMs: INTERVAL } });
    const g = gateway;
    const received = subscribeSse(g.yoga, { filter: { status: 'RECEIVED' } });
    const venue2 = subscribeSse(g.yoga, { filter: { venueId: '2' } });
    subscribers.push(received, venue2);
    await ready(g, 2);
    const [a, b] = pendingIds(g, 2) as [number, number];
    g.sandbox.control.setOrderStatus(a, 'RECEIVED');
    g.sandbox.control.setOrderStatus(b, 'IGNORE');
    g.sandbox.control.addOrder({ venue_id: 2 });
    await sleep(INTERVAL * 4);
    expect(received.changes.map((c) => c.order.id)).toEqual([String(a)]);
    expect(venue2.changes.every((c) => c.order.id !== String(a) || c.order.status === 'RECEIVED')).toBe(true);
    expect(venue2.changes.some((c) => c.kind === 'CREATED')).toBe(true);
  });

  it('limits subscriptions per API key (GATEWAY_MAX_SUBSCRIPTIONS_PER_KEY), over SSE and WebSocket together', async () => {
    gateway = await startLiveGateway({
      live: { pollIntervalMs: INTERVAL, maxSubscriptionsPerKey: 2 },
      gateway: { apiKeys: ['board:board-key:read', 'desk:desk-key'] },
    });
    const g = gateway;
    const { url, server, ws } = await listen(g, ['board:board-key:read', 'desk:desk-key']);
    try {
      const board = { authorization: 'Bearer board-key' };
      subscribers.push(subscribeSse(g.yoga, {}, board));
      await until(() => g.live.status().subscriptions === 1);
      const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: board, retryAttempts: 0, lazy: true });
      const viaWs = client.iterate({ query: ORDER_CHANGED });
      const pending = viaWs.next();
      await until(() => g.live.status().subscriptions === 2, 3000, 'the WebSocket subscription');

      const third = subscribeSse(g.yoga, {}, board);
      subscribers.push(third);
      await until(() => third.errors.length > 0, 3000, 'the refusal');
      expect(third.errors[0]).toMatchObject({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } });

      const desk = subscribeSse(g.yoga, {}, { authorization: 'Bearer desk-key' });
      subscribers.push(desk);
      await until(() => g.live.status().subscriptions === 3, 3000, "another key's subscription");
      expect(desk.errors).toEqual([]);

      await viaWs.return?.();
      void pending.catch(() => undefined);
      await until(() => g.live.status().subscriptions === 2, 3000, 'the WebSocket subscription to end');
      const fourth = subscribeSse(g.yoga, {}, board);
      subscribers.push(fourth);
      await until(() => g.live.status().subscriptions === 3, 3000, 'a subscription in the freed slot');
      await client.dispose();
    } finally {
      await ws.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('serves graphql-ws with the API key in connectionParams, and refuses a missing or wrong key', async () => {
    const keys = ['board:board-key:read'];
    gateway = await startLiveGateway({ live: { pollIntervalMs: INTERVAL }, gateway: { apiKeys: keys } });
    const g = gateway;
    const { url, server, ws } = await listen(g, keys);
    try {
      for (const connectionParams of [undefined, { authorization: 'Bearer wrong' }]) {
        const client = createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
        const closed = await client
          .iterate({ query: ORDER_CHANGED })
          .next()
          .then(
            () => undefined,
            (error: unknown) => error as { code?: number },
          );
        expect(closed?.code).toBe(4403);
        await client.dispose();
      }
      expect(g.live.status().subscriptions).toBe(0);

      const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { apiKey: 'board-key' }, retryAttempts: 0 });
      const changes = client.iterate<{ orderChanged: { kind: string; order: { id: string } } }>({ query: ORDER_CHANGED });
      let next = changes.next();
      await ready(g, 1);
      const [id] = pendingIds(g, 1) as [number];
      g.sandbox.control.setOrderStatus(id, 'RECEIVED');
      let { value } = await next;
      // The feed's signals (the first HEARTBEAT, the baseline's RESYNC) come before the change.
      while (value?.data?.orderChanged.kind === 'HEARTBEAT' || value?.data?.orderChanged.kind === 'RESYNC') {
        next = changes.next();
        ({ value } = await next);
      }
      expect(value).toMatchObject({ data: { orderChanged: { kind: 'STATUS_CHANGED', order: { id: String(id) } } } });
      await changes.return?.();
      // A read key may not run a mutation over WebSocket either.
      const mutation = await client
        .iterate({ query: 'mutation { cancelOrder(id: "1") { order { id } } }' })
        .next()
        .then((r) => r.value as { errors?: Array<{ extensions?: { code?: string } }> });
      expect(mutation.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      await client.dispose();
    } finally {
      await ws.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

async function listen(g: LiveGateway, apiKeys: string[]): Promise<{ url: string; server: Server; ws: { close(): Promise<void> } }> {
  const server = createServer(g.yoga);
  const ws = attachWebSocket(server, g.yoga, { apiKeys });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server, ws };
}
