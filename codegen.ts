import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver parents are the domain types (src/domain): the graph never sees an upstream's REST
// shape, and each adapter maps its own into these, checked by the compiler.
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
          Order: '../src/domain/order.js#Order',
          Customer: '../src/graph/catalog/models.js#CustomerModel',
          Venue: '../src/domain/catalog.js#Venue',
          SaleType: '../src/domain/catalog.js#SaleType',
          Product: '../src/graph/catalog/models.js#ProductModel',
          ModifierGroup: '../src/domain/catalog.js#ModifierGroup',
          CatalogModifier: '../src/domain/catalog.js#CatalogModifier',
          ProductConnection: '../src/graph/catalog/models.js#ProductPage',
          ProductEdge: '../src/graph/catalog/models.js#ProductEdgeModel',
          CustomerConnection: '../src/graph/catalog/models.js#CustomerPage',
          CustomerEdge: '../src/graph/catalog/models.js#CustomerEdgeModel',
          OrderLine: '../src/domain/order.js#OrderLine',
          OrderLineModifier: '../src/domain/order.js#Modifier',
          Discount: '../src/domain/order.js#Discount',
          ServiceCharge: '../src/domain/order.js#ServiceCharge',
          Receipt: '../src/domain/order.js#Receipt',
          Money: '../src/domain/money.js#Money',
          OrderConnection: '../src/graph/pagination.js#OrderPage',
          OrderEdge: '../src/graph/pagination.js#OrderEdgeModel',
          CreateOrderPayload: '../src/graph/write/payloads.js#OrderPayloadModel',
          CancelOrderPayload: '../src/graph/write/payloads.js#OrderPayloadModel',
          OrderChange: '../src/domain/order.js#OrderChange',
        },
        scalars: {
          Date: 'string',
          DateTime: 'string',
          Decimal: 'string',
          ID: 'string',
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
        scalars: { Date: 'string', DateTime: 'string', Decimal: 'string' },
      },
    },
    // ...and ready-made TanStack Query hooks over those documents: only the per-operation parts;
    // they call the runtime in packages/client (@clopos-graphql/client), which apps install.
    'generated/client/hooks.ts': {
      documents: ['operations/**/*.graphql'],
      plugins: ['./packages/client/codegen.cjs'],
    },
  },
};

export default config;
