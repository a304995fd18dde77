// temporary experiment (not committed): heap snapshot of the gateway with N SSE subscribers
import { spawn, fork } from 'node:child_process';
import { startSandbox } from '../src/sandbox/index.js';
const N = Number(process.env.N ?? 2000);
const sandbox = await startSandbox({ rateLimitPerMinute: 1e9, authRateLimitPerMinute: 1e9, demo: false });
const c = sandbox.credentials;
const port = 40000 + Math.floor(Math.random() * 10000);
const gw = spawn(process.execPath, ['--max-old-space-size=1024', '--heapsnapshot-signal=SIGUSR2', 'scripts/start.mjs'], {
  cwd: '/work/main', stdio: ['ignore', 'ignore', 'inherit'],
  env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), CLOPOS_BASE_URL: sandbox.baseUrl, CLOPOS_CLIENT_ID: c.client_id, CLOPOS_CLIENT_SECRET: c.client_secret, CLOPOS_BRAND: c.brand, CLOPOS_INTEGRATOR_ID: c.integrator_id, GATEWAY_API_KEYS: 'bench:k12345678901234567890:write', LOG_LEVEL: 'info', POLL_INTERVAL_MS: '1000', GATEWAY_MAX_SUBSCRIPTIONS_PER_KEY: '0', CLOPOS_BUDGET_PER_MINUTE: '1000000000', GATEWAY_RATE_LIMIT_PER_MINUTE: '0' },
});
const origin = `http://127.0.0.1:${port}`;
for (;;) { try { if ((await fetch(`${origin}/readiness`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 200)); }
const rss = () => Number(require_rss(gw.pid!));
function require_rss(pid: number) { return (Number((require_fs().readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1])) * 4096 / 1048576).toFixed(0); }
import * as fs from 'node:fs';
function require_fs() { return fs; }
const r0 = rss();
const gen = fork('/work/main/bench/live-load.mjs', [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
await new Promise((r) => gen.once('message', r));
const ask = (m: unknown, key: string) => new Promise<any>((r) => { const on = (x: any) => x[key] !== undefined && (gen.off('message', on), r(x[key])); gen.on('message', on); gen.send(m as any); });
const opened = await ask({ open: { origin, apiKey: 'k12345678901234567890', transport: 'sse', count: N, query: 'subscription { orderChanged { kind at order { id status createdAt customer { name } } } }' } }, 'opened');
await new Promise((r) => setTimeout(r, 3000));
console.log(`opened ${opened.ok}, rss ${r0} -> ${rss()} MB`);
if (process.env.SNAP) {
  process.kill(gw.pid!, 'SIGUSR2');
  await new Promise((r) => setTimeout(r, 15000));
}
gen.send('close'); gw.kill('SIGTERM'); await sandbox.close(); process.exit(0);
