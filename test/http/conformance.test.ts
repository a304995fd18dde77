// graphql-http's GraphQL-over-HTTP conformance audit against the gateway on a real socket, with
// its security plugins on. The audit's requests carry an API key and the CSRF header (a GET
// without it is refused on purpose: browsers could send it cross-site).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

let gw: TestGateway;
let server: Server;
let url: string;

beforeAll(async () => {
  gw = await startTestGateway({ gateway: { apiKeys: ['audit-key'], rateLimitPerMinute: 6000 } });
  server = createServer(gw.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await gw.close();
});

it('passes every MUST of the GraphQL-over-HTTP audit', async () => {
  const results = await auditServer({
    url,
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', 'Bearer audit-key');
      headers.set('x-graphql-yoga-csrf', '1');
      return fetch(input, { ...init, headers });
    },
  });
  const musts = results.filter((r) => r.name.startsWith('MUST'));
  expect(musts.length).toBeGreaterThan(10);
  const failed = musts.filter((r) => r.status !== 'ok').map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
  expect(failed).toEqual([]);
});
