// Failures only a real socket shows: a server that never answers, one that hangs up, a port that
// refuses. The create path must never resend, and must tell "never sent" from "answer lost".
import { afterEach, describe, expect, it } from 'vitest';
import { createCloposClient, isUpstreamError, type UpstreamError } from '../../../src/upstreams/clopos/rest.js';
import type { ClopCreateOrderRequest } from '../../../src/upstreams/clopos/types.js';
import { CREDENTIALS, caught, refusedBaseUrl, startServer, type TestServer } from './fake-clopos.js';

const NEW_ORDER: ClopCreateOrderRequest = {
  sale_type_id: 2,
  venue_id: 1,
  customer: { id: 0, name: 'Guest' },
  products: [{ product_id: 101, product_name: 'Pizza', count: 1, price: 8.5, portion_size: 1 }],
  auto_order_accept: false,
  auto_order_sent_to_station: false,
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clientFor = (baseUrl: string, timeoutMs = 300) =>
  createCloposClient({ baseUrl, credentials: CREDENTIALS, timeoutMs });

async function upstreamError(promise: Promise<unknown>): Promise<UpstreamError> {
  const e = await caught(promise);
  if (!isUpstreamError(e)) throw new Error(`expected an UpstreamError, got ${String(e)}`);
  return e;
}

const dataRequests = () => server?.requests.filter((r) => r.url !== '/auth') ?? [];

describe('Clopos over a real socket', () => {
  it('serves a list over HTTP with the token in x-token and the exact query', async () => {
    let seen: { url?: string; token?: string | string[] } = {};
    server = await startServer((req, res) => {
      seen = { url: req.url, token: req.headers['x-token'] };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ success: true, data: [{ id: 1, status: 'PENDING' }], total: 1 }));
    });
    const page = await clientFor(server.baseUrl).call('listOrders', { page: 1, limit: 5, createdFrom: '2026-01-01', createdTo: '2026-01-31', sort: { field: 'id', direction: 1 } });
    expect(page).toEqual({ orders: [{ id: 1, status: 'PENDING' }], total: 1 });
    expect(seen).toEqual({ url: '/open-api/v2/orders?page=1&limit=5&date[0]=2026-01-01&date[1]=2026-01-31&sort[0]=id&sort[1]=1', token: 'srv-token' });
  });

  // The deadline covers the token request too: generous, so a loaded machine still sends the call.
  it('a read that gets no answer in time is UPSTREAM_UNAVAILABLE timeout', async () => {
    server = await startServer(() => undefined);
    const e = await upstreamError(clientFor(server.baseUrl, 1000).call('getOrder', { id: 1 }));
    expect([e.code, e.reason]).toEqual(['UPSTREAM_UNAVAILABLE', 'timeout']);
  });

  it('a create that gets no answer in time is UPSTREAM_OUTCOME_UNKNOWN after exactly one POST', async () => {
    server = await startServer(() => undefined);
    const e = await upstreamError(clientFor(server.baseUrl, 1000).call('createOrder', NEW_ORDER));
    expect([e.code, e.reason]).toEqual(['UPSTREAM_OUTCOME_UNKNOWN', 'timeout']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dataRequests().map((r) => r.method)).toEqual(['POST']);
  });

  it('a read whose connection is reset is UPSTREAM_UNAVAILABLE network', async () => {
    server = await startServer((req) => req.socket.destroy());
    const e = await upstreamError(clientFor(server.baseUrl).call('listOrders', { page: 1, limit: 1 }));
    expect([e.code, e.reason]).toEqual(['UPSTREAM_UNAVAILABLE', 'network']);
  });

  it('a create whose connection is reset is UPSTREAM_OUTCOME_UNKNOWN after exactly one POST', async () => {
    server = await startServer((req) => req.socket.destroy());
    const e = await upstreamError(clientFor(server.baseUrl).call('createOrder', NEW_ORDER));
    expect([e.code, e.reason]).toEqual(['UPSTREAM_OUTCOME_UNKNOWN', 'network']);
    expect(dataRequests()).toHaveLength(1);
    expect(JSON.parse(dataRequests()[0]?.body ?? '')).toEqual(NEW_ORDER);
  });

  it('a create whose answer breaks off mid-body is UPSTREAM_OUTCOME_UNKNOWN', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      res.write('{"success":true,"data":{"pay');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const e = await upstreamError(clientFor(server.baseUrl).call('createOrder', NEW_ORDER));
    expect([e.code, e.reason]).toEqual(['UPSTREAM_OUTCOME_UNKNOWN', 'network']);
    expect(dataRequests()).toHaveLength(1);
  });

  it('a create that answers 500 is UPSTREAM_OUTCOME_UNKNOWN after exactly one POST', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"success":false,"error":"server_error","message":"boom"}');
    });
    const e = await upstreamError(clientFor(server.baseUrl).call('createOrder', NEW_ORDER));
    expect([e.code, e.status]).toEqual(['UPSTREAM_OUTCOME_UNKNOWN', 500]);
    expect(dataRequests()).toHaveLength(1);
  });

  it('a 200 with malformed JSON is UPSTREAM_UNAVAILABLE malformed for a read', async () => {
    server = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true,"data":['));
    const e = await upstreamError(clientFor(server.baseUrl).call('listOrders', { page: 1, limit: 1 }));
    expect([e.code, e.reason]).toEqual(['UPSTREAM_UNAVAILABLE', 'malformed']);
  });

  it('a create to a port that refuses connections is UPSTREAM_UNAVAILABLE: nothing was sent', async () => {
    const baseUrl = await refusedBaseUrl();
    // The token comes from a live server; only the create goes to the refusing port.
    server = await startServer(() => undefined);
    const e = await upstreamError(
      createCloposClient({
        baseUrl,
        credentials: CREDENTIALS,
        fetch: (input, init) => {
          const req = new Request(input, init);
          return fetch(req.url.endsWith('/auth') ? new Request(`${server?.baseUrl}/auth`, req) : req);
        },
      }).call('createOrder', NEW_ORDER),
    );
    expect([e.code, e.reason, e.operation]).toEqual(['UPSTREAM_UNAVAILABLE', 'network', 'createOrder']);
    expect(server.requests.map((r) => r.url)).toEqual(['/auth']);
    expect(e.message).not.toContain('127.0.0.1');
  });

  it('an /auth that refuses connections is UPSTREAM_UNAVAILABLE', async () => {
    const e = await upstreamError(clientFor(await refusedBaseUrl()).call('listOrders', { page: 1, limit: 1 }));
    expect([e.code, e.reason, e.operation]).toEqual(['UPSTREAM_UNAVAILABLE', 'network', 'auth']);
  });

  it('an /auth that hangs past the deadline fails the create as UPSTREAM_UNAVAILABLE, nothing sent', async () => {
    const { createServer } = await import('node:http');
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const address = hanging.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const e = await upstreamError(clientFor(`http://127.0.0.1:${port}/open-api/v2`, 200).call('createOrder', NEW_ORDER));
      expect([e.code, e.reason]).toEqual(['UPSTREAM_UNAVAILABLE', 'timeout']);
    } finally {
      hanging.closeAllConnections();
      await new Promise((resolve) => hanging.close(resolve));
    }
  });
});
