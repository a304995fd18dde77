// leanFetch (src/upstreams/lean-fetch.ts) replaces undici's fetch for POS reads, for speed. So it
// is compared with fetch, the reference, over a generated corpus of answers (statuses, headers a
// client reads, bodies plain, chunked, gzip and deflate, empty and unicode), and its failures must
// classify as fetch's do: refused = never connected, a timeout = the signal's reason, a dropped
// answer = a network error. Writes must still go through fetch.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { gzipSync, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromThrown, neverConnected } from '../../src/upstreams/errors.js';
import { leanFetch } from '../../src/upstreams/lean-fetch.js';

const STATUSES = [200, 201, 204, 400, 401, 404, 409, 429, 500, 503];
const BODIES: Record<string, string> = {
  empty: '',
  json: JSON.stringify({ success: true, data: [{ id: 1, name: 'Pizza Margherita', price: '12.50' }] }),
  unicode: JSON.stringify({ success: true, data: { name: 'Plov ş ə ğ 🍕', note: '"quoted" \\ back' } }),
  large: JSON.stringify({ success: true, data: Array.from({ length: 400 }, (_, i) => ({ id: i, text: 'x'.repeat(i % 97) })) }),
  text: 'Service Unavailable',
};
const ENCODINGS = ['identity', 'chunked', 'gzip', 'deflate'] as const;

interface Case {
  status: number;
  body: string;
  encoding: (typeof ENCODINGS)[number];
}
const corpus: Case[] = [];
for (const status of STATUSES)
  for (const [name, body] of Object.entries(BODIES))
    for (const encoding of ENCODINGS) {
      if (status === 204 && name !== 'empty') continue;
      corpus.push({ status, body, encoding });
    }

let server: Server;
let base: string;
const seen: Array<{ method: string; headers: IncomingMessage['headers']; body: string }> = [];

function answer(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    seen.push({ method: req.method ?? '', headers: req.headers, body });
    if (url.pathname === '/drop') {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('{"partial":');
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    if (url.pathname === '/slow') {
      setTimeout(() => res.end('late'), 2000).unref();
      return;
    }
    const c = corpus[Number(url.searchParams.get('case'))]!;
    const headers: Record<string, string | string[]> = {
      'content-type': c.body.startsWith('{') ? 'application/json' : 'text/plain',
      'retry-after': '7',
      'ratelimit-remaining': '42',
      'x-multi': ['a', 'b'],
    };
    let bytes: Buffer = Buffer.from(c.body);
    if (c.encoding === 'gzip') ((bytes = gzipSync(bytes)), (headers['content-encoding'] = 'gzip'));
    if (c.encoding === 'deflate') ((bytes = deflateSync(bytes)), (headers['content-encoding'] = 'deflate'));
    if (c.encoding !== 'chunked' && c.status !== 204) headers['content-length'] = String(bytes.length);
    res.writeHead(c.status, headers);
    if (c.status === 204) return void res.end();
    if (c.encoding === 'chunked') {
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      res.end(bytes.subarray(Math.floor(bytes.length / 2)));
    } else res.end(bytes);
  });
}

beforeAll(async () => {
  server = createServer(answer);
  // Idle keep-alive sockets are closed by the server quickly: the client must cope with reuse races.
  server.keepAliveTimeout = 50;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const READ_HEADERS = ['content-type', 'retry-after', 'ratelimit-remaining', 'x-multi', 'content-encoding'];

async function snapshot(response: Response) {
  const text = await response.clone().text();
  return {
    status: response.status,
    ok: response.ok,
    statusText: response.statusText,
    headers: Object.fromEntries(READ_HEADERS.map((h) => [h, response.headers.get(h)])),
    text,
    json: await response.json().then(
      (v) => v,
      (e: Error) => e.name,
    ),
  };
}

describe('leanFetch against fetch', () => {
  it(`answers exactly as fetch does over ${corpus.length} generated answers (status, headers read, body as text and JSON, clone)`, async () => {
    const lean = leanFetch();
    for (let i = 0; i < corpus.length; i++) {
      const request = () => new Request(`${base}/orders?case=${i}&page=1`, { headers: { 'x-token': 't', 'x-request-id': `r${i}` } });
      const expected = await snapshot(await fetch(request()));
      const actual = await snapshot(await lean(request()));
      expect(actual, `case ${i}: ${JSON.stringify(corpus[i]).slice(0, 80)}`).toEqual(expected);
    }
  });

  it('sends the request headers as fetch does, asks for compression, and reuses its connections', async () => {
    const lean = leanFetch();
    seen.length = 0;
    for (let i = 0; i < 5; i++) await (await lean(new Request(`${base}/orders?case=0`, { headers: { 'x-token': 'tok', 'x-request-id': 'abc' } }))).text();
    expect(seen.every((s) => s.headers['x-token'] === 'tok' && s.headers['x-request-id'] === 'abc' && s.method === 'GET')).toBe(true);
    expect(seen[0]!.headers['accept-encoding']).toContain('gzip');
  });

  it('retries a read once when the server closes a kept-alive connection as it is reused, and the caller sees one answer', async () => {
    // A raw server: the first request on each connection is answered (kept alive); a second one on
    // the same connection is dropped unanswered, as a server closing an idle socket does.
    let connections = 0;
    let dropped = 0;
    const raw = createNetServer((socket) => {
      connections++;
      let requests = 0;
      socket.on('data', (chunk) => {
        if (!chunk.toString().includes('\r\n\r\n')) return;
        if (++requests === 1) socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\nconnection: keep-alive\r\n\r\n{"ok":true}');
        else ((dropped += 1), socket.destroy());
      });
    });
    raw.listen(0, '127.0.0.1');
    await once(raw, 'listening');
    const url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/orders`;
    const lean = leanFetch();
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await (await lean(new Request(url))).json());
    raw.close();
    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    // Reads 2 and 3 each hit a dropped reuse first, then a new connection.
    expect(dropped).toBe(2);
    expect(connections).toBe(3);
  });

  it('sends writes (a body, or any method but GET and HEAD) through fetch untouched', async () => {
    const calls: string[] = [];
    const lean = leanFetch({ fallback: (input, init) => (calls.push(input instanceof Request ? input.method : String(init?.method)), fetch(input, init)) });
    seen.length = 0;
    const response = await lean(new Request(`${base}/orders?case=0`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } }));
    expect(response.status).toBe(200);
    await lean(new Request(`${base}/orders?case=0`, { method: 'DELETE' }));
    expect(calls).toEqual(['POST', 'DELETE']);
    expect(seen[0]!.body).toBe('{"a":1}');
  });

  it('fails as fetch fails: refused is "never connected", a timeout is the signal\'s reason, a dropped answer is a network error', async () => {
    const lean = leanFetch();
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const deadPort = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');

    const refusedLean = await lean(new Request(`http://127.0.0.1:${deadPort}/orders`)).catch((e: unknown) => e);
    const refusedFetch = await fetch(new Request(`http://127.0.0.1:${deadPort}/orders`)).catch((e: unknown) => e);
    expect(refusedLean).toBeInstanceOf(TypeError);
    expect(neverConnected(refusedLean)).toBe(true);
    expect(neverConnected(refusedFetch)).toBe(true);
    expect((fromThrown('listOrders', refusedLean) as { code?: string }).code).toBe('UPSTREAM_UNAVAILABLE');

    const timedOut = await lean(new Request(`${base}/slow`, { signal: AbortSignal.timeout(100) })).catch((e: unknown) => e);
    expect((timedOut as Error).name).toBe('TimeoutError');
    const viaInit = await lean(new Request(`${base}/slow`), { signal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect((viaInit as Error).name).toBe('TimeoutError');
    const already = await lean(new Request(`${base}/slow`, { signal: AbortSignal.abort() })).catch((e: unknown) => e);
    expect((already as Error).name).toBe('AbortError');

    const dropped = await lean(new Request(`${base}/drop`)).catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(TypeError);
    expect(neverConnected(dropped)).toBe(false);
    expect((fromThrown('listOrders', dropped) as { reason?: string }).reason).toBe('network');
  });
});
