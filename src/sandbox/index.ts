// The embedded Clopos sandbox: a faithful local stand-in of the documented Open API v2 over real
// HTTP on loopback, for tests, benchmarks and `npm start` without a Clopos account.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloposCredentials } from '../upstreams/clopos/api.js';
import type { RunningSandbox, SandboxCredentials, SandboxOptions } from './contract.js';
import { createContext, resolveOptions } from './context.js';
import { createControl } from './control.js';
import { DemoRunner } from './demo.js';
import { BASE_PATH, createHandler } from './server.js';

export type * from './contract.js';
export { DEFAULT_CREDENTIALS } from './context.js';
export { BASE_PATH } from './server.js';
export { CONTROL_PREFIX } from './control-routes.js';

/** The sandbox's credentials (Clopos's wire names) as the gateway's client takes them. */
export function cloposCredentials(c: SandboxCredentials): CloposCredentials {
  return { clientId: c.client_id, clientSecret: c.client_secret, brand: c.brand, integratorId: c.integrator_id };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const resolved = resolveOptions(options);
  const ctx = createContext(resolved);
  const demo = new DemoRunner(ctx.store, ctx.catalog);
  const control = createControl(ctx, demo);
  const server = createServer(createHandler(ctx, control, demo));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (resolved.demoIntervalMs !== undefined) demo.start(resolved.demoIntervalMs);
  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  let closing: Promise<void> | undefined;
  return {
    baseUrl: `http://${host}:${port}${BASE_PATH}`,
    credentials: { ...resolved.credentials },
    control,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        demo.stop();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (fetch pools them) would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
