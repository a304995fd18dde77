// The bench's Clopos: the embedded sandbox in its own process, with a RateLimit the load cannot
// reach, and a counter of the API requests it received (the sandbox's own log is bounded at 5000
// entries, so it cannot count a benchmark). Started by bench/run.mjs with IPC:
//   child -> parent: { ready: { baseUrl, credentials } }
//   parent -> child: 'count'  =>  child -> parent: { count: { api, auth } }
//   parent -> child: 'change' =>  a new order (the live cell's change)  =>  child -> parent: { changed: id }
import dc from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { startSandbox } from '../src/sandbox/index.js';

let api = 0;
let auth = 0;
dc.subscribe('http.server.request.start', (message) => {
  const url = (message as { request: IncomingMessage }).request.url ?? '';
  if (url.startsWith('/__sandbox')) return;
  if (url.startsWith('/open-api/v2/auth')) auth++;
  else api++;
});

const sandbox = await startSandbox({
  port: Number(process.env.SANDBOX_PORT ?? 0),
  rateLimitPerMinute: 1_000_000_000,
  authRateLimitPerMinute: 1_000_000_000,
  demo: false,
});

process.on('message', (message) => {
  if (message === 'count') process.send?.({ count: { api, auth } });
  if (message === 'change') process.send?.({ changed: sandbox.control.addOrder().id });
  if (message === 'close') void sandbox.close().finally(() => process.exit(0));
});
process.send?.({ ready: { baseUrl: sandbox.baseUrl, credentials: sandbox.credentials } });
