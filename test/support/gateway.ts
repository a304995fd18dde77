// A gateway wired to a real sandbox on 127.0.0.1 for graph tests, built through createApp as
// `npm start` builds it (quota shield included), so what is tested is what runs.
import type { ExecutionResult } from 'graphql';
import { createApp, type AppDeps } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { cloposCredentials, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox, SandboxOptions } from '../../src/sandbox/contract.js';
import type { Gateway, GatewayOptions } from '../../src/server.js';

export interface TestGateway {
  sandbox: RunningSandbox;
  yoga: Gateway;
  /** Runs an operation in process (yoga.fetch); the gateway still calls the sandbox over HTTP. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<ExecutionResult<T> & { status: number }>;
  /** Requests the sandbox received, after the base path, control calls excluded. */
  upstreamCalls(method?: string, path?: string): ReturnType<RunningSandbox['control']['requests']>;
  close(): Promise<void>;
}

/**
 * Shield settings for tests that assert how one Clopos answer maps (a 500 once, then data): no
 * retries, no 429 waits, and a breaker that never opens. The budget still honours a 429's reset, so
 * such a test uses a gateway of its own.
 */
export const SINGLE_CALL: NonNullable<AppDeps['shield']> = {
  retry: { retries: 0, rateLimitRounds: 0 },
  breaker: { consecutiveFailures: 1_000_000, minCalls: 1_000_000 },
};

export async function startTestGateway(
  options: {
    sandbox?: SandboxOptions;
    /** The Clopos client's per-call timeout (CLOPOS_TIMEOUT_MS). */
    client?: { timeoutMs?: number };
    gateway?: Partial<Pick<GatewayOptions, 'apiKeys' | 'requestTimeoutMs' | 'commitWindowMs' | 'currency' | 'persistedOnly' | 'rateLimitPerMinute' | 'maxBodyBytes' | 'introspection' | 'idempotency'>>;
    /** Other settings, as the environment would give them (development, CORS origins, METRICS_TOKEN...). */
    config?: Partial<Config>;
    /** createApp's injection points (a fetch under the instrumentation, metrics, logger, readiness checks). */
    deps?: Omit<AppDeps, 'upstream'>;
  } = {},
): Promise<TestGateway> {
  const sandbox = await startSandbox({ seed: 7, ...options.sandbox });
  const { currency, idempotency, ...gateway } = options.gateway ?? {};
  // The production composition with settings that keep the shield out of what these tests assert:
  // no response cache (CACHE_TTL_MS=0: each test sees the sandbox's current state), a budget no
  // test reaches, no poller reserve; the breaker and retries as in production.
  const config: Config = {
    ...loadConfig({}),
    logLevel: 'silent',
    cacheTtlMs: 0,
    cloposBudgetPerMinute: 1_000_000,
    pollBudgetShare: 0,
    ...(options.client?.timeoutMs ? { cloposTimeoutMs: options.client.timeoutMs } : {}),
    ...(currency ? { cloposCurrency: currency } : {}),
    ...gateway,
    ...options.config,
  } as Config;
  const { shield, gateway: gatewayDeps, ...deps } = options.deps ?? {};
  const app = await createApp(config, {
    upstream: { baseUrl: sandbox.baseUrl, credentials: cloposCredentials(sandbox.credentials) },
    shield: { logger: { warn: () => undefined, info: () => undefined }, ...shield },
    ...((idempotency ?? gatewayDeps) ? { gateway: { ...gatewayDeps, ...(idempotency ? { idempotency } : {}) } } : {}),
    ...deps,
  });
  const { yoga } = app;
  return {
    sandbox,
    yoga,
    async gql(query, variables, headers) {
      const response = await yoga.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as ExecutionResult<never>) };
    },
    upstreamCalls(method, path) {
      return sandbox.control
        .requests()
        .filter((r) => (!method || r.method === method) && (!path || r.path === path || r.path.startsWith(`${path}?`)));
    },
    async close() {
      await app.close();
      await sandbox.close();
    },
  };
}
