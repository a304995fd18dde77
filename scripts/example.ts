// `npm run example`: the gateway (against the embedded sandbox, demo orders moving, unless
// CLOPOS_BASE_URL is set) and the order board's Vite dev server, which proxies /graphql to it.
// GATEWAY_PERSISTED_ONLY=true runs both in trusted-documents mode; with GATEWAY_API_KEYS set the
// board sends the first key.
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

const children: ChildProcess[] = [
  spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, stdio: 'inherit', env: { ...process.env, PORT: port } }),
  spawn('npx', ['vite', '--host', '127.0.0.1'], {
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

let stopping = false;
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
};
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
