import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './support/gateway.js';

let gw: TestGateway;
let server: Server;
let url: string;

beforeAll(async () => {
  gw = await startTestGateway({ gateway: { apiKeys: ['key-one', 'key-two'] } });
  server = createServer(gw.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await gw.close();
});

const post = (headers: Record<string, string>, query = '{ orders(first: 2) { totalCount nodes { id } } }') =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

describe('the gateway over HTTP', () => {
  it('answers a query from a listening socket with data from the sandbox', async () => {
    const response = await post({ authorization: 'Bearer key-two' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { orders: { totalCount: number; nodes: unknown[] } } };
    expect(body.data.orders.totalCount).toBe(gw.sandbox.control.orders().length);
    expect(body.data.orders.nodes).toHaveLength(2);
  });

  it.each([
    ['no Authorization header', {}],
    ['an unknown key', { authorization: 'Bearer key-three' }],
    ['a key prefix', { authorization: 'Bearer key-' }],
    ['the wrong scheme', { authorization: 'Basic key-one' }],
  ])('refuses %s with HTTP 401 and UNAUTHENTICATED, calling Clopos not at all', async (_name, headers) => {
    gw.sandbox.control.clearRequests();
    const response = await post(headers);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(gw.sandbox.control.requests()).toHaveLength(0);
  });

  it('serves GraphiQL without a key and without any CDN, with the example operation preloaded', async () => {
    const response = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('clopos-graphql');
    expect(html).toContain('query Orders');
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdn\./);
  });

  it('answers /health for liveness without a key and without calling Clopos', async () => {
    gw.sandbox.control.clearRequests();
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(gw.sandbox.control.requests()).toHaveLength(0);
  });

  it('keeps serving after a malformed request', async () => {
    const bad = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer key-one' },
      body: '{"query": ',
    });
    expect(bad.status).toBe(400);
    expect((await post({ authorization: 'Bearer key-one' })).status).toBe(200);
  });
});
