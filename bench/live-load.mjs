// The live cell's subscribers, in their own process (forked by bench/run.mjs, IPC):
//   parent -> { open: { origin, apiKey, transport: 'sse' | 'ws', count, query } }
//          <- { opened: { ms, ok, failed } }      every subscriber got its first message (the HEARTBEAT)
//   parent -> 'report'  <- { report: {...} }       what each subscriber received so far
//   parent -> 'reset'   <- { reset: true }         forget what was received (the next phase)
//   parent -> 'close'   (closes every connection and exits)
// Each change's delivery latency is the receive instant minus its `at` (the instant the gateway's
// poller saw it; same machine, same clock).
import { request } from 'node:http';
import WebSocket from 'ws';

const subscribers = []; // { changes: Map<at, count>, closed }
const latencies = []; // per delivery, ms
const lastByChange = new Map(); // at -> latest receive latency
let errors = 0;

function received(sub, message) {
  const change = message?.data?.orderChanged;
  if (message?.errors) errors++;
  if (!change) return;
  if (!sub.open) {
    sub.open = true;
    sub.onOpen?.();
  }
  if (change.kind === 'HEARTBEAT' || change.kind === 'RESYNC') return;
  const now = Date.now();
  const latency = now - Date.parse(change.at);
  latencies.push(latency);
  lastByChange.set(change.at, Math.max(lastByChange.get(change.at) ?? -Infinity, latency));
  sub.changes.set(change.at, (sub.changes.get(change.at) ?? 0) + 1);
}

function openSse(spec, sub) {
  return new Promise((resolve) => {
    sub.onOpen = resolve;
    const req = request(`${spec.origin}/graphql`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${spec.apiKey}` },
    });
    sub.close = () => req.destroy();
    req.on('error', () => ((sub.closed = true), resolve()));
    req.on('response', (res) => {
      if (res.statusCode !== 200) ((sub.closed = true), resolve());
      res.setEncoding('utf8');
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
        let end;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          const line = block.split('\n').find((l) => l.startsWith('data:'));
          if (line && line.length > 6) received(sub, JSON.parse(line.slice(5)));
        }
      });
      res.on('close', () => ((sub.closed = true), resolve()));
    });
    req.end(JSON.stringify({ query: spec.query }));
  });
}

function openWs(spec, sub) {
  return new Promise((resolve) => {
    sub.onOpen = resolve;
    const socket = new WebSocket(`${spec.origin.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    sub.close = () => socket.terminate();
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${spec.apiKey}` } })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack') socket.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query: spec.query } }));
      else if (message.type === 'next') received(sub, message.payload);
      else if (message.type === 'error') errors++;
    });
    socket.on('close', () => ((sub.closed = true), resolve()));
    socket.on('error', () => ((sub.closed = true), resolve()));
  });
}

async function open(spec) {
  const started = Date.now();
  const opener = spec.transport === 'ws' ? openWs : openSse;
  // At most 500 opening at once: a burst of 10,000 connects would only overflow the listen backlog.
  let next = 0;
  const worker = async () => {
    while (next < spec.count) {
      next++;
      const sub = { changes: new Map(), open: false, closed: false };
      subscribers.push(sub);
      await opener(spec, sub);
    }
  };
  await Promise.all(Array.from({ length: Math.min(500, spec.count) }, worker));
  const ok = subscribers.filter((s) => s.open && !s.closed).length;
  return { ms: Date.now() - started, ok, failed: spec.count - ok };
}

function report() {
  let distinct = 0;
  let duplicates = 0;
  const union = new Set();
  for (const sub of subscribers) {
    for (const [at, n] of sub.changes) {
      union.add(at);
      distinct++;
      duplicates += n - 1;
    }
  }
  const sorted = Float64Array.from(latencies).sort();
  const q = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN);
  const last = [...lastByChange.values()].sort((a, b) => a - b);
  return {
    subscribers: subscribers.length,
    open: subscribers.filter((s) => s.open && !s.closed).length,
    closed: subscribers.filter((s) => s.closed).length,
    changesSeen: union.size,
    distinct,
    duplicates,
    errors,
    p50: q(0.5),
    p99: q(0.99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    lastP50: last.length ? last[Math.floor(last.length / 2)] : NaN,
    lastMax: last.length ? last[last.length - 1] : NaN,
  };
}

process.on('message', async (message) => {
  if (message?.open) process.send({ opened: await open(message.open) });
  else if (message === 'report') process.send({ report: report() });
  else if (message === 'reset') {
    latencies.length = 0;
    lastByChange.clear();
    errors = 0;
    for (const sub of subscribers) sub.changes.clear();
    process.send({ reset: true });
  }
  else if (message === 'close') {
    for (const sub of subscribers) sub.close?.();
    setTimeout(() => process.exit(0), 200);
  }
});
process.send({ ready: true });
