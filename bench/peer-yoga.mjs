// D: the @omnigraph/openapi schema of schema/clopos.openapi.yaml in a plain graphql-yoga server,
// the fastest way to run the peer's generated schema. Env: PORT, BENCH_OPENAPI, BENCH_ENDPOINT.
// The Clopos token is forwarded from the client's x-token header, as in bench/mesh.config.ts.
import { createServer } from 'node:http';
import { createYoga } from 'graphql-yoga';
import { loadGraphQLSchemaFromOpenAPI } from '@omnigraph/openapi';

const schema = await loadGraphQLSchemaFromOpenAPI('Clopos', {
  source: process.env.BENCH_OPENAPI,
  endpoint: process.env.BENCH_ENDPOINT,
  operationHeaders: { 'x-token': '{context.headers.x-token}' },
  cwd: process.cwd(),
});
// The template {context.headers.x-token} reads context.headers, which Mesh's gateway fills and
// plain Yoga does not: hand over just that header.
const yoga = createYoga({
  schema,
  context: ({ request }) => ({ headers: { 'x-token': request.headers.get('x-token') } }),
  logging: false,
  landingPage: false,
  graphiql: false,
});
createServer(yoga).listen(Number(process.env.PORT ?? 4002), '127.0.0.1', () => console.log('ready'));
