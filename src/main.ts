// The only file that reads process.env and opens a port: it reads the configuration, starts the
// embedded sandbox when no Clopos is configured, builds the app (src/app.ts), listens and drains.
import { createServer, type ServerResponse } from 'node:http';
import { createApp } from './app.js';
import type { CloposCredentials } from './upstreams/clopos/api.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { anonymousRefusal } from './http/auth.js';
import { createLogger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { startTracing, TRACE_EXPORTERS, type TraceExporterName } from './observability/tracing.js';
import { cloposCredentials, startSandbox } from './sandbox/index.js';
import type { RunningSandbox } from './sandbox/contract.js';
import { runDetached } from './request-scope.js';

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
  const { baseUrl, credentials, sandbox } = await upstream(config);
  // Everything else is wired in one place (src/app.ts), the same way the tests build it.
  const app = await createApp(config, {
    upstream: { baseUrl, credentials },
    logger,
    metrics: createMetrics({ defaultMetrics: true }),
    ...(tracing?.provider ? { tracerProvider: tracing.provider } : {}),
  });
  const { yoga, live, quota } = app;
  let draining = false;

  const server = createServer(yoga);
  // Before attachWebSocket: its WebSocketServer re-emits the server's errors on itself, and a port
  // that cannot be had must end the process (the embedded sandbox with it), not leave it running.
  const cannotListen = (error: NodeJS.ErrnoException) => fail(listenFailure(error, config.port, config.host));
  server.once('error', cannotListen);
  // graphql-ws on the same port and path; the key comes in connectionParams.
  const websocket = app.attach(server);
  const inFlight = new Set<ServerResponse>();
  server.on('request', (_request, response: ServerResponse) => {
    inFlight.add(response);
    if (draining) response.setHeader('connection', 'close');
    response.on('close', () => {
      inFlight.delete(response);
      if (draining) server.closeIdleConnections();
    });
  });
  // HOST unset: every interface (Node's default), as in a container; HOST=127.0.0.1: this machine only.
  server.listen({ port: config.port, host: config.host }, () => {
    server.off('error', cannotListen);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const bound = typeof address === 'object' && address ? address.address : undefined;
    logger.info(
      {
        port,
        host: bound,
        url: `http://${urlHost(config.host)}:${port}/graphql`,
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
    app.startDraining();
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

/** The host part of the URL the start-up line prints: localhost when listening everywhere. */
function urlHost(host: string | undefined): string {
  if (host === undefined || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Why the port could not be had, in words an operator can act on. */
function listenFailure(error: NodeJS.ErrnoException, port: number, host: string | undefined): string {
  if (error.code === 'EADDRNOTAVAIL') return `Cannot start: HOST ${host} is not an address of this machine (EADDRNOTAVAIL). Set HOST to one of its addresses, 127.0.0.1, or 0.0.0.0.`;
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return `Cannot start: HOST ${host} does not resolve (${error.code}). Set HOST to an IP address such as 127.0.0.1 or 0.0.0.0.`;
  if (error.code === 'EADDRINUSE') return `Cannot start: port ${port} is already in use (EADDRINUSE). Stop whatever holds it, or set PORT to a free port.`;
  if (error.code === 'EACCES') return `Cannot start: no permission to listen on port ${port} (EACCES). Use a port above 1023, or set PORT.`;
  return `Cannot start: listening on port ${port} failed: ${error.message}`;
}

// Anything else that fails while starting (the embedded sandbox, Redis, tracing) ends the process
// with exit code 1 and says what failed, instead of an unhandled rejection.
main().catch((error: unknown) => {
  // A setting found wrong while starting (a persisted manifest): its message, no stack.
  if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
  console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});
