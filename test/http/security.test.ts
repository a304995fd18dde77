// The gateway's security plugins end to end (yoga.fetch, sandbox over HTTP): keys and scopes,
// pass-through, query limits, body and rate limits, CSRF, CORS, introspection, masking, audit lines.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/http/limits.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { captureLogs, type CapturedLogs } from '../support/logs.js';

const KEYS = ['board:board-secret-key-0001:read', 'desk:desk-secret-key-0002', 'ops:ops-secret-key-0003:write'];
const parsedKeys = KEYS.map((entry) => {
  const [name, key, scope = 'write'] = entry.split(':') as [string, string, string?];
  return { name, key, scope: scope as 'read' | 'write' };
});
const BOARD = { authorization: 'Bearer board-secret-key-0001' };
const DESK = { authorization: 'Bearer desk-secret-key-0002' };

let gw: TestGateway;
let logs: CapturedLogs;

beforeAll(async () => {
  logs = captureLogs();
  // Through createApp, as main.ts: pass-through callers get a shielded client of their own token.
  gw = await startTestGateway({
    gateway: { apiKeys: parsedKeys, maxBodyBytes: 65_536 },
    config: { corsOrigins: ['https://board.example'] },
    deps: { logger: logs.logger },
  });
});
afterAll(() => gw.close());
beforeEach(() => {
  gw.sandbox.control.clearRequests();
  logs.clear();
});

type Body = { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

async function send(init: { body?: string; headers?: Record<string, string>; method?: string; path?: string }) {
  const response = await gw.yoga.fetch(`http://gateway.test${init.path ?? '/graphql'}`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  let body: Body = {};
  try {
    body = JSON.parse(text) as Body;
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, body, text };
}

const gql = (query: string, headers: Record<string, string> = DESK, variables?: unknown) =>
  send({ body: JSON.stringify({ query, variables }), headers });

const code = (r: { body: Body }) => r.body.errors?.[0]?.extensions?.code;

/** A Clopos token for the sandbox, as a pass-through caller would hold. */
async function sandboxToken(): Promise<string> {
  const { client_id, client_secret, brand, integrator_id } = gw.sandbox.credentials;
  const response = await fetch(`${gw.sandbox.baseUrl}/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id, client_secret, brand, integrator_id }),
  });
  return ((await response.json()) as { token: string }).token;
}

const CANCEL = 'mutation Cancel { cancelOrder(id: "3") { order { id status } userErrors { code } } }';

describe('API keys and scopes', () => {
  it('refuses a request with no key, a wrong key or a key prefix with 401 UNAUTHENTICATED and calls Clopos not at all', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer nope' }, { authorization: 'Bearer desk-secret-key-000' }]) {
      const r = await gql('{ orders(first: 1) { totalCount } }', headers);
      expect(r.status).toBe(401);
      expect(code(r)).toBe('UNAUTHENTICATED');
    }
    expect(gw.upstreamCalls()).toHaveLength(0);
  });

  it('lets a read-only key query', async () => {
    const r = await gql('{ orders(first: 1) { totalCount } }', BOARD);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ orders: { totalCount: expect.any(Number) } });
  });

  it('refuses a mutation from a read-only key with 403 FORBIDDEN, before anything reaches Clopos, and audits it', async () => {
    const r = await gql(CANCEL, BOARD);
    expect(r.status).toBe(403);
    expect(code(r)).toBe('FORBIDDEN');
    expect(r.body.data ?? null).toBeNull();
    expect(gw.upstreamCalls()).toHaveLength(0);
    expect(logs.lines().filter((l) => l.audit)).toEqual([
      expect.objectContaining({ keyName: 'board', operation: 'cancelOrder', outcome: 'forbidden' }),
    ]);
  });

  it('lets a write key (bare name:key) cancel an order and writes one audit line: key name, operation, order id, outcome', async () => {
    const r = await gql(CANCEL, DESK);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ cancelOrder: { order: { id: '3', status: 'CANCELLED' }, userErrors: [] } });
    const audit = logs.lines().filter((l) => l.audit);
    expect(audit).toEqual([expect.objectContaining({ keyName: 'desk', operation: 'cancelOrder', orderId: '3', outcome: 'ok' })]);
    expect(audit[0]!.requestId).toEqual(expect.any(String));
  });

  it('audits a createOrder with the new order id, and a rejected one with its codes', async () => {
    const input = {
      venueId: '1',
      saleTypeId: '2',
      customer: { name: 'Audit Test', phone: '+994500000000' },
      lines: [{ productId: '101', name: 'Pizza', quantity: 1, unitPrice: 8.5 }],
    };
    const create = 'mutation Create($input: CreateOrderInput!) { createOrder(input: $input) { userErrors { code } } }';
    const ok = await gql(create, { authorization: 'Bearer ops-secret-key-0003' }, { input });
    expect(ok.body.data).toEqual({ createOrder: { userErrors: [] } });
    const bad = await gql(create, DESK, { input: { ...input, lines: [{ ...input.lines[0], quantity: 0 }] } });
    expect(bad.body.data).toMatchObject({ createOrder: { userErrors: [{ code: 'MUST_BE_POSITIVE' }] } });
    const audit = logs.lines().filter((l) => l.audit);
    expect(audit).toEqual([
      expect.objectContaining({ keyName: 'ops', operation: 'createOrder', orderId: expect.stringMatching(/^\d+$/), outcome: 'ok' }),
      expect.objectContaining({ keyName: 'desk', operation: 'createOrder', outcome: 'rejected:MUST_BE_POSITIVE' }),
    ]);
  });
});

describe('pass-through', () => {
  it("serves a request carrying x-clopos-token with that token, never fetching the gateway's own", async () => {
    const token = await sandboxToken();
    gw.sandbox.control.clearRequests();
    const r = await send({ body: JSON.stringify({ query: '{ orders(first: 1) { totalCount } }' }), headers: { ...DESK, 'x-clopos-token': token } });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ orders: { totalCount: expect.any(Number) } });
    const calls = gw.upstreamCalls();
    expect(calls.map((c) => c.path.split('?')[0])).toEqual(['/orders']);
    expect(calls[0]!.headers['x-token']).toBe(token);
    expect(gw.upstreamCalls('POST', '/auth')).toHaveLength(0);
    // The gateway's own token is another one.
    await gw.gql('{ orders(first: 1) { totalCount } }', undefined, DESK);
    expect(gw.upstreamCalls('GET', '/orders').at(-1)!.headers['x-token']).not.toBe(token);
    expect(logs.text()).not.toContain(token);
  });

  it('answers UPSTREAM_AUTH_FAILED for a token Clopos refuses, sending it once', async () => {
    const r = await send({ body: JSON.stringify({ query: '{ orders(first: 1) { totalCount } }' }), headers: { ...DESK, 'x-clopos-token': 'not-a-real-token' } });
    expect(code(r)).toBe('UPSTREAM_AUTH_FAILED');
    expect(gw.upstreamCalls()).toHaveLength(1);
    expect(r.text).not.toContain('not-a-real-token');
  });

  it('refuses x-clopos-token without a gateway key', async () => {
    const r = await send({ body: JSON.stringify({ query: '{ orders(first: 1) { totalCount } }' }), headers: { 'x-clopos-token': 'abc' } });
    expect(r.status).toBe(401);
  });
});

describe('query limits', () => {
  const orderAliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `o${i}: order(id: "${i + 1}") { id status }`).join(' ')} }`;

  it(`refuses aliases of order(id) beyond ${LIMITS.upstreamCalls} Clopos calls before calling Clopos`, async () => {
    const r = await gql(orderAliases(LIMITS.upstreamCalls + 1));
    expect(code(r)).toBe('QUERY_TOO_EXPENSIVE');
    expect(r.body.data).toBeUndefined();
    expect(gw.upstreamCalls()).toHaveLength(0);
  });

  it('serves as many aliased order(id) as the limit allows, one GET each', async () => {
    const r = await gql(orderAliases(LIMITS.upstreamCalls));
    expect(r.body.errors).toBeUndefined();
    expect(gw.upstreamCalls('GET', '/orders').length + gw.upstreamCalls('POST', '/auth').length).toBeLessThanOrEqual(LIMITS.upstreamCalls + 1);
  });

  it('counts list fields, fragments and inline fragments at the root', async () => {
    const lists = Array.from({ length: 5 }, (_, i) => `l${i}: orders(first: 1) { totalCount }`).join(' ');
    expect(code(await gql(`{ ${lists} }`))).toBe('QUERY_TOO_EXPENSIVE');
    const viaFragments = `query { ...A ... on Query { b: orders(first: 1) { totalCount } c: orders(first: 2) { totalCount } } }
      fragment A on Query { a: orders(first: 3) { totalCount } d: orders(first: 4) { totalCount } e: order(id: "1") { id } }`;
    expect(code(await gql(viaFragments))).toBe('QUERY_TOO_EXPENSIVE');
  });

  it('caps mutations in one request', async () => {
    const many = `mutation { ${Array.from({ length: 5 }, (_, i) => `c${i}: cancelOrder(id: "${i + 1}") { userErrors { code } }`).join(' ')} }`;
    expect(code(await gql(many))).toBe('QUERY_TOO_EXPENSIVE');
    expect(gw.upstreamCalls()).toHaveLength(0);
  });

  it('refuses too many aliases, too deep, too many directives and too many tokens, calling Clopos not at all', async () => {
    const aliases = `{ orders(first: 1) { nodes { ${Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: id`).join(' ')} } } }`;
    // The schema has no cycles, so depth is shown with a selection nested past the limit.
    const deep = `{ orders(first: 1) { nodes { customer { ${'a { '.repeat(LIMITS.depth)}b${' }'.repeat(LIMITS.depth)} } } } }`;
    const directives = `{ orders(first: 1) { totalCount ${'@include(if: true) '.repeat(LIMITS.directives + 1)} } }`;
    const tokens = `{ orders(first: 1) { ${'totalCount '.repeat(LIMITS.tokens)} } }`;
    for (const [query, message] of [
      [aliases, /alias/i],
      [deep, /depth/i],
      [directives, /directive/i],
      [tokens, /token/i],
    ] as const) {
      const r = await gql(query);
      expect(r.status).toBeLessThan(500);
      expect(r.body.data ?? undefined).toBeUndefined();
      expect(r.body.errors?.map((e) => e.message).join(' ')).toMatch(message);
    }
    expect(gw.upstreamCalls()).toHaveLength(0);
  });

  it('serves the deepest selection the schema has', async () => {
    const r = await gql('{ orders(first: 1) { edges { node { lines { modifiers { name } } customer { name } } } pageInfo { hasNextPage } } }');
    expect(r.body.errors).toBeUndefined();
  });
});

describe('body size, rate limit, CSRF, CORS', () => {
  it('refuses a body over GATEWAY_MAX_BODY_BYTES with 413, declared or chunked', async () => {
    const big = JSON.stringify({ query: '{ orders(first: 1) { totalCount } }', variables: { pad: 'x'.repeat(70_000) } });
    const declared = await send({ body: big, headers: { ...DESK, 'content-length': String(big.length) } });
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(big.slice(i * 7100, (i + 1) * 7100)));
        controller.close();
      },
    });
    const chunked = await gw.yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...DESK },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(gw.upstreamCalls()).toHaveLength(0);
  });

  it('serves a chunked body under the limit', async () => {
    const small = JSON.stringify({ query: '{ orders(first: 1) { totalCount } }' });
    const response = await gw.yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...DESK },
      body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(small)), c.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
  });

  it('limits each key to GATEWAY_RATE_LIMIT_PER_MINUTE with 429 and Retry-After, other keys unaffected', async () => {
    const limited = await startTestGateway({ gateway: { apiKeys: parsedKeys, rateLimitPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await limited.yoga.fetch('http://gateway.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...BOARD },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(last!.headers.get('retry-after'))).toBeLessThanOrEqual(20);
      const other = await limited.gql('{ __typename }', undefined, DESK);
      expect(other.status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('refuses a GET operation without the CSRF header (a browser could send it cross-site) and serves it with one', async () => {
    const url = `/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const bare = await gw.yoga.fetch(`http://gateway.test${url}`, { headers: DESK });
    expect(bare.status).toBe(403);
    const form = await send({ body: 'query=%7B__typename%7D', headers: { ...DESK, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(403);
    const withHeader = await gw.yoga.fetch(`http://gateway.test${url}`, { headers: { ...DESK, 'x-graphql-yoga-csrf': '1' } });
    expect(withHeader.status).toBe(200);
  });

  it('allows only the origins in GATEWAY_CORS_ORIGINS', async () => {
    const preflight = (origin: string) =>
      gw.yoga.fetch('http://gateway.test/graphql', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    const allowed = await preflight('https://board.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://board.example');
    const denied = await preflight('https://evil.example');
    expect(denied.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect(denied.headers.get('access-control-allow-origin')).not.toBe('*');
  });

  it('sends no CORS grant at all when GATEWAY_CORS_ORIGINS is empty', async () => {
    const closed = await startTestGateway({ gateway: { apiKeys: parsedKeys } });
    try {
      const r = await closed.yoga.fetch('http://gateway.test/graphql', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await closed.close();
    }
  });
});

describe('introspection and masking', () => {
  it('answers introspection by default and refuses it with GATEWAY_INTROSPECTION=false, without field suggestions', async () => {
    expect((await gql('{ __schema { queryType { name } } }')).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const closed = await startTestGateway({ gateway: { introspection: false } });
    try {
      const r = await closed.gql('{ __schema { queryType { name } } }');
      expect(r.errors?.[0]?.message).toMatch(/introspection/i);
      const typo = await closed.gql('{ ordrs { totalCount } }');
      expect(typo.errors?.[0]?.message).not.toMatch(/did you mean/i);
      expect((await closed.gql('{ orders(first: 1) { totalCount } }')).errors).toBeUndefined();
    } finally {
      await closed.close();
    }
  });

  it('masks an unexpected error (details only with development) and logs it without secrets', async () => {
    const failing = (development: boolean) =>
      startTestGateway({
        config: { development },
        deps: { logger: logs.logger, fetch: () => Promise.reject(new TypeError('boom at desk-secret-key-0002')) },
      });
    for (const development of [false, true]) {
      const g = await failing(development);
      try {
        const r = await g.gql('{ orders(first: 1) { totalCount } }');
        expect(r.errors?.[0]?.extensions?.code).toBeDefined();
        expect(JSON.stringify(r)).not.toContain('desk-secret-key-0002');
      } finally {
        await g.close();
      }
    }
  });
});

describe('secrets and request ids', () => {
  it('never writes a key, token or secret into a log line or a response, and sends the request id upstream', async () => {
    const token = await sandboxToken();
    const responses: string[] = [];
    const requestId = 'req-test-1234';
    for (const headers of [DESK, BOARD, { authorization: 'Bearer wrong-secret-key' }, { ...DESK, 'x-clopos-token': token }]) {
      responses.push((await send({ body: JSON.stringify({ query: '{ orders(first: 1) { totalCount } }' }), headers: { ...headers, 'x-request-id': requestId } })).text);
      responses.push((await send({ body: JSON.stringify({ query: CANCEL }), headers })).text);
      responses.push((await send({ body: '{"query": "{ ord', headers })).text);
    }
    const everything = logs.text() + responses.join('\n');
    const { client_secret } = gw.sandbox.credentials;
    for (const secret of ['board-secret-key-0001', 'desk-secret-key-0002', 'wrong-secret-key', token, client_secret, 'sandbox-secret']) {
      expect(everything).not.toContain(secret);
    }
    expect(logs.lines().some((l) => l.requestId === requestId && l.msg === 'request')).toBe(true);
    const upstream = gw.upstreamCalls('GET', '/orders');
    expect(upstream.some((c) => c.headers['x-request-id'] === requestId)).toBe(true);
  });
});
