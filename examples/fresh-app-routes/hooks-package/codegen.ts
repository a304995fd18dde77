import type { CodegenConfig } from '@graphql-codegen/cli'

// schema.graphql: the gateway's schema, from `npm run schema:sdl -- schema.graphql` in the
// gateway's repository (or GET /schema.graphql with a key).
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/**/*.graphql'],
  generates: {
    // Typed documents...
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { Date: 'string', DateTime: 'string', Decimal: 'string' } },
    },
    // ...and a TanStack Query hook for each, over the installed runtime.
    './src/gql/hooks.ts': { plugins: ['@clopos-graphql/client/codegen'] },
  },
}

export default config
