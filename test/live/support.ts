// A gateway with live order updates against a real sandbox, and SSE / graphql-ws subscribers.
import { createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { normalizeKeys } from '../../src/http/auth.js';
import type { LiveOrders, LiveOptions } from '../../src/live/live.js';
import type { OrderChangeEvent } from '../../src/live/types.js';
import { cloposCredentials, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/contract.js';
import type { Gateway, GatewayOptions } from '../../src/server.js';
import { sseData } from '../support/process.js';

export const ORDER_CHANGED = /* GraphQL */ `
  subscription($filter: OrderFilter, $since: DateTime) {
    orderChanged(filter: $filter, since: $since) { kind at feedAt previousStatus order { id status createdAt } }
  }
`;

export interface Change {
  kind: OrderChangeEvent['kind'];
  at: string;
  feedAt: string | null;
  previousStatus: string | null;
  order: { id: string; status: string; createdAt: string };
}

/** A RESYNC or HEARTBEAT message (no order). */
export interface Signal {
  kind: 'RESYNC' | 'HEARTBEAT';
  at: string;
  feedAt: string | null;
}

export interface LiveGateway {
  sandbox: RunningSandbox;
  yoga: Gateway;
  live: LiveOrders;
  /** GET /orders requests the sandbox received. */
  listCalls(): number;
  close(): Promise<void>;
}

export async function startLiveGateway(
  options: { sandbox?: RunningSandbox; live?: Partial<LiveOptions>; gateway?: Pick<Partial<GatewayOptions>, 'apiKeys'> } = {},
): Promise<LiveGateway> {
  const { pageSize, maxPages, ...rest } = options.live ?? {};
  const sandbox = options.sandbox ?? (await startSandbox({ seed: 7 }));
  const { pollIntervalMs, maxSubscriptionsPerKey, maxQueued, lingerMs, heartbeatMs } = rest;
  // The production composition; the shield's response cache off and a budget no test reaches, so
  // the poller runs at its interval and each read sees the sandbox's current state.
  const config: Config = {
    ...loadConfig({}),
    logLevel: 'silent',
    cacheTtlMs: 0,
    cloposBudgetPerMinute: 1_000_000,
    pollBudgetShare: 0,
    rateLimitPerMinute: 0,
    pollIntervalMs: pollIntervalMs ?? 100,
    maxSubscriptionsPerKey: maxSubscriptionsPerKey ?? 500,
    ...(maxQueued !== undefined ? { subscriptionQueueLimit: maxQueued } : {}),
    ...(options.gateway?.apiKeys ? { apiKeys: normalizeKeys(options.gateway.apiKeys) } : {}),
  };
  const app = await createApp(config, {
    upstream: { baseUrl: sandbox.baseUrl, credentials: cloposCredentials(sandbox.credentials) },
    shield: { logger: { warn: () => undefined, info: () => undefined } },
    live: {
      lingerMs: lingerMs ?? 300,
      ...(heartbeatMs !== undefined ? { heartbeatMs } : {}),
      ...(pageSize !== undefined ? { pageSize } : {}),
      ...(maxPages !== undefined ? { maxPages } : {}),
    },
  });
  return {
    sandbox,
    yoga: app.yoga,
    live: app.live,
    listCalls: () => sandbox.control.requests().filter((r) => r.method === 'GET' && r.path === '/orders').length,
    async close() {
      await app.close();
      if (!options.sandbox) await sandbox.close();
    },
  };
}

/** One SSE subscription through yoga.fetch: collects every change until closed. */
export interface SseSubscriber {
  /** Changes only (the signals are in `signals`). */
  changes: Change[];
  signals: Signal[];
  /** How many changes had arrived when each RESYNC came. */
  resyncs: number[];
  /** Date.now() when each change arrived. */
  arrivals: number[];
  errors: unknown[];
  /** Resolves when the response headers arrived (the subscription is registered soon after). */
  opened: Promise<Response>;
  ended: Promise<void>;
  close(): void;
}

export function subscribeSse(
  yoga: Gateway,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  query = ORDER_CHANGED,
): SseSubscriber {
  const abort = new AbortController();
  const changes: Change[] = [];
  const signals: Signal[] = [];
  const resyncs: number[] = [];
  const arrivals: number[] = [];
  const errors: unknown[] = [];
  const opened = Promise.resolve(
    yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: abort.signal,
    }),
  );
  let cancel = () => undefined as unknown;
  const ended = opened.then(async (response) => {
    if (!response.body) return;
    const reader = response.body.getReader();
    // In process there is no socket to close: cancelling the body is what ends the subscription.
    cancel = () => reader.cancel().catch(() => undefined);
    const chunks = {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          yield value;
        }
      },
    };
    try {
      for await (const payload of sseData<{ data?: { orderChanged: Change | Signal }; errors?: unknown[] }>(chunks)) {
        if (payload.errors) errors.push(...payload.errors);
        const message = payload.data?.orderChanged;
        if (message?.kind === 'RESYNC' || message?.kind === 'HEARTBEAT') {
          signals.push(message as Signal);
          if (message.kind === 'RESYNC') resyncs.push(changes.length);
        } else if (payload.data?.orderChanged) {
          changes.push(payload.data.orderChanged as Change);
          arrivals.push(Date.now());
        }
      }
    } catch {
      // aborted
    }
  });
  return { changes, signals, resyncs, arrivals, errors, opened, ended, close: () => {
      abort.abort();
      cancel();
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
