// `npm run test:fresh-app`: a new frontend team, once per route. For each route it copies
// examples/fresh-app-template (Vite's React + TypeScript template) to a folder OUTSIDE this
// repository, adds the route's files (examples/fresh-app-routes/<route>), installs from npm,
// generates the app's own typed documents, typechecks and builds (`npm run build`: tsc -b && vite
// build), serves the build with `vite preview` (proxying /graphql to the gateway) and waits in
// headless Chromium until the page shows orders the gateway returns (route 2: and its live feed).
// The gateway is `npm start` (embedded sandbox, demo mode) on a free port with an API key.
// Prints, per route, the seconds from the empty folder to live data.
//   route 1 (client-preset): schema from GET /schema.graphql with the key
//   route 2 (hooks-package): schema from `npm run schema:sdl`, hooks from the packed package
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEY = `fresh-app-${Math.random().toString(36).slice(2)}-0123456789`;
const ROUTES = (process.env.FRESH_APP_ROUTES ?? 'client-preset,hooks-package').split(',');
/** Each step is bounded: a hung install or build fails the run instead of holding CI. */
const STEP_TIMEOUT_MS = 10 * 60_000;

const log = (message: string) => console.log(`[fresh-app] ${message}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One command as a team types it; its output goes to ours. */
function run(cwd: string, command: string, args: string[], env: Record<string, string> = {}): void {
  log(`$ ${command} ${args.join(' ')}   (in ${cwd === ROOT ? 'the gateway repository' : 'the app'})`);
  const started = Date.now();
  execFileSync(command, args, { cwd, stdio: 'inherit', timeout: STEP_TIMEOUT_MS, env: { ...process.env, ...env } });
  log(`  ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** A long-running command in its own process group, so stopping it stops its children too. */
function start(cwd: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', () => undefined);
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

function stop(child: ChildProcess | undefined): void {
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function gatewayQuery<T>(gateway: string, query: string): Promise<T> {
  const response = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data) throw new Error(`gateway answered ${response.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function route(name: string, gateway: string, tarball: string | undefined): Promise<number> {
  const started = Date.now();
  const app = mkdtempSync(join(tmpdir(), `fresh-app-${name}-`));
  if (!relative(ROOT, app).startsWith('..')) throw new Error(`${app} is inside the repository`);
  let preview: ChildProcess | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    log(`route ${name}: a new app in ${app}`);
    cpSync(join(ROOT, 'examples/fresh-app-template'), app, { recursive: true });
    cpSync(join(ROOT, 'examples/fresh-app-routes', name), app, { recursive: true });
    const npm = ['--no-audit', '--no-fund'];
    if (name === 'client-preset') {
      run(app, 'npm', ['install', ...npm, '@tanstack/react-query', 'graphql']);
      run(app, 'npm', ['install', ...npm, '-D', '@graphql-codegen/cli', '@graphql-codegen/client-preset']);
      // The schema comes from the gateway's authenticated URL (codegen.ts reads these two).
      run(app, 'npx', ['graphql-codegen'], { GATEWAY_URL: gateway, GATEWAY_API_KEY: KEY });
    } else {
      run(app, 'npm', ['install', ...npm, '@tanstack/react-query', 'graphql', tarball!]);
      run(app, 'npm', ['install', ...npm, '-D', '@graphql-codegen/cli', '@graphql-codegen/client-preset']);
      // The schema as a file, from the gateway's repository.
      run(ROOT, 'npm', ['run', '--silent', 'schema:sdl', '--', join(app, 'schema.graphql')]);
      run(app, 'npx', ['graphql-codegen']);
    }
    // The template's own build: tsc -b (typecheck, erasableSyntaxOnly) && vite build.
    run(app, 'npm', ['run', 'build'], { VITE_API_KEY: KEY, NODE_ENV: 'production' });

    const port = await freePort();
    preview = start(app, 'npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { GATEWAY_URL: gateway });
    const url = `http://127.0.0.1:${port}/`;
    await until('vite preview', 60_000, async () => ((await fetch(url)).ok ? true : undefined));

    const page = await browser.newPage();
    const offsite: string[] = [];
    page.on('request', (request) => {
      const host = new URL(request.url()).hostname;
      if (host !== '127.0.0.1' && !request.url().startsWith('data:')) offsite.push(request.url());
    });
    await page.goto(url);
    const shown = await until('orders on the page', 60_000, async () => {
      const ids = await page.getByTestId('order').evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
      return ids.length > 0 ? ids : undefined;
    });
    if (name === 'hooks-package') {
      // The subscription is open, hearing from the gateway, and its feed is current.
      await until('the live feed', 90_000, async () => ((await page.getByTestId('live').getAttribute('data-fresh')) === 'true' ? true : undefined));
    }
    const liveAfter = (Date.now() - started) / 1000;

    // What the page shows is what the gateway holds: the same orders, asked for directly.
    const direct = await gatewayQuery<{ orders: { nodes: Array<{ id: string }> } }>(gateway, '{ orders(first: 50) { nodes { id } } }');
    const known = new Set(direct.orders.nodes.map((n) => n.id));
    const unknown = shown.filter((id) => !known.has(id));
    if (unknown.length) throw new Error(`the page shows orders the gateway does not list: ${unknown.join(', ')}`);
    if (offsite.length) throw new Error(`the page reached beyond 127.0.0.1: ${offsite.join(', ')}`);
    log(`route ${name}: live data (${shown.length} orders: ${shown.join(', ')}) ${liveAfter.toFixed(1)} s after the empty folder`);
    return liveAfter;
  } finally {
    stop(preview);
    await browser.close();
    if (!process.env.FRESH_APP_KEEP) rmSync(app, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  let tarball: string | undefined;
  if (ROUTES.includes('hooks-package')) {
    run(ROOT, 'npm', ['run', '--silent', 'client:pack']);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'packages/client/package.json'), 'utf8')) as { version: string };
    tarball = join(ROOT, 'packages/client', `clopos-graphql-client-${version}.tgz`);
  }

  // The gateway as an operator starts it: npm start, embedded sandbox, one API key.
  const gatewayPort = await freePort();
  const gatewayProcess = start(ROOT, 'npm', ['start'], { PORT: String(gatewayPort), GATEWAY_API_KEYS: `fresh-app:${KEY}:read`, LOG_LEVEL: 'warn' });
  const gateway = `http://127.0.0.1:${gatewayPort}`;
  const times: Record<string, number> = {};
  try {
    await until('the gateway', 120_000, async () => {
      if (gatewayProcess.exitCode !== null) throw new Error(`npm start exited with ${gatewayProcess.exitCode}`);
      return (await gatewayQuery(gateway, '{ __typename }')) ? true : undefined;
    });
    for (const name of ROUTES) times[name] = await route(name, gateway, tarball);
  } finally {
    stop(gatewayProcess);
  }
  for (const [name, seconds] of Object.entries(times)) log(`${name}: ${seconds.toFixed(1)} s from an empty folder to live data`);
}

main().catch((error: unknown) => {
  console.error(`[fresh-app] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
