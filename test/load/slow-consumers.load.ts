// Slow consumers and anonymous pools, on the wire (node's http server and graphql-ws, as `npm start`
// composes them) against the sandbox, with no API keys configured (anonymous callers):
// - 500 SSE subscriptions from one client address that never read fill that address's pool only:
//   a client from another address subscribes and receives every change.
// - A subscriber that stops reading (SSE or graphql-ws) is disconnected once its buffer limit is
//   reached, and its slot is freed, while the other subscribers keep receiving.
// The changes are made large (a 64 KiB comment each) so the socket buffers (several MB on
// loopback) fill, and the per-subscription queue bound is what the server runs into.
import { request, createServer, type ClientRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { attachWebSocket } from '../../src/http/websocket.js';
import { type LiveGateway, startLiveGateway, until } from '../live/support.js';

const ORDERS = 150;
const COMMENT = 'x'.repeat(64 * 1024);
const SMALL = 'subscription { orderChanged { kind } }';
const BIG = 'subscription { orderChanged { kind at order { id comment } } }';
const READ = 'subscription { orderChanged { kind at } }';

let gateway: LiveGateway | undefined;
let server: Server | undefined;
let ws: { close(): Promise<void> } | undefined;
const clients: Array<{ close(): void }> = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await ws?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  await gateway?.close();
  gateway = server = ws = undefined;
});

interface SseClient {
  status: Promise<number>;
  /** Change messages received (the client reads only if `reading`). */
  changes: number;
  /** The distinct `at` of the changes received (when selected). */
  ats: Set<string>;
  errors: string[];
  /** The server ended or dropped the connection. */
  closed: boolean;
  resume(): void;
  close(): void;
}

function sse(port: number, query: string, options: { from?: string; reading: boolean }): SseClient {
  let req: ClientRequest;
  let res: IncomingMessage | undefined;
  const client: SseClient = {
    status: new Promise((resolve, reject) => {
      req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          localAddress: options.from ?? '127.0.0.1',
          agent: false,
          headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        },
        (response) => {
          res = response;
          if (!options.reading) response.pause();
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
            let end: number;
            while ((end = text.indexOf('\n\n')) >= 0) {
              const block = text.slice(0, end);
              text = text.slice(end + 2);
              const data = block.split('\n').find((line) => line.startsWith('data:'));
              if (!data || !data.slice(5).trim()) continue;
              const payload = JSON.parse(data.slice(5)) as { data?: { orderChanged: { kind: string; at?: string } }; errors?: Array<{ extensions?: { code?: string } }> };
              for (const e of payload.errors ?? []) client.errors.push(e.extensions?.code ?? 'error');
              const kind = payload.data?.orderChanged.kind;
              if (kind && kind !== 'HEARTBEAT' && kind !== 'RESYNC') {
                client.changes++;
                if (payload.data?.orderChanged.at) client.ats.add(payload.data.orderChanged.at);
              }
            }
          });
          response.on('close', () => (client.closed = true));
          response.on('error', () => (client.closed = true));
          resolve(response.statusCode ?? 0);
        },
      );
      req.on('error', (error) => {
        client.closed = true;
        reject(error);
      });
      req.end(JSON.stringify({ query }));
    }),
    changes: 0,
    ats: new Set(),
    errors: [],
    closed: false,
    resume: () => res?.resume(),
    close: () => req.destroy(),
  };
  client.status.catch(() => undefined);
  clients.push(client);
  return client;
}

/** A graphql-ws subscriber that subscribes, then stops reading its socket. */
async function stalledWs(port: number): Promise<{ closed: () => boolean; resume(): void }> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
  let closed = false;
  socket.on('close', () => (closed = true));
  socket.on('error', () => (closed = true));
  await new Promise<void>((resolve) => socket.once('open', () => resolve()));
  socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await new Promise<void>((resolve) => socket.once('message', () => resolve()));
  socket.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query: BIG } }));
  // Stop reading: the server's writes pile up in the socket buffers, then in its queue.
  const raw = (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
  raw.pause();
  clients.push({ close: () => socket.terminate() });
  return { closed: () => closed, resume: () => raw.resume() };
}

it('500 non-reading SSE subscriptions from one address neither block another address nor, once a reader stalls, the others', async () => {
  gateway = await startLiveGateway({ live: { pollIntervalMs: 1000, maxSubscriptionsPerKey: 500, maxQueued: 20, heartbeatMs: 60_000 } });
  const g = gateway;
  server = createServer(g.yoga);
  ws = attachWebSocket(server, g.yoga);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  // 497 small non-readers, 2 big SSE non-readers and 1 big graphql-ws non-reader: 127.0.0.1's 500.
  const idle = Array.from({ length: 497 }, () => sse(port, SMALL, { reading: false }));
  const stalled = [sse(port, BIG, { reading: false }), sse(port, BIG, { reading: false })];
  await Promise.all([...idle, ...stalled].map((c) => c.status));
  const stalledSocket = await stalledWs(port);
  await until(() => g.live.status().subscriptions === 500, 20_000, '500 subscriptions');

  // That address's pool is full; another address's is not.
  const refused = sse(port, SMALL, { reading: true });
  await until(() => refused.errors.length > 0 || refused.closed, 10_000, 'the refusal');
  expect(refused.errors).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
  const reader = sse(port, BIG, { from: '127.0.0.2', reading: true });
  expect(await reader.status).toBe(200);
  await until(() => g.live.status().subscriptions === 501, 10_000, 'the other address subscribed');

  // Large changes: more than the socket buffers of a stalled subscriber hold.
  const [template] = g.sandbox.control.orders();
  for (let i = 0; i < ORDERS; i++) {
    g.sandbox.control.addOrder({ payload: { ...template!.payload, meta: { ...template!.payload?.meta, comment: COMMENT } } } as never);
  }
  await until(() => reader.changes >= ORDERS, 60_000, 'every change at the reader');

  // The stalled ones were disconnected and their slots freed; the idle small ones are still there.
  await until(() => g.live.status().subscriptions === 501 - 3, 30_000, 'the stalled subscribers dropped');
  // A paused client sees the close only once it reads again (after what was already sent).
  stalledSocket.resume();
  await until(() => stalledSocket.closed(), 10_000, 'the graphql-ws socket closed');
  for (const s of stalled) {
    s.resume();
    await until(() => s.closed, 10_000, 'the SSE stream ended');
    expect(s.changes).toBeLessThan(ORDERS);
  }
  expect(idle.every((c) => !c.closed)).toBe(true);
  expect(reader.closed).toBe(false);
  expect(reader.errors).toEqual([]);

  // A freed slot is usable: 127.0.0.1 may subscribe again.
  const again = sse(port, SMALL, { reading: true });
  expect(await again.status).toBe(200);
  await until(() => g.live.status().subscriptions === 499, 10_000, 'the new subscription');
  expect(again.errors).toEqual([]);
}, 120_000);

it('at scale: 1,000 readers get every change exactly once while stalled SSE and graphql-ws readers are each dropped at their own buffer limit', async () => {
  // Per-connection bounds: each stalled subscription is ended once it holds `maxQueued` messages
  // from before the latest poll, however many others share its changes (one shared message and one
  // shared frame per change: the readers are not slowed by what the stalled ones hold).
  gateway = await startLiveGateway({ live: { pollIntervalMs: 500, maxSubscriptionsPerKey: 5000, maxQueued: 20, heartbeatMs: 60_000 } });
  const g = gateway;
  server = createServer(g.yoga);
  ws = attachWebSocket(server, g.yoga);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const readers: SseClient[] = [];
  for (let i = 0; i < 1000; i += 100) {
    const batch = Array.from({ length: 100 }, () => sse(port, READ, { reading: true }));
    await Promise.all(batch.map((c) => c.status));
    readers.push(...batch);
  }
  const stalled = Array.from({ length: 5 }, () => sse(port, BIG, { reading: false }));
  await Promise.all(stalled.map((c) => c.status));
  const stalledSockets = [await stalledWs(port), await stalledWs(port)];
  await until(() => g.live.status().subscriptions === 1007, 30_000, '1,007 subscriptions');
  expect(g.live.status().filters).toBe(1);
  await until(() => g.live.status().leading, 10_000, 'the poller');
  await new Promise((resolve) => setTimeout(resolve, 1500));

  const [template] = g.sandbox.control.orders();
  for (let i = 0; i < ORDERS; i++) {
    g.sandbox.control.addOrder({ payload: { ...template!.payload, meta: { ...template!.payload?.meta, comment: COMMENT } } } as never);
  }
  await until(() => readers.every((r) => r.ats.size >= ORDERS), 120_000, 'every change at every reader');
  await until(() => g.live.status().subscriptions === 1000, 60_000, 'the 7 stalled subscribers dropped');
  for (const s of stalledSockets) {
    s.resume();
    await until(() => s.closed(), 10_000, 'the graphql-ws socket closed');
  }
  for (const s of stalled) {
    s.resume();
    await until(() => s.closed, 10_000, 'the SSE stream ended');
    expect(s.changes).toBeLessThan(ORDERS);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (const r of readers) {
    expect(r.closed).toBe(false);
    expect(r.errors).toEqual([]);
    // Exactly once each: as many messages as distinct changes.
    expect(r.changes).toBe(ORDERS);
    expect(r.ats.size).toBe(ORDERS);
  }
}, 240_000);
