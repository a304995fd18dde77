import type { CodegenConfig } from '@graphql-codegen/cli'

// The gateway publishes its schema at /schema.graphql, behind the same API key as /graphql.
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000'

const config: CodegenConfig = {
  schema: [{ [`${gateway}/schema.graphql`]: { headers: { authorization: `Bearer ${process.env.GATEWAY_API_KEY ?? ''}` } } }],
  documents: ['src/**/*.tsx'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      // The one setting: string unions, not TypeScript enums, which `erasableSyntaxOnly` rejects.
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { Date: 'string', DateTime: 'string', Decimal: 'string' } },
    },
  },
}

export default config
