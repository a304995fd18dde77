// The gateway as a process (src/main.ts): refusing to start without keys against a real Clopos,
// and draining on SIGTERM. Spawned with tsx, like `npm start`.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/sandbox/index.js';
import type { RunningSandbox } from '../src/sandbox/contract.js';

const ROOT = new URL('..', import.meta.url).pathname;

/** The parent's environment without any of the gateway's settings, plus `env`. */
function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(GATEWAY_|CLOPOS_|METRICS_|LOG_LEVEL|PORT|REDIS_|CACHE_|OTEL_|NODE_ENV)/.test(name)),
  );
  return { ...clean, ...env };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

let sandbox: RunningSandbox;
let upstream: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7 });
  const c = sandbox.credentials;
  upstream = {
    CLOPOS_BASE_URL: sandbox.baseUrl,
    CLOPOS_CLIENT_ID: c.client_id,
    CLOPOS_CLIENT_SECRET: c.client_secret,
    CLOPOS_BRAND: c.brand,
    CLOPOS_INTEGRATOR_ID: c.integrator_id,
  };
});
afterAll(() => sandbox.close());

describe('start-up', () => {
  it('refuses to start against a real Clopos with no API keys, naming the variables, and exits non-zero', async () => {
    const child = spawn('npx', ['tsx', 'src/main.ts'], { cwd: ROOT, env: environment({ ...upstream, PORT: '0' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await exited(child);
    expect(code).not.toBe(0);
    expect(stderr).toContain('GATEWAY_API_KEYS');
    expect(stderr).toContain('GATEWAY_ALLOW_ANONYMOUS=true');
    expect(stderr).not.toContain(upstream.CLOPOS_CLIENT_SECRET!);
  }, 30_000);
});

describe('start-up errors exit 1 and name the cause', () => {
  async function startFails(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: environment(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await exited(child);
    clearTimeout(timer);
    return { code, stderr };
  }

  it('a port in use: exit 1 naming the port, no process left behind', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
    const port = (busy.address() as AddressInfo).port;
    try {
      // No CLOPOS_BASE_URL: the embedded sandbox starts first, and must not outlive the failure.
      const { code, stderr } = await startFails({ PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr).toContain(`port ${port} is already in use`);
    } finally {
      busy.close();
    }
  }, 40_000);

  it('an invalid REDIS_URL: exit 1 naming the variable', async () => {
    for (const url of ['localhost:6379', 'redis://localhost:port', 'redis://cache.local/zero']) {
      const { code, stderr } = await startFails({ ...upstream, GATEWAY_API_KEYS: 'k', PORT: '0', REDIS_URL: url });
      expect(code).toBe(1);
      expect(stderr).toContain('REDIS_URL');
    }
  }, 60_000);
});

describe('HOST', () => {
  /** Starts main.ts with env; resolves with the listening line's fields and the child. */
  async function start(env: Record<string, string>) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: environment(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const listening = await new Promise<{ port: number; host: string; url: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${stdout}`)), 30_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const line = stdout.split('\n').find((l) => l.includes('"msg":"listening"'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as { port: number; host: string; url: string });
        }
      });
    });
    return { child, listening };
  }

  it('HOST=127.0.0.1 answers on loopback only, and the start-up line names that address', async () => {
    const { child, listening } = await start({ ...upstream, PORT: '0', HOST: '127.0.0.1', GATEWAY_API_KEYS: 'k' });
    try {
      expect(listening.host).toBe('127.0.0.1');
      expect(listening.url).toBe(`http://127.0.0.1:${listening.port}/graphql`);
      expect((await fetch(`http://127.0.0.1:${listening.port}/health`)).status).toBe(200);
      // Another address of this machine (if it has one) is refused: nothing listens there.
      const other = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
      if (other) await expect(fetch(`http://${other.address}:${listening.port}/health`)).rejects.toThrow();
    } finally {
      const exit = exited(child);
      child.kill('SIGTERM');
      await exit;
    }
  }, 40_000);

  it('HOST unset listens on every interface, as before the setting existed', async () => {
    const { child, listening } = await start({ ...upstream, PORT: '0', GATEWAY_API_KEYS: 'k' });
    try {
      expect(['::', '0.0.0.0']).toContain(listening.host);
      expect((await fetch(`http://127.0.0.1:${listening.port}/health`)).status).toBe(200);
      const other = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
      if (other) expect((await fetch(`http://${other.address}:${listening.port}/health`)).status).toBe(200);
    } finally {
      const exit = exited(child);
      child.kill('SIGTERM');
      await exit;
    }
  }, 40_000);

  it('a HOST that is not an address of this machine: exit 1 naming HOST', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: environment({ ...upstream, PORT: '0', HOST: '203.0.113.77', GATEWAY_API_KEYS: 'k' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await exited(child);
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(stderr).toContain('HOST 203.0.113.77 is not an address of this machine');
  }, 40_000);
});

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, finishes the slow request in flight, then exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: environment({ ...upstream, PORT: '0', GATEWAY_API_KEYS: 'test:drain-key', LOG_LEVEL: 'info' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exit = exited(child);
    let stdout = '';
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${stdout}`)), 20_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /"port":(\d+).*"msg":"listening"/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
    });
    expect(stdout).not.toContain('drain-key');
    sandbox.control.injectFault({ method: 'GET', path: '/orders', latencyMs: 1500, times: 1 });
    const slow = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer drain-key' },
      body: JSON.stringify({ query: '{ orders(first: 1) { totalCount } }' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // No longer accepting.
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { orders: { totalCount: expect.any(Number) } } });
    expect(await exit).toBe(0);
    expect(stdout).toContain('shutting down');
  }, 40_000);
});
