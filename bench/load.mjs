// One load cell, in its own process: autocannon against one URL for BENCH_LOAD's duration,
// cycling through its requests. Prints one JSON line: requests/s, exact mean and p99 latency
// (from autocannon's per-response hrtime durations, not its whole-millisecond histogram),
// 2xx count, non-2xx count and errors.
import autocannon from 'autocannon';

const spec = JSON.parse(process.env.BENCH_LOAD);
const durations = [];
let ok = 0;
let bad = 0;
const instance = autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.duration,
  requests: spec.requests,
  timeout: 30,
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  if (statusCode >= 200 && statusCode < 300) {
    ok++;
    durations.push(responseTime);
  } else bad++;
});
instance.on('done', (result) => {
  durations.sort((a, b) => a - b);
  const mean = durations.reduce((s, d) => s + d, 0) / (durations.length || 1);
  const p99 = durations[Math.min(durations.length - 1, Math.floor(durations.length * 0.99))] ?? 0;
  const seconds = result.duration || spec.duration;
  process.stdout.write(
    JSON.stringify({ rps: ok / seconds, meanMs: mean, p99Ms: p99, ok, non2xx: bad, errors: result.errors, timeouts: result.timeouts, seconds }) + '\n',
  );
});
