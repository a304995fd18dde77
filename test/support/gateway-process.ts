// The gateway as `npm start` runs it (src/main.ts in its own process, wired from the environment),
// against a sandbox started by the test; requests go over HTTP on 127.0.0.1.
import { spawn } from 'node:child_process';
import type { ExecutionResult } from 'graphql';
import type { RunningSandbox } from '../../src/sandbox/contract.js';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface GatewayProcess {
  url: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<ExecutionResult<T>>;
  stop(): Promise<void>;
}

/** The parent's environment without any of the gateway's settings, plus `env`. */
function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(GATEWAY_|CLOPOS_|METRICS_|LOG_LEVEL|PORT|REDIS_|CACHE_|OTEL_|NODE_ENV)/.test(name)),
  );
  return { ...clean, ...env };
}

export async function startGatewayProcess(sandbox: RunningSandbox, env: Record<string, string>): Promise<GatewayProcess> {
  const c = sandbox.credentials;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: environment({
      CLOPOS_BASE_URL: sandbox.baseUrl,
      CLOPOS_CLIENT_ID: c.client_id,
      CLOPOS_CLIENT_SECRET: c.client_secret,
      CLOPOS_BRAND: c.brand,
      CLOPOS_INTEGRATOR_ID: c.integrator_id,
      PORT: '0',
      LOG_LEVEL: 'info',
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the gateway did not start within 30 s: ${out}${err}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (out.length < 100_000) out += chunk.toString();
      const match = /"port":(\d+).*"msg":"listening"/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`the gateway exited with ${code}: ${err}`)));
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    async gql(query, variables, headers) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as ExecutionResult<never>;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
