// What the browser tests run against, all on 127.0.0.1 with free ports, torn down after:
// the sandbox (fixed seed, no demo movement), a gateway in persisted-only mode serving the built
// order board on the same origin (as the Vite proxy does in development), with live updates
// (a short poll interval and heartbeat, so the board's live status can be watched going stale),
// and a default gateway for GraphiQL, which sends query text.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createCloposClient } from '../src/upstreams/clopos/client.js';
import { cloposUpstream } from '../src/upstreams/clopos/index.js';
import { cloposCredentials, startSandbox } from '../src/sandbox/index.js';
import type { RunningSandbox } from '../src/sandbox/contract.js';
import { LiveOrders } from '../src/live/live.js';
import { MemoryLiveStore } from '../src/live/store.js';
import { createGateway } from '../src/server.js';

const APP_DIR = fileURLToPath(new URL('../examples/order-board/', import.meta.url));
const DIST = join(APP_DIR, 'dist');

/** Builds the order board to send operations by hash only (VITE_PERSISTED_ONLY=true). */
export function buildOrderBoard(): void {
  if (!existsSync(join(APP_DIR, 'node_modules'))) {
    throw new Error('examples/order-board has no node_modules: run npm ci --prefix examples/order-board');
  }
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: APP_DIR,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would give React's development build.
    // The live status turns "Stale" after 4 s without a fresh feed (30 s by default), to test it.
    env: { ...process.env, NODE_ENV: 'production', VITE_PERSISTED_ONLY: 'true', VITE_LIVE_STALE_AFTER_MS: '4000' },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function serveStatic(req: IncomingMessage, res: ServerResponse): void {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(DIST, path);
  if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) file = join(DIST, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

export interface Stack {
  sandbox: RunningSandbox;
  /** The order board, with /graphql on a persisted-only gateway. */
  appUrl: string;
  /** A default gateway: GraphiQL at `${graphiqlUrl}/graphql`. */
  graphiqlUrl: string;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const sandbox = await startSandbox({ seed: 7 });
  const clopos = createCloposClient({
    baseUrl: sandbox.baseUrl,
    credentials: cloposCredentials(sandbox.credentials),
  });
  // Small pages (5, at most 2 a poll): a dozen orders at once is more than a poll can tell apart,
  // so the poller starts over and sends RESYNC, which the board must answer with a refetch.
  const live = new LiveOrders({
    upstream: cloposUpstream(clopos),
    store: new MemoryLiveStore(),
    pollIntervalMs: 500,
    maxSubscriptionsPerKey: 500,
    heartbeatMs: 1000,
    pageSize: 5,
    maxPages: 2,
  });
  // A long request deadline: the board's subscription outlives the default 15 s.
  const persisted = createGateway({ clopos, persistedOnly: true, live, requestTimeoutMs: 600_000 });
  const open = createGateway({ clopos });
  const app = createServer((req, res) => (req.url?.startsWith('/graphql') ? void persisted(req, res) : serveStatic(req, res)));
  const graphiql = createServer(open);
  const [appUrl, graphiqlUrl] = await Promise.all([listen(app), listen(graphiql)]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // This machine's network is closed: keep Chromium from reaching for Google's services.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    sandbox,
    appUrl,
    graphiqlUrl,
    browser,
    async stop() {
      await browser.close();
      await live.close();
      await Promise.all([close(app), close(graphiql)]);
      await sandbox.close();
    },
  };
}
