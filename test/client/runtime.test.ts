// The client runtime (packages/client) against the gateway on the wire, built as `npm start`
// builds it (createApp) over the sandbox on 127.0.0.1: queries by text and by persisted hash, coded
// errors TanStack Query does not retry, and subscriptions over graphql-sse that resume with `since`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  configureGraphQLClient,
  execute,
  GraphQLRequestError,
  isFinalError,
  persistedHashOf,
  retryUnlessFinal,
  watchSubscription,
  type SubscriptionState,
} from '../../packages/client/src/index.js';
import { OrderBoardDocument, OrderChangesDocument, type OrderChangesSubscription } from '../../generated/client/graphql.js';
import { createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { cloposCredentials, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/contract.js';
import { until } from '../support/process.js';

const KEY = 'board-key-0123456789';

interface Wire {
  url: string;
  server: Server;
  close(): Promise<void>;
}

async function serve(sandbox: RunningSandbox, settings: Partial<Config>): Promise<Wire> {
  const config = { ...loadConfig({}), logLevel: 'silent', cacheTtlMs: 0, cloposBudgetPerMinute: 1_000_000, pollBudgetShare: 0, pollIntervalMs: 200, ...settings } as Config;
  const app = await createApp(config, {
    upstream: { baseUrl: sandbox.baseUrl, credentials: cloposCredentials(sandbox.credentials) },
    shield: { logger: { warn: () => undefined, info: () => undefined } },
    live: { heartbeatMs: 1000 },
  });
  const server = createServer(app.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    },
  };
}

/** fetch that records each request's JSON body. */
function recordingFetch() {
  const bodies: Array<Record<string, unknown>> = [];
  const recorded: typeof fetch = (input, init) => {
    bodies.push(JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>);
    return fetch(input, init);
  };
  return { bodies, fetch: recorded };
}

let sandbox: RunningSandbox;
let open: Wire;
let persisted: Wire;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7 });
  [open, persisted] = await Promise.all([
    serve(sandbox, { apiKeys: [{ name: 'board', key: KEY, scope: 'write' }] } as Partial<Config>),
    serve(sandbox, { persistedOnly: true }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([open?.close(), persisted?.close()]);
  await sandbox?.close();
});
afterEach(() => configureGraphQLClient({ url: '/graphql', apiKey: undefined, persisted: false, fetch: undefined, headers: undefined }));

describe('execute', () => {
  it('runs a query by its text with the API key, and reports a missing key as UNAUTHENTICATED', async () => {
    configureGraphQLClient({ url: open.url, apiKey: KEY });
    const data = await execute(OrderBoardDocument, { first: 3 });
    expect(data.orders.nodes).toHaveLength(3);
    expect(data.orders.totalCount).toBe(sandbox.control.orders().length);

    configureGraphQLClient({ apiKey: undefined });
    const error = await execute(OrderBoardDocument, { first: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).code).toBe('UNAUTHENTICATED');
    expect((error as GraphQLRequestError).status).toBe(401);
  });

  it('sends only the hash to a persisted-only gateway, and names an unknown hash', async () => {
    const recorder = recordingFetch();
    configureGraphQLClient({ url: persisted.url, persisted: true, fetch: recorder.fetch });
    const data = await execute(OrderBoardDocument, { first: 2 });
    expect(data.orders.nodes).toHaveLength(2);
    expect(recorder.bodies[0]).not.toHaveProperty('query');
    expect(persistedHashOf(OrderBoardDocument)).toMatch(/^[0-9a-f]{64}$/);
    expect(recorder.bodies[0]?.['extensions']).toEqual({ persistedQuery: { version: 1, sha256Hash: persistedHashOf(OrderBoardDocument) } });

    const unknown = { ...OrderBoardDocument, __meta__: { hash: `sha256:${'0'.repeat(64)}` } } as typeof OrderBoardDocument;
    const error = await execute(unknown, { first: 2 }).catch((e: unknown) => e);
    expect((error as GraphQLRequestError).code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('retries (TanStack Query)', () => {
  /** Runs one query through a QueryObserver with the hooks' retry rule; resolves to its error. */
  async function failingQuery(queryFn: () => Promise<unknown>): Promise<unknown> {
    const client = new QueryClient();
    const observer = new QueryObserver(client, { queryKey: ['q', Math.random()], queryFn, retry: retryUnlessFinal(), retryDelay: 10 });
    try {
      return await new Promise((resolve) => {
        observer.subscribe((result) => {
          if (result.status === 'error') resolve(result.error);
        });
      });
    } finally {
      client.clear();
    }
  }

  it('does not retry PERSISTED_QUERY_NOT_FOUND: one request, and the error shows at once', async () => {
    const recorder = recordingFetch();
    configureGraphQLClient({ url: persisted.url, persisted: true, fetch: recorder.fetch });
    const unknown = { ...OrderBoardDocument, __meta__: { hash: `sha256:${'1'.repeat(64)}` } } as typeof OrderBoardDocument;
    const error = await failingQuery(() => execute(unknown, { first: 1 }));
    expect((error as GraphQLRequestError).code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(recorder.bodies).toHaveLength(1);
  });

  it('does not retry UNAUTHENTICATED or BAD_USER_INPUT, but does retry a failure without a code', async () => {
    configureGraphQLClient({ url: open.url });
    let calls = 0;
    const counting: typeof fetch = (input, init) => (calls++, fetch(input, init));
    configureGraphQLClient({ fetch: counting });
    expect(((await failingQuery(() => execute(OrderBoardDocument, { first: 1 }))) as GraphQLRequestError).code).toBe('UNAUTHENTICATED');
    expect(calls).toBe(1);

    calls = 0;
    configureGraphQLClient({ apiKey: KEY });
    const error = await failingQuery(() => execute(OrderBoardDocument, { first: -1 }));
    expect((error as GraphQLRequestError).code).toBe('BAD_USER_INPUT');
    expect(calls).toBe(1);

    calls = 0;
    configureGraphQLClient({ fetch: async () => (calls++, new Response('upstream proxy down', { status: 502 })) });
    const transport = await failingQuery(() => execute(OrderBoardDocument, { first: 1 }));
    expect(isFinalError(transport)).toBe(false);
    expect(calls).toBe(4); // the first attempt and three retries
  });
});

describe('subscriptions over graphql-sse', () => {
  it('delivers changes as they happen, and after a dropped connection resumes from the last `at` with no gap', async () => {
    const recorder = recordingFetch();
    configureGraphQLClient({ url: open.url, apiKey: KEY, fetch: recorder.fetch });
    const changes: OrderChangesSubscription['orderChanged'][] = [];
    let gaps = 0;
    let state: SubscriptionState<OrderChangesSubscription> | undefined;
    const stop = watchSubscription(
      OrderChangesDocument,
      {},
      { resume: (data) => data.orderChanged.at, feed: (data) => data.orderChanged },
      { onState: (s) => (state = s), onData: (data) => changes.push(data.orderChanged), onGap: () => gaps++, backoffMs: () => 50 },
    );
    try {
      await until(() => state?.connected === true, 15_000, 'the stream to open');
      const first = sandbox.control.addOrder();
      await until(() => changes.some((c) => c.order?.id === String(first.id)), 15_000, 'the first change');
      expect(state?.data?.orderChanged.kind).toBe('CREATED');
      const lastAt = changes.at(-1)!.at;
      // (A new feed may start with a RESYNC; what counts is that the reconnect adds no gap.)
      const gapsBefore = gaps;

      // Drop every connection: the runtime reconnects with `since`, and misses nothing.
      open.server.closeAllConnections();
      const second = sandbox.control.addOrder();
      await until(() => changes.some((c) => c.order?.id === String(second.id)), 20_000, 'the change made while disconnected');
      const resumed = recorder.bodies.slice(1).find((b) => (b['variables'] as { since?: string } | undefined)?.since);
      expect((resumed?.['variables'] as { since: string }).since).toBe(lastAt);
      expect(changes.filter((c) => c.order?.id === String(second.id) && c.kind === 'CREATED')).toHaveLength(1);
      expect(changes.filter((c) => c.order?.id === String(first.id) && c.kind === 'CREATED')).toHaveLength(1);
      expect(gaps).toBe(gapsBefore);
      await until(() => state?.fresh === true, 10_000, 'fresh after the reconnect');
    } finally {
      stop();
    }
  }, 60_000);

  it('stops with UNAUTHENTICATED when the key is missing, without reconnecting', async () => {
    const recorder = recordingFetch();
    configureGraphQLClient({ url: open.url, fetch: recorder.fetch });
    let state: SubscriptionState<OrderChangesSubscription> | undefined;
    const stop = watchSubscription(OrderChangesDocument, {}, {}, { onState: (s) => (state = s), backoffMs: () => 10 });
    try {
      await until(() => state?.error !== undefined, 10_000, 'the refusal');
      expect(state?.error?.code).toBe('UNAUTHENTICATED');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(recorder.bodies).toHaveLength(1);
      expect(state?.connected).toBe(false);
    } finally {
      stop();
    }
  });
});

describe('subscription signals (a scripted event stream)', () => {
  /** A fetch answering each request with the next scripted list of events, then ending the stream. */
  function scriptedStream(streams: Array<Array<Record<string, unknown>>>) {
    const bodies: Array<Record<string, unknown>> = [];
    const fetchFn: typeof fetch = async (_input, init) => {
      bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
      const events = streams.shift();
      if (!events) return new Promise<Response>(() => undefined); // hangs: no more scripts
      const text = events.map((payload) => `event: next\ndata: ${JSON.stringify(payload)}\n\n`).join('');
      // The events, then the stream ends a moment later (a dropped connection, no `complete`).
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode(text));
          await new Promise((resolve) => setTimeout(resolve, 30));
          controller.close();
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    };
    return { bodies, fetch: fetchFn };
  }
  const change = (kind: string, at: string) => ({ data: { orderChanged: { kind, at, feedAt: at, previousStatus: null, order: null } } });
  const sinceOf = (body: Record<string, unknown> | undefined) => (body?.['variables'] as { since?: string } | undefined)?.since;

  it('calls onGap on RESYNC and then reconnects without `since`; REPLAY_UNAVAILABLE retries without it', async () => {
    const script = scriptedStream([
      [change('CREATED', '2026-01-01T00:00:01.000Z')],
      [change('STATUS_CHANGED', '2026-01-01T00:00:02.000Z'), change('RESYNC', '2026-01-01T00:00:03.000Z')],
      [change('CREATED', '2026-01-01T00:00:04.000Z')],
      [{ errors: [{ message: 'gone', extensions: { code: 'REPLAY_UNAVAILABLE' } }] }],
    ]);
    configureGraphQLClient({ url: 'http://127.0.0.1:9/graphql', fetch: script.fetch });
    const kinds: string[] = [];
    let gaps = 0;
    const stop = watchSubscription(
      OrderChangesDocument,
      {},
      { resume: (data) => data.orderChanged.at, feed: (data) => data.orderChanged },
      { onState: () => undefined, onData: (d) => kinds.push(d.orderChanged.kind), onGap: () => gaps++, backoffMs: () => 5 },
    );
    try {
      await until(() => script.bodies.length >= 5, 10_000, 'five connections');
      expect(kinds).toEqual(['CREATED', 'STATUS_CHANGED', 'CREATED']);
      expect(script.bodies.map(sinceOf)).toEqual([
        undefined,
        '2026-01-01T00:00:01.000Z', // resumes after the first stream ended
        undefined, // RESYNC: the cursor before the gap is dropped...
        '2026-01-01T00:00:04.000Z',
        undefined, // ...and so is one the gateway no longer holds
      ]);
      // RESYNC, and the stream after it that could not resume.
      expect(gaps).toBe(2);
    } finally {
      stop();
    }
  });
});
