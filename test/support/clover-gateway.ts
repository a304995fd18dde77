// A gateway over the embedded Clover sandbox for graph tests, built through createApp exactly as
// `UPSTREAM=clover npm start` builds it; `url` is the same gateway on a real port (127.0.0.1:0).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExecutionResult } from 'graphql';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { startCloverSandbox } from '../../src/clover-sandbox/index.js';
import type { CloverSandboxOptions, RunningCloverSandbox } from '../../src/clover-sandbox/contract.js';

export interface CloverTestGateway {
  sandbox: RunningCloverSandbox;
  app: App;
  /** http://127.0.0.1:PORT/graphql */
  url: string;
  /** In process (yoga.fetch); the gateway still calls the sandbox over HTTP. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<ExecutionResult<T> & { status: number }>;
  /** The same over HTTP to the gateway's port. */
  wire<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<ExecutionResult<T> & { status: number }>;
  close(): Promise<void>;
}

export async function startCloverTestGateway(
  options: { sandbox?: CloverSandboxOptions; env?: Record<string, string>; live?: { lingerMs?: number; heartbeatMs?: number } } = {},
): Promise<CloverTestGateway> {
  const sandbox = await startCloverSandbox({ seed: 7, ...options.sandbox });
  const config: Config = {
    ...loadConfig({ UPSTREAM: 'clover', ...options.env }),
    logLevel: 'silent',
    cacheTtlMs: 0,
  };
  const app = await createApp(config, {
    upstream: { clover: { baseUrl: sandbox.baseUrl, merchantId: sandbox.merchantId, token: sandbox.token } },
    shield: { logger: { warn: () => undefined, info: () => undefined } },
    ...(options.live ? { live: options.live } : {}),
  });
  const server: Server = createServer(app.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const run = (send: (init: RequestInit) => Promise<Response>) => async (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => {
    const response = await send({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, ...((await response.json()) as ExecutionResult<never>) };
  };
  return {
    sandbox,
    app,
    url,
    gql: run((init) => Promise.resolve(app.yoga.fetch('http://gateway.test/graphql', init))),
    wire: run((init) => fetch(url, init)),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
      await sandbox.close();
    },
  };
}
