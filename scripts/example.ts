// `npm run example`: the gateway (against the embedded sandbox, demo orders moving, unless
// CLOPOS_BASE_URL is set) and the order board's Vite dev server, which proxies /graphql to it.
// GATEWAY_PERSISTED_ONLY=true runs both in trusted-documents mode; with GATEWAY_API_KEYS set the
// board sends the first key. package.json runs it as `node --import tsx`, not the tsx command:
// tsx's signal relay would add a process between npm and us (and SIGKILLs us if we are slow to
// acknowledge a signal). On SIGTERM, SIGINT or SIGHUP it stops both and exits once both have.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseApiKeys } from '../src/config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const app = fileURLToPath(new URL('../examples/order-board/', import.meta.url));
if (!existsSync(`${app}node_modules`)) {
  console.error('The order board is not installed: npm ci --prefix examples/order-board');
  process.exit(1);
}

const port = process.env.PORT ?? '4000';
const firstKey = parseApiKeys((process.env.GATEWAY_API_KEYS ?? '').split(',').filter((k) => k.trim()))[0]?.key;

// Vite's own entry run by this Node, not `npx vite`: npx would sit between us and Vite and not pass
// our SIGTERM on, leaving Vite holding its port after `npm run example` was stopped.
const vite = `${app}node_modules/vite/bin/vite.js`;
const children: ChildProcess[] = [
  spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, stdio: 'inherit', env: { ...process.env, PORT: port } }),
  spawn(process.execPath, [vite, '--host', '127.0.0.1'], {
    cwd: app,
    stdio: 'inherit',
    env: {
      ...process.env,
      GATEWAY_URL: `http://127.0.0.1:${port}`,
      VITE_PERSISTED_ONLY: process.env.GATEWAY_PERSISTED_ONLY ?? 'false',
      VITE_API_KEY: firstKey ?? '',
    },
  }),
];

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
/** Longer than the gateway's drain (GATEWAY_REQUEST_TIMEOUT_MS + 5 s by default): then SIGKILL. */
const GRACE_MS = 25_000;

// SIGTERM, SIGINT (Ctrl-C) or SIGHUP, or either child ending: stop both, wait until both have
// exited (so their ports are free), then exit; the first child that failed sets the exit code.
let stopping = false;
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  for (const child of children) if (running(child)) child.kill('SIGTERM');
  setTimeout(() => {
    for (const child of children) if (running(child)) child.kill('SIGKILL');
  }, GRACE_MS).unref();
};
for (const child of children) {
  child.on('exit', (code, signal) => {
    stop(code ?? (signal ? 1 : 0));
    if (!children.some(running)) process.exit(process.exitCode ?? 0);
  });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(0));
// `npm run example` runs us under `sh -c`: npm passes a SIGTERM to that shell, which dies without
// passing it on. Our parent gone (we were re-parented) means the same as the signal.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop(0);
}, 500).unref();
// Ended some other way (an exception here): leave nothing behind.
process.on('exit', () => {
  for (const child of children) if (running(child)) child.kill('SIGKILL');
});
