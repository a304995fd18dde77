// A gateway wired to a real sandbox on 127.0.0.1, as `npm start` wires them, for graph tests.
import type { ExecutionResult } from 'graphql';
import { createCloposClient } from '../../src/clopos/client.js';
import type { CloposClientOptions } from '../../src/clopos/client.js';
import { cloposCredentials, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox, SandboxOptions } from '../../src/sandbox/contract.js';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/server.js';

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

export async function startTestGateway(
  options: {
    sandbox?: SandboxOptions;
    client?: Partial<CloposClientOptions>;
    gateway?: Partial<Omit<GatewayOptions, 'clopos'>>;
  } = {},
): Promise<TestGateway> {
  const sandbox = await startSandbox({ seed: 7, ...options.sandbox });
  const clopos = createCloposClient({
    baseUrl: sandbox.baseUrl,
    credentials: cloposCredentials(sandbox.credentials),
    ...options.client,
  });
  const yoga = createGateway({ clopos, ...options.gateway });
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
    close: () => sandbox.close(),
  };
}
