// The embedded Clover sandbox: a local stand-in for Clover REST API v3 orders, written from
// ../shared/clover-api-facts.md, over real HTTP on loopback. See README.md.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloverSandboxOptions, RunningCloverSandbox } from './contract.js';
import { createContext } from './context.js';
import { createControl } from './control.js';
import { DemoRunner } from './demo.js';
import { createHandler } from './server.js';

export type * from './contract.js';
export { CONTROL_PREFIX } from './control-routes.js';
export { REFRESH_PATH } from './server.js';
export { MAX_BULK, MAX_LINE_ITEMS } from './routes.js';
export { ALLOWED_FILTER_HEADER, DEFAULT_LIMIT, MAX_EXPAND, MAX_LIMIT, NESTED_CAP, WINDOW_MS } from './query.js';

export async function startCloverSandbox(options: CloverSandboxOptions = {}): Promise<RunningCloverSandbox> {
  const ctx = createContext(options);
  const demo = new DemoRunner(ctx.store);
  const control = createControl(ctx, demo);
  const server = createServer(createHandler(ctx, { control, demo }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(ctx.port, ctx.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  ctx.port = port;
  if (ctx.demoIntervalMs !== undefined) demo.start(ctx.demoIntervalMs);
  const host = ctx.host.includes(':') ? `[${ctx.host}]` : ctx.host;
  let closing: Promise<void> | undefined;
  return {
    baseUrl: `http://${host}:${port}`,
    merchantId: ctx.merchantId,
    token: ctx.token,
    oauth: { appId: ctx.oauth.settings.appId, refreshToken: ctx.oauth.settings.firstRefreshToken },
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
