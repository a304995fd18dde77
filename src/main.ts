// The only file that reads process.env and opens a port.
import { createServer, type ServerResponse } from 'node:http';
import { createCloposClient } from './clopos/client.js';
import type { CloposCredentials } from './clopos/api.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { anonymousRefusal } from './http/auth.js';
import type { ReadinessCheck } from './http/endpoints.js';
import { attachWebSocket } from './http/websocket.js';
import { createLiveOrders } from './live/index.js';
import { instrumentFetch } from './observability/clopos-fetch.js';
import { createLogger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { startTracing, TRACE_EXPORTERS, type TraceExporterName } from './observability/tracing.js';
import { cloposCredentials, startSandbox } from './sandbox/index.js';
import type { RunningSandbox } from './sandbox/contract.js';
import { createGateway, gatewaySettings } from './server.js';
import { runDetached } from './request-scope.js';
import { createQuotaShield } from './shield.js';

async function upstream(config: Config): Promise<{ baseUrl: string; credentials: CloposCredentials; sandbox?: RunningSandbox }> {
  if (config.clopos) return config.clopos;
  // No CLOPOS_BASE_URL: run against the embedded sandbox, with orders moving on their own.
  // Detached: the sandbox's server and demo timer run for the life of the process.
  const sandbox = await runDetached(() => startSandbox({ demo: true }));
  return {
    baseUrl: sandbox.baseUrl,
    credentials: cloposCredentials(sandbox.credentials),
    sandbox,
  };
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
    throw error;
  }
  const refusal = anonymousRefusal(config);
  if (refusal) fail(refusal);
  const exporter = (process.env.OTEL_TRACES_EXPORTER?.trim().toLowerCase() || 'none') as TraceExporterName;
  if (!TRACE_EXPORTERS.includes(exporter)) fail(`Configuration error: OTEL_TRACES_EXPORTER must be one of ${TRACE_EXPORTERS.join(', ')}.`);
  const tracing = await startTracing(exporter).catch((error: Error) => fail(`Configuration error: ${error.message}`));

  const logger = createLogger({ level: config.logLevel });
  const metrics = createMetrics({ defaultMetrics: true });
  const { baseUrl, credentials, sandbox } = await upstream(config);
  // Innermost layer: counts and times what Clopos really receives.
  const cloposFetch = instrumentFetch((input, init) => globalThis.fetch(input, init), { baseUrl, metrics, logger });
  // The quota shield (coalescing, caches, budget, retries, breaker; shared in Redis with REDIS_URL).
  const quota = await createQuotaShield(
    {
      baseUrl,
      credentials,
      cloposTimeoutMs: config.cloposTimeoutMs,
      cloposBudgetPerMinute: config.cloposBudgetPerMinute,
      cacheTtlMs: config.cacheTtlMs,
      requestTimeoutMs: config.requestTimeoutMs,
      redisUrl: config.redisUrl,
      pollBudgetShare: config.pollBudgetShare,
      pollIntervalMs: config.pollIntervalMs,
    },
    { logger: logger.child({ component: 'shield' }), fetch: cloposFetch, reporter: metrics.shield },
  );
  const clopos = quota.clopos;
  // Subscription.orderChanged: one poller for every subscriber (with REDIS_URL, for every instance).
  const live = createLiveOrders(quota, config, logger.child({ component: 'live' }));

  let draining = false;
  const readiness: ReadinessCheck[] = [{ name: 'accepting', check: () => !draining }, ...quota.readiness];
  const yoga = createGateway({
    clopos,
    ...gatewaySettings(config),
    logger,
    metrics,
    readiness,
    tracerProvider: tracing?.provider,
    // Pass-through: a client of its own per caller token (the gateway keeps them in a bounded LRU).
    // Shielded too (same budget and breaker), with cache keys of its own token.
    upstreamForToken: (token, digest) =>
      quota.shield.wrap(
        createCloposClient({ baseUrl, credentials, timeoutMs: config.cloposTimeoutMs, fetch: quota.shield.transport, token }),
        `token:${digest}`,
      ),
    idempotency: quota.idempotency,
    plugins: quota.plugins,
    live,
  });

  const server = createServer(yoga);
  // Before attachWebSocket: its WebSocketServer re-emits the server's errors on itself, and a port
  // that cannot be had must end the process (the embedded sandbox with it), not leave it running.
  const cannotListen = (error: NodeJS.ErrnoException) => fail(listenFailure(error, config.port));
  server.once('error', cannotListen);
  // graphql-ws on the same port and path; the key comes in connectionParams.
  const websocket = attachWebSocket(server, yoga, { apiKeys: config.apiKeys, persistedOnly: config.persistedOnly });
  const inFlight = new Set<ServerResponse>();
  server.on('request', (_request, response: ServerResponse) => {
    inFlight.add(response);
    if (draining) response.setHeader('connection', 'close');
    response.on('close', () => {
      inFlight.delete(response);
      if (draining) server.closeIdleConnections();
    });
  });
  server.listen(config.port, () => {
    server.off('error', cannotListen);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info(
      {
        port,
        url: `http://localhost:${port}/graphql`,
        upstream: sandbox ? `embedded sandbox ${sandbox.baseUrl}` : new URL(baseUrl).origin,
        apiKeys: config.apiKeys.map((k) => `${k.name}:${k.scope}`),
        tracing: exporter,
      },
      'listening',
    );
  });

  // SIGTERM: stop accepting, let requests in flight finish, then close the sandbox and exit.
  const stop = (signal: string) => {
    if (draining) return;
    draining = true;
    logger.info({ signal, inFlight: inFlight.size }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      logger.warn({ inFlight: inFlight.size }, 'requests still in flight after the grace period: closing them');
      server.closeAllConnections();
      process.exitCode = 1;
    }, config.requestTimeoutMs + 5000);
    force.unref();
    // Subscriptions never finish on their own: end them (SSE streams complete, sockets close 1001).
    void live.close();
    void websocket.close();
    server.close(() => {
      clearTimeout(force);
      void Promise.allSettled([sandbox?.close(), tracing?.shutdown(), quota.close()]).then(() => {
        logger.info('stopped');
        process.exit(process.exitCode ?? 0);
      });
    });
    server.closeIdleConnections();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** Why the port could not be had, in words an operator can act on. */
function listenFailure(error: NodeJS.ErrnoException, port: number): string {
  if (error.code === 'EADDRINUSE') return `Cannot start: port ${port} is already in use (EADDRINUSE). Stop whatever holds it, or set PORT to a free port.`;
  if (error.code === 'EACCES') return `Cannot start: no permission to listen on port ${port} (EACCES). Use a port above 1023, or set PORT.`;
  return `Cannot start: listening on port ${port} failed: ${error.message}`;
}

// Anything else that fails while starting (the embedded sandbox, Redis, tracing) ends the process
// with exit code 1 and says what failed, instead of an unhandled rejection.
main().catch((error: unknown) => {
  console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});
