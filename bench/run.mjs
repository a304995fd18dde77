// `npm run bench` / `npm run bench:smoke`: one sandbox in its own process; the systems under test
// in their own processes; autocannon (bench/load.mjs) in its own process per cell.
//   A  direct REST: GET /orders?limit=20 to the sandbox, with a token
//   B  this gateway as `npm start` runs it (scripts/start.mjs: compiled dist/, production settings,
//      quotas out of reach), caches as default
//   B0 the same with CACHE_TTL_MS=0
//   C  GraphQL Mesh: mesh-compose + @omnigraph/openapi, served by @graphql-hive/gateway
//   D  the @omnigraph/openapi schema in a plain graphql-yoga server
// Settings (env): BENCH_DURATION seconds per cell (5), BENCH_CONNECTIONS (1,10,50), BENCH_ROUNDS (3),
// BENCH_SYSTEMS (A,P,B,B0,C,D), BENCH_WORKLOADS (list,order,mix), BENCH_WARMUP s per system and read
// workload before the rounds, unrecorded (2; 0 when smoke), BENCH_SMOKE=1 (short, asserts,
// writes no RESULTS.md), BENCH_OUT (RESULTS.md path), BENCH_PROFILE=<dir> (B0 runs with --cpu-prof; BENCH_PROFILE_INTERVAL_US, default 1000).
import { execFileSync, fork, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const env = process.env;
const SMOKE = env.BENCH_SMOKE === '1';
const DURATION = Number(env.BENCH_DURATION ?? (SMOKE ? 1 : 5));
const CONNECTIONS = (env.BENCH_CONNECTIONS ?? (SMOKE ? '10' : '1,10,50')).split(',').map(Number);
const ROUNDS = Number(env.BENCH_ROUNDS ?? (SMOKE ? 1 : 3));
const SYSTEMS = (env.BENCH_SYSTEMS ?? 'A,P,B,B0,C,D').split(',');
const WORKLOADS = (env.BENCH_WORKLOADS ?? 'list,order,mix').split(',');
const WARMUP = Number(env.BENCH_WARMUP ?? (SMOKE ? 0 : 2));
const OUT = env.BENCH_OUT ?? (SMOKE ? undefined : join(BENCH, 'RESULTS.md'));
const PROFILE = env.BENCH_PROFILE;
// The live cell: `transport:subscribers` pairs; the 10,000 SSE cell of a full run also repeats its
// changes with the list workload beside it. BENCH_LIVE=off skips it.
const LIVE = (env.BENCH_LIVE ?? (SMOKE ? 'sse:200,ws:50' : 'sse:1000,sse:5000,sse:10000,ws:1000'))
  .split(',')
  .filter((x) => x && x !== 'off')
  .map((x) => ({ transport: x.split(':')[0], count: Number(x.split(':')[1]) }));
const LIVE_CHANGES = Number(env.BENCH_LIVE_CHANGES ?? (SMOKE ? 3 : 10));
const LIVE_POLL_MS = 1000;
const API_KEY = 'bench-key-0123456789';
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'clopos-bench-'));
const children = [];
const stopping = new Set();
// A crash of this script must not leave the sandbox, a gateway or a load generator running.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
const failures = [];

const log = (...args) => console.log(`[bench +${((Date.now() - started) / 1000).toFixed(0)}s]`, ...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

function track(child, name) {
  children.push(child);
  child.once('exit', (code, signal) => {
    if (!shuttingDown && !stopping.has(child)) failures.push(`${name} exited early (code ${code}, signal ${signal})`);
  });
  return child;
}

// --- the sandbox ---------------------------------------------------------------------------
const sandbox = track(fork(join(BENCH, 'sandbox.ts'), { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }), 'sandbox');
let shuttingDown = false;
const { baseUrl, credentials } = await new Promise((r) => sandbox.on('message', (m) => m.ready && r(m.ready)));
const sandboxCounts = () =>
  new Promise((r) => {
    const on = (m) => m.count && (sandbox.off('message', on), r(m.count));
    sandbox.on('message', on);
    sandbox.send('count');
  });
const auth = await (await fetch(`${baseUrl}/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) })).json();
const token = auth.token;
log(`sandbox at ${baseUrl}`);

// --- operations ----------------------------------------------------------------------------
const ORDER_IDS = [150, 149, 148, 147, 146];
const gql = (query, headers) => ({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
const B_LIST = '{ orders(first: 20) { totalCount nodes { id status customer { name } lines { name quantity unitPrice } } } }';
const B_ORDER = (id) => `{ order(id: "${id}") { id status customer { name } lines { name quantity unitPrice modifiers { name quantity unitPrice } } } }`;
const B_CREATE =
  'mutation { createOrder(input: { venueId: "1", saleTypeId: "2", customer: { name: "Bench Guest", phone: "+994705401040", address: "1 Bench St" }, ' +
  'lines: [{ productId: "101", name: "Pizza", quantity: 2, unitPrice: 8.5, modifiers: [{ modifierId: "501", name: "Extra Cheese", quantity: 1, unitPrice: 0.5 }] }] }) ' +
  '{ order { id status } userErrors { code message } } }';
// The peers' schema names things after the REST shapes; these select the same data.
const P_LIST = '{ listOrders(limit: 20) { ... on OrderList { total data { id status payload { customer { name } products { count meta { price order_product { product { name } } } } } } } } }';
const P_ORDER = (id) =>
  `{ getOrder(id: ${id}) { ... on OrderEnvelope { data { id status payload { customer { name } products { count meta { price order_product { product { name } product_modificators { modifier_name count price } } } } } } } } }`;

const bHeaders = { authorization: `Bearer ${API_KEY}` };
const pHeaders = { 'x-token': token };
const bWorkloads = {
  list: [gql(B_LIST, bHeaders)],
  order: ORDER_IDS.map((id) => gql(B_ORDER(id), bHeaders)),
  // 6 lists, 3 orders, 1 createOrder per 10 requests.
  mix: [B_LIST, B_ORDER(150), B_LIST, B_LIST, B_ORDER(149), B_CREATE, B_LIST, B_ORDER(148), B_LIST, B_LIST].map((q) => gql(q, bHeaders)),
};
const pWorkloads = { list: [gql(P_LIST, pHeaders)], order: ORDER_IDS.map((id) => gql(P_ORDER(id), pHeaders)) };

/** Has the answer data, and no errors? */
function answered(system, json) {
  if (!json || json.errors) return false;
  if (system.startsWith('A') || system === 'P') return Array.isArray(json.data) && json.data.length > 0;
  if (system.startsWith('B') || system.startsWith('L')) return (json.data?.orders?.nodes?.length ?? 0) > 0;
  return (json.data?.listOrders?.data?.length ?? 0) > 0;
}

async function sample(sys) {
  const first = sys.workloads.list[0];
  try {
    const response = await fetch(sys.origin + first.path, { method: first.method, headers: first.headers, body: first.body, signal: AbortSignal.timeout(5000) });
    return answered(sys.id, await response.json());
  } catch {
    return false;
  }
}

async function waitReady(sys) {
  for (let i = 0; i < 150; i++) {
    if (await sample(sys)) return;
    await sleep(200);
  }
  throw new Error(`${sys.id} (${sys.name}) did not answer with data within 30 s`);
}

// --- the systems ---------------------------------------------------------------------------
const systems = [];
const origin = new URL(baseUrl).origin;
if (SYSTEMS.includes('A'))
  systems.push({ id: 'A', name: 'direct REST', origin, pid: sandbox.pid, workloads: { list: [{ method: 'GET', path: `${new URL(baseUrl).pathname}/orders?limit=20`, headers: { 'x-token': token } }] } });

// `npm start` builds dist/ when the sources changed; built once here, so B and B0 do not race to build.
if (SYSTEMS.includes('B') || SYSTEMS.includes('B0') || LIVE.length) execFileSync(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--build-only'], { cwd: ROOT, stdio: 'inherit' });

async function startGateway(id, extraEnv, profile) {
  const port = await freePort();
  const out = openSync(join(work, `${id}.log`), 'w');
  const execArgv = profile ? ['--cpu-prof', '--cpu-prof-dir', profile, '--cpu-prof-interval', env.BENCH_PROFILE_INTERVAL_US ?? '1000'] : [];
  // Exactly the command of `npm start` (package.json), e.g. `node --max-old-space-size=1024 scripts/start.mjs`.
  const [node, ...startArgs] = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start.split(/\s+/);
  if (node !== 'node') throw new Error(`npm start is not a node command: ${node}`);
  const child = track(
    spawn(process.execPath, [...execArgv, ...startArgs], {
      detached: false,
      cwd: ROOT,
      stdio: ['ignore', out, out],
      env: {
        PATH: env.PATH,
        NODE_ENV: 'production',
        PORT: String(port),
        CLOPOS_BASE_URL: baseUrl,
        CLOPOS_CLIENT_ID: credentials.client_id,
        CLOPOS_CLIENT_SECRET: credentials.client_secret,
        CLOPOS_BRAND: credentials.brand,
        CLOPOS_INTEGRATOR_ID: credentials.integrator_id,
        GATEWAY_API_KEYS: `bench:${API_KEY}:write`,
        LOG_LEVEL: 'info',
        METRICS_TOKEN: 'bench-metrics-token',
        CLOPOS_BUDGET_PER_MINUTE: '1000000000',
        GATEWAY_RATE_LIMIT_PER_MINUTE: '0',
        ...extraEnv,
      },
    }),
    id,
  );
  return { id, origin: `http://127.0.0.1:${port}`, pid: child.pid, child, workloads: bWorkloads, log: join(work, `${id}.log`) };
}
if (SYSTEMS.includes('B')) systems.push({ ...(await startGateway('B', {})), name: 'this gateway, caches on (default)' });
if (SYSTEMS.includes('B0')) systems.push({ ...(await startGateway('B0', { CACHE_TTL_MS: '0' }, PROFILE)), name: 'this gateway, CACHE_TTL_MS=0' });

const peerEnv = { PATH: env.PATH, NODE_ENV: 'production', BENCH_OPENAPI: join(ROOT, 'schema/clopos.openapi.yaml'), BENCH_ENDPOINT: baseUrl };
if (SYSTEMS.includes('C')) {
  // Composed now, into the temp dir: the endpoint is baked into the supergraph.
  const supergraph = join(work, 'supergraph.graphql');
  const compose = spawn(process.execPath, [join(BENCH, 'node_modules/@graphql-mesh/compose-cli/esm/bin.js'), '-o', supergraph], { cwd: BENCH, env: peerEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  compose.stdout.on('data', (d) => (output += d));
  compose.stderr.on('data', (d) => (output += d));
  const code = await new Promise((r) => compose.on('exit', r));
  if (code !== 0 || !existsSync(supergraph)) throw new Error(`mesh-compose failed:\n${output}`);
  const port = await freePort();
  const peerDir = join(work, 'hive-gateway');
  mkdirSync(peerDir);
  const out = openSync(join(work, 'C.log'), 'w');
  const child = track(
    spawn(process.execPath, [join(BENCH, 'node_modules/@graphql-hive/gateway/dist/bin.js'), 'supergraph', supergraph, '--port', String(port), '--host', '127.0.0.1', '--fork', '1'], {
      cwd: peerDir,
      env: peerEnv,
      stdio: ['ignore', out, out],
    }),
    'C',
  );
  systems.push({ id: 'C', name: 'GraphQL Mesh (hive-gateway)', origin: `http://127.0.0.1:${port}`, pid: child.pid, workloads: pWorkloads, log: join(work, 'C.log') });
}
if (SYSTEMS.includes('D')) {
  const port = await freePort();
  const out = openSync(join(work, 'D.log'), 'w');
  const child = track(spawn(process.execPath, [join(BENCH, 'peer-yoga.mjs')], { cwd: BENCH, env: { ...peerEnv, PORT: String(port) }, stdio: ['ignore', out, out] }), 'D');
  systems.push({ id: 'D', name: 'omnigraph schema in plain Yoga', origin: `http://127.0.0.1:${port}`, pid: child.pid, workloads: pWorkloads, log: join(work, 'D.log') });
}
if (SYSTEMS.includes('P')) {
  // The floor of any gateway making one upstream call per request (bench/floor-proxy.mjs).
  const port = await freePort();
  const child = track(spawn(process.execPath, [join(BENCH, 'floor-proxy.mjs')], { cwd: BENCH, env: { PATH: env.PATH, BENCH_ENDPOINT: origin, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }), 'P');
  const list = { list: [{ method: 'GET', path: `${new URL(baseUrl).pathname}/orders?limit=20`, headers: { 'x-token': token } }] };
  systems.push({ id: 'P', name: 'a bare node proxy (http.request, answer piped back: one upstream hop, nothing else)', origin: `http://127.0.0.1:${port}`, pid: child.pid, workloads: list });
}

for (const sys of systems) {
  try {
    await waitReady(sys);
    log(`${sys.id} ready: ${sys.name} at ${sys.origin} (pid ${sys.pid})`);
  } catch (error) {
    failures.push(error.message + (sys.log ? `\n${readFileSync(sys.log, 'utf8').slice(-2000)}` : ''));
  }
}
const ready = systems.filter((s) => !failures.some((f) => f.startsWith(s.id + ' ')));

// --- measuring -----------------------------------------------------------------------------
/** A process and its descendants: pid -> the fields of /proc/<pid>/stat after the name. */
function processTree(pid) {
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      stats.set(Number(entry), stat.slice(stat.lastIndexOf(')') + 2).split(' '));
    } catch {}
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, fields] of stats) if (Number(fields[1]) === tree[i]) tree.push(child);
  return new Map(tree.filter((p) => stats.has(p)).map((p) => [p, stats.get(p)]));
}

/** RSS of a process and its descendants, in MB. */
function treeRssMb(pid) {
  let kb = 0;
  for (const p of processTree(pid).keys()) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {}
  }
  return kb / 1024;
}

/** CPU time (user + system) of a process and its descendants so far, in ms. */
function treeCpuMs(pid) {
  let ms = 0;
  // Fields 14 and 15 (utime, stime) in clock ticks of 10 ms; here 11 and 12 after the name.
  for (const fields of processTree(pid).values()) ms += (Number(fields[11]) + Number(fields[12])) * 10;
  return ms;
}

function runLoad(sys, requests, connections, duration = DURATION) {
  return new Promise((resolveLoad, reject) => {
    const child = spawn(process.execPath, [join(BENCH, 'load.mjs')], {
      cwd: BENCH,
      env: { PATH: env.PATH, BENCH_LOAD: JSON.stringify({ url: sys.origin, connections, duration, requests }) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolveLoad(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`load exited ${code}`))));
  });
}

// Warm-up, not recorded: every system gets its read workloads for BENCH_WARMUP s at 10 connections
// first, so the first round does not measure JIT compilation and cold caches of whichever system
// it starts with.
if (WARMUP > 0) {
  for (const sys of ready)
    for (const workload of ['list', 'order'].filter((w) => WORKLOADS.includes(w) && sys.workloads[w])) await runLoad(sys, sys.workloads[workload], 10, WARMUP);
  log(`warmed up (${WARMUP} s per system and read workload)`);
}

const cells = []; // { system, workload, connections, round, rps, meanMs, p99Ms, rssMb, callsPerRequest, ok, non2xx, errors }
// Workload by workload: mix creates orders in the shared sandbox, which makes its /orders slower
// for everyone (A's CPU per request doubled once mix had run), so list and order finish first.
for (const workload of WORKLOADS) {
  for (let round = 0; round < ROUNDS; round++) {
    for (const connections of CONNECTIONS) {
      const order = ready.filter((s) => s.workloads[workload]);
      // Alternate: each round starts from a different system.
      const rotated = order.map((_, i) => order[(i + round) % order.length]);
      for (const sys of rotated) {
        const before = await sandboxCounts();
        let peak = treeRssMb(sys.pid);
        const poll = setInterval(() => (peak = Math.max(peak, treeRssMb(sys.pid))), 100);
        let result;
        const cpuBefore = treeCpuMs(sys.pid);
        try {
          result = await runLoad(sys, sys.workloads[workload], connections);
        } finally {
          clearInterval(poll);
        }
        const cpuMs = treeCpuMs(sys.pid) - cpuBefore;
        const after = await sandboxCounts();
        const calls = after.api - before.api;
        const cell = { system: sys.id, workload, connections, round, ...result, rssMb: peak, cpuMsPerRequest: result.ok ? cpuMs / result.ok : NaN, callsPerRequest: result.ok ? calls / result.ok : NaN, authCalls: after.auth - before.auth };
        cells.push(cell);
        log(`r${round + 1} c${connections} ${workload} ${sys.id}: ${result.rps.toFixed(0)} req/s, mean ${result.meanMs.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(1)} ms, CPU ${cell.cpuMsPerRequest.toFixed(3)} ms/req, RSS ${peak.toFixed(0)} MB, ${cell.callsPerRequest.toFixed(2)} Clopos calls/req, non2xx ${result.non2xx}, errors ${result.errors}`);
        if (result.ok === 0) failures.push(`${sys.id} ${workload} c${connections}: no 2xx answer`);
        // After each load: B still answers with data.
        for (const b of ready.filter((s) => s.id.startsWith('B'))) {
          if (!(await sample(b))) failures.push(`after ${sys.id} ${workload} c${connections} r${round + 1}: ${b.id} did not answer with data`);
        }
      }
    }
  }
}


// --- the live cell -------------------------------------------------------------------------
// Per row: a fresh gateway (`npm start`, POLL_INTERVAL_MS=1000, no per-key subscription limit),
// the subscribers opened by bench/live-load.mjs in its own process, then LIVE_CHANGES new orders
// in the sandbox, one per poll; every subscriber must receive each exactly once.
const liveRows = [];
const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const LIVE_QUERY = 'subscription { orderChanged { kind at order { id status createdAt customer { name } } } }';
function ask(child, message, key) {
  return new Promise((r) => {
    const on = (m) => m[key] !== undefined && (child.off('message', on), r(m[key]));
    child.on('message', on);
    child.send(message);
  });
}
async function livePhase(gw, gen, count, beside) {
  await ask(gen, 'reset', 'reset');
  let peak = treeRssMb(gw.pid);
  const poll = setInterval(() => (peak = Math.max(peak, treeRssMb(gw.pid))), 200);
  const before = await sandboxCounts();
  const t0 = Date.now();
  const phaseMs = LIVE_CHANGES * (LIVE_POLL_MS + 300);
  const load = beside ? runLoad(gw, bWorkloads.list, 10, Math.ceil(phaseMs / 1000) + 2) : undefined;
  for (let i = 0; i < LIVE_CHANGES; i++) {
    await ask(sandbox, 'change', 'changed');
    await sleep(LIVE_POLL_MS + 300);
  }
  // Until everyone has every change (or 30 s).
  let report;
  for (const deadline = Date.now() + 30_000; ; ) {
    report = await ask(gen, 'report', 'report');
    if (report.distinct >= count * LIVE_CHANGES || Date.now() > deadline) break;
    await sleep(250);
  }
  const besideResult = load ? await load : undefined;
  const after = await sandboxCounts();
  clearInterval(poll);
  const minutes = (Date.now() - t0) / 60_000;
  return { report, peak, callsPerMin: (after.api - before.api) / minutes, beside: besideResult };
}
for (const [index, spec] of LIVE.entries()) {
  const id = `L${index}`;
  let gw;
  let gen;
  try {
    gw = await startGateway(id, { POLL_INTERVAL_MS: String(LIVE_POLL_MS), GATEWAY_MAX_SUBSCRIPTIONS_PER_KEY: '0' });
    await waitReady(gw);
    await sleep(1000);
    const rssBefore = treeRssMb(gw.pid);
    gen = track(fork(join(BENCH, 'live-load.mjs'), { cwd: BENCH, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }), `${id} load generator`);
    await new Promise((r) => gen.once('message', r));
    const opened = await ask(gen, { open: { origin: gw.origin, apiKey: API_KEY, transport: spec.transport, count: spec.count, query: LIVE_QUERY } }, 'opened');
    const rssOpen = treeRssMb(gw.pid);
    log(`live ${spec.transport} ${spec.count}: opened ${opened.ok} in ${(opened.ms / 1000).toFixed(1)} s (${opened.failed} failed), RSS ${rssBefore.toFixed(0)} -> ${rssOpen.toFixed(0)} MB`);
    // The first poll is the poller's baseline.
    await sleep(2 * LIVE_POLL_MS + 500);
    const phases = [{ beside: false }];
    if (!SMOKE && spec.transport === 'sse' && spec.count >= 10_000) phases.push({ beside: true });
    for (const phase of phases) {
      const result = await livePhase(gw, gen, spec.count, phase.beside);
      const r = result.report;
      const row = {
        ...spec,
        beside: phase.beside ? `list c10: ${fmt(result.beside?.rps)} req/s, mean ${fmt(result.beside?.meanMs, 2)} ms` : '',
        openS: opened.ms / 1000,
        failedOpen: opened.failed,
        rssBefore,
        rssOpen,
        peak: result.peak,
        kbPerSub: ((rssOpen - rssBefore) * 1024) / spec.count,
        changes: LIVE_CHANGES,
        changesSeen: r.changesSeen,
        lost: spec.count * LIVE_CHANGES - r.distinct,
        duplicated: r.duplicates,
        closed: r.closed,
        errors: r.errors,
        p50: r.p50,
        p99: r.p99,
        max: r.max,
        lastP50: r.lastP50,
        callsPerMin: result.callsPerMin,
      };
      liveRows.push(row);
      log(`live ${spec.transport} ${spec.count}${phase.beside ? ' (list load beside)' : ''}: p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms, max ${fmt(r.max)} ms, lost ${row.lost}, duplicated ${row.duplicated}, peak RSS ${fmt(result.peak)} MB, ${fmt(result.callsPerMin, 1)} Clopos calls/min`);
      if (row.lost || row.duplicated || row.failedOpen || r.changesSeen !== LIVE_CHANGES)
        failures.push(`live ${spec.transport} ${spec.count}: ${row.failedOpen} failed to open, ${row.lost} lost, ${row.duplicated} duplicated, ${r.changesSeen} of ${LIVE_CHANGES} changes seen`);
    }
  } catch (error) {
    failures.push(`live ${spec.transport} ${spec.count}: ${error.message}`);
  } finally {
    for (const child of [gen, gw?.child].filter(Boolean)) {
      stopping.add(child);
      await new Promise((r) => {
        if (child.exitCode !== null || child.signalCode !== null) return r();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => (clearTimeout(timer), r()));
        if (child === gen) child.send('close');
        else child.kill('SIGTERM');
      });
    }
  }
}

// --- shutting down -------------------------------------------------------------------------
const hwm = Object.fromEntries(
  ready.map((s) => {
    try {
      return [s.id, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${s.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024];
    } catch {
      return [s.id, NaN];
    }
  }),
);
shuttingDown = true;
await Promise.all(
  children.map(
    (child) =>
      new Promise((r) => {
        if (child.exitCode !== null || child.signalCode !== null) return r();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => (clearTimeout(timer), r()));
        if (child === sandbox) child.send('close');
        else child.kill('SIGTERM');
      }),
  ),
);
const wall = (Date.now() - started) / 1000;

// --- the report ----------------------------------------------------------------------------
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stat = (system, workload, connections) => {
  const cs = cells.filter((c) => c.system === system && c.workload === workload && c.connections === connections);
  if (!cs.length) return undefined;
  const pick = (k) => median(cs.map((c) => c[k]));
  return { rps: pick('rps'), meanMs: pick('meanMs'), p99Ms: pick('p99Ms'), cpuMs: pick('cpuMsPerRequest'), rssMb: pick('rssMb'), callsPerRequest: pick('callsPerRequest'), non2xx: cs.reduce((s, c) => s + c.non2xx + c.errors, 0) };
};
const f = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const ratio = (a, b) => (a && b && Number.isFinite(a.rps) && Number.isFinite(b.rps) && b.rps > 0 ? `${(a.rps / b.rps).toFixed(2)}x` : 'n/a');

const lines = [];
const cpuModel = cpus()[0]?.model ?? 'unknown';
lines.push(`Run ${new Date(started).toISOString()}: nproc ${cpus().length}, CPU "${cpuModel}", Node ${process.version}, ` + `${WARMUP ? `${WARMUP} s warm-up per system and read workload, ` : ''}${DURATION} s per cell, connections ${CONNECTIONS.join('/')}, ${ROUNDS} round(s) alternating the systems, medians; the whole run took ${f(wall)} s.`);
lines.push('');
lines.push('Systems: ' + systems.map((s) => `**${s.id}** ${s.name}`).join('; ') + '.');
lines.push('');
lines.push('| workload | conns | system | req/s | mean ms | p99 ms | CPU ms/req | peak RSS MB | Clopos calls/req | non-2xx+errors |');
lines.push('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|');
for (const workload of WORKLOADS)
  for (const connections of CONNECTIONS)
    for (const sys of systems) {
      const s = stat(sys.id, workload, connections);
      if (!s) continue;
      lines.push(`| ${workload} | ${connections} | ${sys.id} | ${f(s.rps)} | ${f(s.meanMs, 2)} | ${f(s.p99Ms, 1)} | ${f(s.cpuMs, 3)} | ${f(s.rssMb)} | ${sys.id === 'A' ? '1 (is the call)' : f(s.callsPerRequest, 2)} | ${s.non2xx} |`);
    }
lines.push('');
lines.push('Ratios of requests/s (medians):');
lines.push('');
lines.push('| workload | conns | B/A | B0/A | B/C | B0/C | B/D | B0/D |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const workload of ['list', 'order'])
  for (const connections of CONNECTIONS) {
    const [A, B, B0, C, D] = ['A', 'B', 'B0', 'C', 'D'].map((id) => stat(id, workload, connections));
    if (!B && !B0) continue;
    lines.push(`| ${workload} | ${connections} | ${workload === 'list' ? ratio(B, A) : '-'} | ${workload === 'list' ? ratio(B0, A) : '-'} | ${ratio(B, C)} | ${ratio(B0, C)} | ${ratio(B, D)} | ${ratio(B0, D)} |`);
  }
lines.push('');
lines.push(`Peak RSS over the whole run (VmHWM, MB): ${Object.entries(hwm).map(([k, v]) => `${k} ${f(v)}`).join(', ')} (A is the sandbox process, shared by all).`);
lines.push('');
// Targets.
const t = (ok) => (ok === undefined ? 'n/a' : ok ? 'met' : 'NOT met');
const A1 = stat('A', 'list', 1), B01 = stat('B0', 'list', 1), B010 = stat('B0', 'list', 10), C10 = stat('C', 'list', 10), D10 = stat('D', 'list', 10);
const A10 = stat('A', 'list', 10), B10 = stat('B', 'list', 10);
const targets = [];
if (B010 && C10) targets.push(`- Cache off, 10 connections, B0 >= 3x C: ${ratio(B010, C10)} (${t(B010.rps >= 3 * C10.rps)})`);
if (B010 && D10) targets.push(`- Cache off, 10 connections, B0 >= 1.3x D: ${ratio(B010, D10)} (${t(B010.rps >= 1.3 * D10.rps)})`);
if (B01 && A1) targets.push(`- Mean latency added over A at 1 connection < 0.5 ms: ${B01.meanMs - A1.meanMs} ms with caches off (${t(B01.meanMs - A1.meanMs < 0.5)})` + (stat('B', 'list', 1) ? `; ${f(stat('B', 'list', 1).meanMs - A1.meanMs, 2)} ms with caches on` : ''));
const P1 = stat('P', 'list', 1);
if (B01 && A1 && P1)
  targets.push(`  - the floor in this run: P, a bare proxy making the same one upstream call, adds ${f(P1.meanMs - A1.meanMs, 3)} ms over A; B0 adds ${f(B01.meanMs - P1.meanMs, 3)} ms over P. CPU per request at 1 connection: A (the sandbox) ${f(A1.cpuMs, 3)} ms, P ${f(P1.cpuMs, 3)} ms, B0 ${f(B01.cpuMs, 3)} ms`);
if (B10 && A10) targets.push(`- Caches on, B >= 0.8x A (10 connections): ${ratio(B10, A10)} (${t(B10.rps >= 0.8 * A10.rps)})`);
const rssB = Math.max(...['B', 'B0'].map((id) => Math.max(...cells.filter((c) => c.system === id).map((c) => c.rssMb))));
const rssC = Math.max(...cells.filter((c) => c.system === 'C').map((c) => c.rssMb));
if (Number.isFinite(rssB) && Number.isFinite(rssC)) targets.push(`- B's RSS under load < half of C's: ${f(rssB)} MB vs ${f(rssC)} MB (${t(rssB < rssC / 2)})`);
if (targets.length) lines.push('Targets (list query):', '', ...targets, '');
if (liveRows.length) {
  lines.push(`Live updates (one gateway per row, POLL_INTERVAL_MS=${LIVE_POLL_MS}, ${LIVE_CHANGES} new orders one per poll; subscribers in their own process; latency from the poller seeing a change to each subscriber receiving it):`);
  lines.push('');
  lines.push('| transport | subscribers | beside | open s | RSS idle MB | RSS open MB | peak RSS MB | KB/subscriber | p50 ms | p99 ms | max ms | lost | duplicated | Clopos calls/min |');
  lines.push('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of liveRows)
    lines.push(`| ${r.transport.toUpperCase()} | ${r.count} | ${r.beside || '-'} | ${f(r.openS, 1)} | ${f(r.rssBefore)} | ${f(r.rssOpen)} | ${f(r.peak)} | ${f(r.kbPerSub, 1)} | ${f(r.p50)} | ${f(r.p99)} | ${f(r.max)} | ${r.lost} | ${r.duplicated} | ${f(r.callsPerMin, 1)} |`);
  lines.push('');
  const big = liveRows.find((r) => r.transport === 'sse' && r.count >= 10_000 && !r.beside);
  if (big) {
    lines.push('Live targets (10,000 SSE subscribers, unrounded):', '');
    lines.push(`- peak RSS under 600 MB: ${big.peak} MB (${t(big.peak < 600)})`);
    lines.push(`- p99 delivery under 1 s after the poll that saw the change: ${big.p99} ms (${t(big.p99 < 1000)}); max ${big.max} ms`);
    lines.push(`- every change delivered, none twice: ${big.lost} lost, ${big.duplicated} duplicated (${t(big.lost === 0 && big.duplicated === 0)})`, '');
  }
}
if (failures.length) lines.push('Failures:', '', ...failures.map((x) => `- ${x.split('\n')[0]}`), '');

const generated = lines.join('\n');
console.log('\n' + generated);
if (OUT) {
  const START = '<!-- bench:start (written by bench/run.mjs) -->';
  const END = '<!-- bench:end -->';
  const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : `# Benchmark results\n\n${START}\n${END}\n`;
  const [head, rest] = previous.includes(START) ? previous.split(START) : [previous + '\n', END];
  const tail = rest.includes(END) ? rest.slice(rest.indexOf(END) + END.length) : '';
  writeFileSync(OUT, `${head}${START}\n${generated}\n${END}${tail}`);
  log(`wrote ${OUT}`);
}
rmSync(work, { recursive: true, force: true });
if (failures.length) {
  console.error(`\n${failures.length} failure(s):\n${failures.join('\n')}`);
  process.exit(1);
}
if (SMOKE) {
  const missing = ready.filter((s) => !cells.some((c) => c.system === s.id && c.ok > 0));
  if (missing.length || ready.length !== systems.length) {
    console.error('smoke: a system did not answer');
    process.exit(1);
  }
  log('smoke: every system answered; B returned data after each load');
}
process.exit(0);
