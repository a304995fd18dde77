// Test doubles for Clopos: an injected `fetch` that records every request, and tiny node:http
// servers for what only a real socket shows (timeouts, resets, refused connections).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCloposClient, type CloposClientOptions } from '../../../src/upstreams/clopos/rest.js';

export const BASE_URL = 'https://clopos.test/open-api/v2';
export const CREDENTIALS = {
  clientId: 'client-id-1',
  clientSecret: 'very-secret-sauce',
  brand: 'omega',
  integratorId: 'integrator-9',
};

export interface Sent {
  method: string;
  /** Path after the base, e.g. `/orders/12`. */
  path: string;
  /** Raw query string without `?`, exactly as sent. */
  rawQuery: string;
  headers: Headers;
  body: string;
}

type Handler = (req: Sent, n: number) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function tokenBody(token: string, expiresInSeconds = 3600, nowMs = Date.now()) {
  return {
    success: true,
    token,
    token_type: 'Bearer',
    expires_in: 3600,
    expires_at: Math.floor(nowMs / 1000) + expiresInSeconds,
    message: 'Authentication successful',
  };
}

export const order = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  venue_id: 1,
  status: 'PENDING',
  created_at: '2026-02-02T13:45:53.000000Z',
  updated_at: '2026-02-02T13:45:53.000000Z',
  ...extra,
});

/**
 * A fake Clopos behind an injected fetch. `/auth` issues tok-1, tok-2, … (1 h) unless `auth` is
 * given; other routes go to `data` (default: an empty list).
 */
export function fakeClopos(handlers: { auth?: Handler; data?: Handler } = {}) {
  const sent: Sent[] = [];
  let authN = 0;
  let dataN = 0;
  const auth: Handler = handlers.auth ?? ((_req, n) => json(tokenBody(`tok-${n}`)));
  const data: Handler = handlers.data ?? (() => json({ success: true, data: [], total: 0 }));
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const entry: Sent = {
      method: request.method,
      path: url.pathname.replace(/^\/open-api\/v2/, ''),
      rawQuery: url.search.replace(/^\?/, ''),
      // A copy as sent: a resend may set other headers on a Request this test later reads.
      headers: new Headers(request.headers),
      body: await request.text(),
    };
    sent.push(entry);
    return entry.path === '/auth' ? auth(entry, ++authN) : data(entry, ++dataN);
  };
  return {
    fetch,
    sent,
    authCalls: () => sent.filter((s) => s.path === '/auth'),
    dataCalls: () => sent.filter((s) => s.path !== '/auth'),
  };
}

export function clientOn(fake: { fetch: typeof fetch }, options: Partial<CloposClientOptions> = {}) {
  return createCloposClient({ baseUrl: BASE_URL, credentials: CREDENTIALS, fetch: fake.fetch, ...options });
}

export interface TestServer {
  baseUrl: string;
  requests: Array<{ method: string; url: string; body: string }>;
  close(): Promise<void>;
}

/**
 * A node:http server on 127.0.0.1 answering /auth with a token and everything else with
 * `handler`; closing it also drops hanging sockets.
 */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const url = (req.url ?? '').replace(/^\/open-api\/v2/, '');
      requests.push({ method: req.method ?? '', url, body });
      if (url === '/auth') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(tokenBody('srv-token')));
        return;
      }
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/open-api/v2`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that refuses connections (a server was there a moment ago). */
export async function refusedBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/open-api/v2`;
}

/** Rejects with the error a promise rejects with, failing when it resolves. */
export async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
