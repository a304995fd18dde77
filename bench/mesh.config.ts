import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';
export const composeConfig = defineConfig({
  subgraphs: [{ sourceHandler: loadOpenAPISubgraph('Clopos', {
    source: process.env.BENCH_OPENAPI!, endpoint: process.env.BENCH_ENDPOINT!,
    operationHeaders: { 'x-token': '{context.headers.x-token}' } }) }],
});
