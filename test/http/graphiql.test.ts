// GraphiQL's page and fetcher (src/http/graphiql.ts, graphiql-fetcher.ts): the page starts GraphiQL
// with the gateway's fetcher; the fetcher names the operation the document really has and sends
// everything as a JSON POST; the CSRF check still refuses a GET subscription without its header
// and lets the POST one through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_FETCHER } from '../../src/http/graphiql-fetcher.js';
import { GRAPHIQL_OPTIONS } from '../../src/http/graphiql.js';
import { startLiveGateway, type LiveGateway } from '../live/support.js';

let gw: LiveGateway;
beforeAll(async () => {
  gw = await startLiveGateway();
});
afterAll(() => gw.close());

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: { query: string; operationName?: string; variables?: unknown };
}

/** The fetcher as the page builds it, with fetch and location stubbed; returns what it sends. */
function browserFetcher() {
  const sent: Sent[] = [];
  let captured: ((params: { query: string; operationName?: string; variables?: unknown }, opts?: { headers?: Record<string, string> }) => unknown) | undefined;
  const g = globalThis as Record<string, unknown>;
  const saved = { fetch: g.fetch, location: g.location };
  g.location = { pathname: '/graphql', href: 'http://gateway.test/graphql' };
  g.fetch = async (url: string, init: { method: string; headers: Record<string, string>; body: string }) => {
    sent.push({ url, method: init.method, headers: init.headers, body: JSON.parse(init.body) as Sent['body'] });
    return new Response('{"data":{}}', { headers: { 'content-type': 'application/json' } });
  };
  const start = (0, eval)(GRAPHIQL_FETCHER) as (render: (root: unknown, options: { fetcher: typeof captured }) => void) => (root: unknown, options: object) => void;
  start((_root, options) => (captured = options.fetcher))(null, { title: 'x' });
  return {
    sent,
    async run(query: string, operationName?: string, headers?: Record<string, string>) {
      await captured!({ query, operationName }, { headers });
      return sent.at(-1)!;
    },
    restore() {
      g.fetch = saved.fetch;
      g.location = saved.location;
    },
  };
}

describe('the fetcher: the operation name comes from the document being run', () => {
  const cases: Array<[string, string, string | undefined, string | undefined]> = [
    ['an anonymous query after a named tab', '{ orders(first: 3) { totalCount } }', 'Orders', undefined],
    ['query keyword, no name', 'query { orders { totalCount } }', 'Orders', undefined],
    ['a renamed query', 'query Latest { orders(first: 1) { totalCount } }', 'Orders', 'Latest'],
    ['the name GraphiQL gives, when the document has it', 'query A { a: order(id: "1") { id } } query B { orders { totalCount } }', 'B', 'B'],
    ['several operations, a stale name', 'query A { order(id: "1") { id } } query B { orders { totalCount } }', 'Orders', undefined],
    ['a fragment before the operation', 'fragment F on Order { id }\nquery One { order(id: "1") { ...F } }', 'Orders', 'One'],
    ['variables with object defaults and directives', 'query Q($f: OrderFilter = { status: PENDING }) @x { orders(filter: $f) { totalCount } }', undefined, 'Q'],
    ['names in comments and strings do not count', '# query Orders {\n{ order(id: "query Orders { x }") { id } }', 'Orders', undefined],
    ['a block string', 'query """ignored""" Real { orders { totalCount } }', 'Orders', 'Real'],
    ['a mutation typed over a query tab', 'mutation { cancelOrder(id: "1") { order { id } } }', 'Orders', undefined],
  ];
  for (const [name, query, given, expected] of cases) {
    it(name, async () => {
      const f = browserFetcher();
      try {
        const sent = await f.run(query, given);
        expect(sent.body.operationName).toBe(expected);
        expect(sent.body.query).toBe(query);
        expect(sent.method).toBe('POST');
        expect(sent.headers['content-type']).toBe('application/json');
        expect(sent.url).toBe('http://gateway.test/graphql');
      } finally {
        f.restore();
      }
    });
  }

  it('sends the Headers tab (e.g. the API key) and asks for an event stream for a subscription', async () => {
    const f = browserFetcher();
    try {
      const sent = await f.run('subscription Live { orderChanged { kind } }', 'Orders', { authorization: 'Bearer k' });
      expect(sent.method).toBe('POST');
      expect(sent.headers.authorization).toBe('Bearer k');
      expect(sent.headers.accept).toBe('text/event-stream');
      expect(sent.body.operationName).toBe('Live');
    } finally {
      f.restore();
    }
  });
});

describe('the GraphiQL page', () => {
  it('starts GraphiQL with the gateway fetcher and the five tabs', async () => {
    const response = await gw.yoga.fetch('http://gateway.test/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL)(');
    expect(html).toContain('function choose(query, requested)');
    expect(GRAPHIQL_OPTIONS.defaultTabs).toHaveLength(5);
  });

  it('every preloaded tab is valid and runs without variables (defaults or literals)', () => {
    for (const tab of GRAPHIQL_OPTIONS.defaultTabs!) {
      for (const match of tab.query!.matchAll(/\$(\w+): ([\w!]+)( =)?/g)) {
        // A required variable must have a default: GraphiQL may open with an empty Variables pane.
        if (match[2]!.endsWith('!')) expect(match[3], `$${match[1]} in ${tab.query!.split('\n').find((l) => /^(query|mutation|subscription)/.test(l))}`).toBe(' =');
      }
    }
  });
});

describe('CSRF and the subscription transport', () => {
  const subscription = 'subscription { orderChanged { kind } }';

  it('a GET event stream without the CSRF header is refused (any site could open one)', async () => {
    const response = await gw.yoga.fetch(`http://gateway.test/graphql?query=${encodeURIComponent(subscription)}`, { headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Required CSRF header(s) not present');
  });

  it('the POST one GraphiQL now sends streams', async () => {
    const controller = new AbortController();
    const response = await gw.yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: subscription }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    controller.abort();
  });

  it('a form-encoded POST (what a cross-site form can send without a preflight) is still refused', async () => {
    const response = await gw.yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/event-stream' },
      body: `query=${encodeURIComponent(subscription)}`,
    });
    expect(response.status).toBe(403);
  });
});
