// The gateway as a child process, started the way `npm start` starts it (src/main.ts, through tsx
// here so no build is needed), against a sandbox the test controls; plus an SSE subscriber on the
// wire.
import { spawn, type ChildProcess } from 'node:child_process';
import type { RunningSandbox } from '../../src/sandbox/contract.js';

export const ROOT = new URL('../..', import.meta.url).pathname;

/** The parent's environment without any of the gateway's settings, plus `env`. */
export function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(GATEWAY_|CLOPOS_|METRICS_|LOG_LEVEL|PORT|REDIS_|CACHE_|OTEL_|NODE_ENV|POLL_)/.test(name)),
  );
  return { ...clean, ...env };
}

export function upstreamEnv(sandbox: RunningSandbox): Record<string, string> {
  const c = sandbox.credentials;
  return {
    CLOPOS_BASE_URL: sandbox.baseUrl,
    CLOPOS_CLIENT_ID: c.client_id,
    CLOPOS_CLIENT_SECRET: c.client_secret,
    CLOPOS_BRAND: c.brand,
    CLOPOS_INTEGRATOR_ID: c.integrator_id,
  };
}

export interface GatewayProcess {
  child: ChildProcess;
  url: string;
  /** Every stdout line so far that parsed as JSON (the gateway's log). */
  logs(): Array<Record<string, unknown>>;
  stderr(): string;
  exit: Promise<number | null>;
  stop(): Promise<number | null>;
}

export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/** Spawns `node --import tsx src/main.ts` and waits for its "listening" line. */
export async function startGatewayProcess(env: Record<string, string>, args: string[] = ['--import', 'tsx', 'src/main.ts']): Promise<GatewayProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: environment({ PORT: '0', LOG_LEVEL: 'info', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = exited(child);
  let stdout = '';
  let stderr = '';
  const lines: Array<Record<string, unknown>> = [];
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line within 30 s: ${stdout}${stderr}`)), 30_000);
    void exit.then((code) => reject(new Error(`exited with ${code} before listening: ${stderr}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      let end: number;
      while ((end = stdout.indexOf('\n')) >= 0) {
        const line = stdout.slice(0, end);
        stdout = stdout.slice(end + 1);
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          lines.push(parsed);
          if (parsed.msg === 'listening') {
            clearTimeout(timer);
            resolve(Number(parsed.port));
          }
        } catch {
          // not a log line
        }
      }
    });
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    logs: () => lines,
    stderr: () => stderr,
    exit,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exit;
    },
  };
}

export interface WireSubscriber {
  /** Every order change received (signals aside). */
  changes: Array<{ kind: string; at: string; order: { id: string; status: string } }>;
  /** The `at` of each RESYNC gap signal received (HEARTBEATs are dropped). */
  resyncs: string[];
  errors: unknown[];
  close(): void;
  ended: Promise<void>;
}

/** An SSE subscription over HTTP. */
export function subscribeWire(url: string, headers: Record<string, string>, variables: Record<string, unknown> = {}): WireSubscriber {
  const abort = new AbortController();
  const changes: WireSubscriber['changes'] = [];
  const resyncs: string[] = [];
  const errors: unknown[] = [];
  const ended = (async () => {
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
        body: JSON.stringify({
          query: 'subscription($since: DateTime) { orderChanged(since: $since) { kind at order { id status } } }',
          variables,
        }),
        signal: abort.signal,
      });
      for await (const payload of sseData<{ data?: { orderChanged: WireSubscriber['changes'][number] }; errors?: unknown[] }>(response.body as unknown as AsyncIterable<Uint8Array>)) {
        if (payload.errors) errors.push(...payload.errors);
        const change = payload.data?.orderChanged;
        if (change?.kind === 'RESYNC') resyncs.push(change.at);
        else if (change && change.kind !== 'HEARTBEAT') changes.push(change);
      }
    } catch (error) {
      if (!abort.signal.aborted) errors.push(String(error));
    }
  })();
  return { changes, resyncs, errors, close: () => abort.abort(), ended };
}

/** The `data:` payload of each event of an SSE body, parsed as JSON. */
export async function* sseData<T>(body: AsyncIterable<Uint8Array>): AsyncGenerator<T> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of body) {
    text += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('\n');
      if (data) yield JSON.parse(data) as T;
    }
  }
}

export async function graphql(url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
