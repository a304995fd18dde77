// What the Clopos soak (soak.ts) and the Clover soak (clover-soak.ts) share: the gateway started as
// `npm start` starts it (scripts/start.mjs, a child process) with its log watched, the SSE and
// graphql-ws subscribers that disconnect and resume with `since`, the GraphQL caller that tallies
// error codes, /metrics and /readiness sampling, and the per-subscriber verdict.
import { spawn, type ChildProcess } from 'node:child_process';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { environment, ROOT, sseData } from '../support/process.js';

export const SUBSCRIPTION = 'subscription($since: DateTime) { orderChanged(since: $since) { kind at order { id status } } }';
const KINDS = new Set(['CREATED', 'STATUS_CHANGED', 'UPDATED']);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
/** 10 % of the run, 5-30 s. */
export const warmupMs = (seconds: number) => Math.min(30_000, Math.max(5000, seconds * 100));

export interface Change {
  kind: string;
  at: string;
  order: { id: string; status: string };
}

// --- the gateway, as npm start runs it --------------------------------------------------------
export interface SoakGateway {
  child: ChildProcess;
  url: string;
  logLevels: Map<string, number>;
  errorLines: string[];
  stop(): Promise<void>;
}

export async function startGateway(env: Record<string, string>): Promise<SoakGateway> {
  const child = spawn(process.execPath, ['--max-old-space-size=1024', 'scripts/start.mjs'], {
    cwd: ROOT,
    env: environment({ PORT: '0', LOG_LEVEL: 'info', ...env }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logLevels = new Map<string, number>();
  const errorLines: string[] = [];
  let pending = '';
  const port = await new Promise<number>((resolve, reject) => {
    // The first run builds dist/ (tsc) before it starts.
    const timer = setTimeout(() => reject(new Error('the gateway did not start within 240 s')), 240_000);
    child.once('exit', (code) => reject(new Error(`the gateway exited with ${code} before listening`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      let end: number;
      while ((end = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 1);
        let parsed: { level?: string; msg?: string; port?: number };
        try {
          parsed = JSON.parse(line) as typeof parsed;
        } catch {
          continue;
        }
        const level = parsed.level ?? '?';
        logLevels.set(level, (logLevels.get(level) ?? 0) + 1);
        if (level === 'error' || level === 'fatal') errorLines.push(line.slice(0, 500));
        if (parsed.msg === 'listening') {
          clearTimeout(timer);
          resolve(Number(parsed.port));
        }
      }
    });
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    logLevels,
    errorLines,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

// --- subscribers -------------------------------------------------------------------------------
export class Subscriber {
  readonly seen = new Map<string, number>();
  readonly changes: Change[] = [];
  readonly errors: unknown[] = [];
  others = 0;
  readonly resyncs: string[] = [];
  reconnects = 0;
  private lastAt: string | undefined;
  private stop: (() => void) | undefined;
  private readonly startedAt = new Date().toISOString();

  constructor(
    readonly name: string,
    private readonly transport: 'sse' | 'ws',
    private readonly url: string,
    private readonly key: string,
  ) {}

  get connected(): boolean {
    return this.stop !== undefined;
  }

  connect(): void {
    const variables = this.changes.length || this.reconnects ? { since: this.lastAt ?? this.startedAt } : {};
    this.stop = this.transport === 'sse' ? this.sse(variables) : this.ws(variables);
  }

  disconnect(): void {
    this.stop?.();
    this.stop = undefined;
  }

  private receive(change: Change): void {
    // A heartbeat says the stream is alive; a RESYNC says a gap (the first poll's baseline is one,
    // during warm-up). Only a RESYNC inside the measured window is a failure (checkSubscribers).
    if (change.kind === 'HEARTBEAT') return;
    if (change.kind === 'RESYNC') {
      this.resyncs.push(change.at);
      return;
    }
    if (!KINDS.has(change.kind)) {
      this.others++;
      return;
    }
    this.changes.push(change);
    const key = `${change.at}|${change.order.id}`;
    this.seen.set(key, (this.seen.get(key) ?? 0) + 1);
    if (!this.lastAt || change.at > this.lastAt) this.lastAt = change.at;
  }

  private sse(variables: Record<string, unknown>): () => void {
    const abort = new AbortController();
    void (async () => {
      try {
        const response = await fetch(`${this.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.key}`, accept: 'text/event-stream' },
          body: JSON.stringify({ query: SUBSCRIPTION, variables }),
          signal: abort.signal,
        });
        for await (const payload of sseData<{ data?: { orderChanged: Change }; errors?: unknown[] }>(response.body as unknown as AsyncIterable<Uint8Array>)) {
          if (payload.errors) this.errors.push(...payload.errors);
          if (payload.data?.orderChanged) this.receive(payload.data.orderChanged);
        }
        if (!abort.signal.aborted) this.errors.push('the stream ended');
      } catch (error) {
        if (!abort.signal.aborted) this.errors.push(String(error));
      }
    })();
    return () => abort.abort();
  }

  private ws(variables: Record<string, unknown>): () => void {
    const client: Client = createClient({
      url: `${this.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${this.key}` },
      retryAttempts: 0,
    });
    let closing = false;
    const unsubscribe = client.subscribe<{ orderChanged: Change }>(
      { query: SUBSCRIPTION, variables },
      {
        next: (value) => {
          if (value.errors) this.errors.push(...value.errors);
          if (value.data?.orderChanged) this.receive(value.data.orderChanged);
        },
        error: (error) => {
          if (!closing) this.errors.push(error instanceof Error ? error.message : JSON.stringify(error));
        },
        complete: () => {
          if (!closing) this.errors.push('completed');
        },
      },
    );
    return () => {
      closing = true;
      unsubscribe();
      void client.dispose();
    };
  }
}

/** Disconnects the subscriber every 15-45 s and brings it back after 0.3-3 s, while `running()`. */
export async function churnLoop(subscriber: Subscriber, running: () => boolean): Promise<void> {
  while (running()) {
    await sleep(random(15_000, 45_000));
    if (!running()) break;
    subscriber.disconnect();
    await sleep(random(300, 3000));
    subscriber.reconnects++;
    subscriber.connect();
  }
}

// --- requests ----------------------------------------------------------------------------------
export interface Caller {
  gql(query: string, variables?: Record<string, unknown>): Promise<Record<string, any> | undefined>;
  /** Error codes of every answer so far, counted. */
  errors: Map<string, number>;
  /** The last answer's error codes (a create refused for budget was never sent: its repeat may place it). */
  lastCodes(): string[];
}

export function caller(url: () => string, key: string): Caller {
  const errors = new Map<string, number>();
  const count = (code: string) => errors.set(code, (errors.get(code) ?? 0) + 1);
  let last: string[] = [];
  return {
    errors,
    lastCodes: () => last,
    async gql(query, variables = {}) {
      last = [];
      try {
        const response = await fetch(`${url()}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { data?: Record<string, any>; errors?: Array<{ extensions?: { code?: string } }> };
        last = (body.errors ?? []).map((e) => String(e.extensions?.code ?? 'NO_CODE'));
        for (const code of last) count(code);
        if (!response.ok && !body.errors) count(`HTTP_${response.status}`);
        return body.data;
      } catch {
        count('FETCH_FAILED');
        return undefined;
      }
    },
  };
}

export interface LoadOptions {
  client: Caller;
  running: () => boolean;
  fail: (what: string) => void;
  /** Idempotency keys are `${keyPrefix}-${n}`. */
  keyPrefix: string;
  /** [query, variables from the ids created so far]; one is picked at random each time. */
  queries: Array<[string, (created: string[]) => Record<string, unknown>]>;
  /** The n-th createOrder input (without a key): its customer name must say n. */
  input: (n: number) => Record<string, unknown>;
  /** How many orders the POS holds for the n-th input. */
  stored: (n: number) => number;
}

const CREATE = 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { order { id } userErrors { code } } }';
const CANCEL = 'mutation($id: ID!) { cancelOrder(id: $id) { order { id status } userErrors { code } } }';

/**
 * Queries every 0.2-0.6 s per query loop; every 2-4 s a write: a cancel (every third, of an order
 * created here), else a create, every other one with an idempotency key and then repeated with it.
 */
export function load(o: LoadOptions) {
  const counts = { queries: 0, creates: 0, createsWithKey: 0, repeats: 0, cancels: 0 };
  const created: string[] = [];
  async function queryLoop(): Promise<void> {
    while (o.running()) {
      const [query, variables] = o.queries[random(0, o.queries.length - 1)]!;
      await o.client.gql(query, variables(created));
      counts.queries++;
      await sleep(random(200, 600));
    }
  }
  async function writeLoop(): Promise<void> {
    for (let n = 1; o.running(); n++) {
      await sleep(random(2000, 4000));
      if (n % 3 === 0 && created.length > 3) {
        const id = created.splice(random(0, created.length - 2), 1)[0]!;
        await o.client.gql(CANCEL, { id });
        counts.cancels++;
        continue;
      }
      const withKey = n % 2 === 0;
      const key = `${o.keyPrefix}-${n}`;
      const data = await o.client.gql(CREATE, withKey ? { input: { ...o.input(n), idempotencyKey: key } } : { input: o.input(n) });
      counts.creates++;
      const id = data?.createOrder?.order?.id as string | undefined;
      // The quota shield may hold a create back when queries spent their share: it was never sent
      // (UPSTREAM_RATE_LIMITED), which is an expected answer; anything else without an order is not.
      const codes = o.client.lastCodes();
      const heldBack = !id && codes.length > 0 && codes.every((code) => code === 'UPSTREAM_RATE_LIMITED');
      if (!id && !heldBack) o.fail(`create ${n} gave no order: ${JSON.stringify(data)} ${codes.join(',')}`);
      if (id) created.push(id);
      if (withKey) {
        counts.createsWithKey++;
        // A repeat with the same key answers the same order (or, if the first was held back, places
        // it), and in no case does the POS hold two orders for the key.
        const again = await o.client.gql(CREATE, { input: { ...o.input(n), idempotencyKey: key } });
        counts.repeats++;
        const againId = again?.createOrder?.order?.id as string | undefined;
        if (id && againId !== id) o.fail(`repeat of key ${key} gave ${JSON.stringify(again)} instead of order ${id}`);
        if (!id && againId) created.push(againId);
        const stored = o.stored(n);
        if (stored !== (id || againId ? 1 : 0)) o.fail(`key ${key}: the POS holds ${stored} orders`);
      }
    }
  }
  return { counts, created, queryLoop, writeLoop };
}

export interface Sample {
  at: number;
  rss: number;
  breaker: number;
  ready: number;
}

export async function metrics(url: string): Promise<Sample> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)`, 'm').exec(text)?.[1] ?? NaN);
  const ready = (await fetch(`${url}/readiness`)).status;
  return { at: Date.now(), rss: value('process_resident_memory_bytes'), breaker: value('clopos_breaker_state'), ready };
}

/** /metrics and /readiness every 5 s while `running()`. */
export function monitor(url: string, running: () => boolean): { samples: Sample[]; done: Promise<void> } {
  const samples: Sample[] = [];
  const done = (async () => {
    while (running()) {
      samples.push(await metrics(url));
      await sleep(5000);
    }
  })();
  return { samples, done };
}

// --- verdict -------------------------------------------------------------------------------------
/**
 * Every subscriber received every change of the window (after `windowFrom`) exactly once, with no
 * error, no RESYNC in the window and no change of another kind. Returns the union of the window's
 * changes and each subscriber's count.
 */
export function checkSubscribers(subscribers: Subscriber[], windowFrom: string, fail: (what: string) => void): { union: Map<string, Change>; perSubscriber: number[] } {
  const union = new Map<string, Change>();
  for (const s of subscribers) for (const c of s.changes) if (c.at > windowFrom) union.set(`${c.at}|${c.order.id}`, c);
  for (const s of subscribers) {
    const mine = [...s.seen].filter(([key]) => key.split('|')[0]! > windowFrom);
    const twice = mine.filter(([, n]) => n > 1).length;
    const missing = [...union.keys()].filter((key) => !s.seen.has(key)).length;
    if (twice) fail(`${s.name} received ${twice} changes more than once`);
    if (missing) fail(`${s.name} missed ${missing} of ${union.size} changes`);
    if (s.errors.length) fail(`${s.name} got errors: ${JSON.stringify(s.errors.slice(0, 3))}`);
    const gaps = s.resyncs.filter((at) => at >= windowFrom).length;
    if (gaps) fail(`${s.name} got ${gaps} RESYNC gap signal(s) during the run`);
    if (s.others) fail(`${s.name} got ${s.others} changes of another kind (a gap signal?)`);
  }
  const perSubscriber = subscribers.map((s) => [...s.seen.keys()].filter((key) => key.split('|')[0]! > windowFrom).length);
  return { union, perSubscriber };
}

/** The last status each order showed in the window's changes, in order of `at`. */
export function lastStatuses(union: Map<string, Change>): Map<string, string> {
  const last = new Map<string, string>();
  for (const c of [...union.values()].sort((a, b) => (a.at < b.at ? -1 : 1))) last.set(c.order.id, c.order.status);
  return last;
}

/**
 * Breaker closed and /readiness 200 in every sample; RSS steady: the median of the last third of
 * the 5 s samples within 25 % of the median of the middle third. Medians, not two single samples:
 * V8 lets the heap grow between full collections, so one sample taken just before a collection
 * and one just after differ by 30-40 MB with nothing leaking (a Clover soak run read 98 -> 141 MB
 * on one gateway and 134 -> 106 MB on the other). The middle third, not the first: the heap
 * grows to its working size over the first minute or so (a 360 s Clover run: 103 -> 140 MB in
 * 80 s, then 140 -> 151 MB in the remaining 280 s), while a leak keeps growing through every
 * third. Returns the growth.
 */
export function checkHealth(name: string, measured: Sample[], warm: Sample, last: Sample, fail: (what: string) => void): number {
  if (measured.some((s) => s.breaker !== 0)) fail(`${name}: the breaker left closed: ${JSON.stringify(measured.filter((s) => s.breaker !== 0).slice(0, 3))}`);
  if (measured.some((s) => s.ready !== 200)) fail(`${name}: /readiness was not 200 throughout`);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const third = Math.floor(measured.length / 3);
  const [from, to] = third >= 2 ? [median(measured.slice(third, 2 * third).map((s) => s.rss)), median(measured.slice(-third).map((s) => s.rss))] : [warm.rss, last.rss];
  const growth = to / from - 1;
  if (Math.abs(growth) > 0.25) fail(`${name}: RSS moved ${(growth * 100).toFixed(1)} % (median of the last third of the samples against the middle third; limit 25 %)`);
  return growth;
}
