import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver parents are the REST types openapi-typescript generated from the Clopos spec
// (mappers), so every mapping from Clopos to the graph is checked by the compiler.
const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema/*.graphql',
  generates: {
    'generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../src/graph/context.js#GraphContext',
        mapperTypeSuffix: 'Model',
        mappers: {
          Order: '../src/clopos/types.js#ClopOrder',
          Customer: '../src/clopos/types.js#ClopCustomer',
          OrderLine: '../src/clopos/types.js#ClopProduct',
          OrderLineModifier: '../src/clopos/types.js#ClopModifier',
          Discount: '../src/clopos/types.js#ClopDiscount',
          ServiceCharge: '../src/clopos/types.js#ClopMeta',
          Receipt: '../src/clopos/types.js#ClopReceipt',
          OrderConnection: '../src/graph/pagination.js#OrderPage',
          OrderEdge: '../src/graph/pagination.js#OrderEdgeModel',
          CreateOrderPayload: '../src/graph/write/payloads.js#OrderPayloadModel',
          CancelOrderPayload: '../src/graph/write/payloads.js#OrderPayloadModel',
          OrderChange: '../src/live/types.js#FeedMessage',
        },
        scalars: {
          Date: 'string',
          DateTime: 'string',
          ID: { input: 'string', output: 'string | number' },
        },
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
      },
    },
    // Frontends: typed documents (TypedDocumentNode) for operations/*.graphql, and the persisted
    // documents manifest (sha256 hash -> document) the gateway loads for GATEWAY_PERSISTED_ONLY.
    'generated/client/': {
      documents: ['operations/**/*.graphql'],
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string' },
      },
    },
    // ...and ready-made TanStack Query hooks over those documents.
    'generated/client/hooks.ts': {
      documents: ['operations/**/*.graphql'],
      plugins: ['./codegen/tanstack-query-hooks.cjs'],
    },
  },
};

export default config;
