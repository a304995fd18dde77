// A gateway behind the quota shield, wired as main.ts wires it, against a real sandbox over HTTP.
import type { ExecutionResult } from 'graphql';
import { cloposCredentials, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox, SandboxOptions } from '../../src/sandbox/contract.js';
import { createApp, type AppDeps } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Gateway } from '../../src/server.js';
import type { QuotaShield, QuotaShieldSettings } from '../../src/shield/compose.js';

export interface ShieldedGateway {
  sandbox: RunningSandbox;
  shield: QuotaShield;
  yoga: Gateway;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<ExecutionResult<T> & { status: number; ms: number }>;
  /** Data-route requests the sandbox received (not /auth). */
  calls(method?: string, path?: string): ReturnType<RunningSandbox['control']['requests']>;
  close(): Promise<void>;
}

export const quietLogger = { warn: () => undefined, info: () => undefined };

export async function startShieldedGateway(
  options: {
    sandbox?: SandboxOptions | RunningSandbox;
    settings?: Partial<QuotaShieldSettings>;
    deps?: AppDeps['shield'];
  } = {},
): Promise<ShieldedGateway> {
  const given = options.sandbox;
  const sandbox = given && 'control' in given ? given : await startSandbox({ seed: 7, ...given });
  const { baseUrl: _b, credentials: _c, ...settings } = options.settings ?? {};
  // The defaults `npm start` has, except no per-key rate limit and no poller reserve (these tests
  // measure the Clopos budget alone); built through createApp like main.ts.
  const config: Config = { ...loadConfig({}), rateLimitPerMinute: 0, pollBudgetShare: 0, logLevel: 'silent', ...settings };
  const app = await createApp(config, {
    upstream: { baseUrl: sandbox.baseUrl, credentials: cloposCredentials(sandbox.credentials) },
    ...(options.deps ? { shield: options.deps } : {}),
  });
  const { yoga, quota: shield } = app;
  return {
    sandbox,
    shield,
    yoga,
    async gql(query, variables, headers) {
      const started = Date.now();
      const response = await yoga.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as ExecutionResult<never>;
      return { status: response.status, ms: Date.now() - started, ...body };
    },
    calls(method, path) {
      return sandbox.control
        .requests()
        .filter((r) => r.path !== '/auth' && (!method || r.method === method) && (!path || r.path === path || r.path.startsWith(`${path}/`)));
    },
    async close() {
      await app.close();
      if (!(given && 'control' in given)) await sandbox.close();
    },
  };
}

export const LIST = /* GraphQL */ `
  query($first: Int, $filter: OrderFilter) { orders(first: $first, filter: $filter) { totalCount nodes { id status } } }
`;
export const ORDER = /* GraphQL */ `
  query($id: ID!) { order(id: $id) { id status } }
`;
export const CREATE = /* GraphQL */ `
  mutation($input: CreateOrderInput!) { createOrder(input: $input) { order { id } userErrors { field message code } } }
`;
export const CANCEL = /* GraphQL */ `
  mutation($id: ID!) { cancelOrder(id: $id) { order { id status } userErrors { field message code } } }
`;

export function simpleOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    venueId: '1',
    saleTypeId: '2',
    customer: { name: 'Aysel Mammadova', phone: '+994502218834' },
    lines: [{ productId: '71', name: 'Plov', quantity: 1, unitPrice: 9 }],
    ...overrides,
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** extensions.code of each error. */
export const codes = (result: ExecutionResult) => (result.errors ?? []).map((e) => e.extensions?.code);
