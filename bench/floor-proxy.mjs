// P, the floor of any gateway that makes one upstream call per request: node's http server, one
// keep-alive http.request to the same Clopos URL direct REST asks (with the client's x-token), the
// answer piped back unchanged. No GraphQL, no parsing, no auth, no logging. Started by bench/run.mjs.
import http from 'node:http';

const upstream = new URL(process.env.BENCH_ENDPOINT);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const server = http.createServer((req, res) => {
  const out = http.request(
    { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, agent, headers: { 'x-token': req.headers['x-token'] ?? '', accept: 'application/json' } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
      answer.pipe(res);
    },
  );
  out.on('error', () => res.writeHead(502).end());
  req.pipe(out);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => process.send?.({ port: server.address().port }));
