// A graphql-codegen plugin: TanStack Query hooks for the operations the client preset typed. It
// emits only what is particular to each operation (its document, types, key and the fields the
// runtime reads); every bit of behaviour lives in the runtime (src/, the package's main entry).
// Use it beside the client preset, over the same documents:
//   'src/gql/hooks.ts': { documents: [...], plugins: ['@clopos-graphql/client/codegen'] }
// Options: typesModule (default './graphql', the preset's types file), runtimeModule (default
// '@clopos-graphql/client').
// For each operation `Foo` it emits:
//   query     useFooQuery(variables, options)  and fooQueryKey(variables)
//   query with an `$after` variable and a connection (pageInfo { hasNextPage endCursor }):
//             useFooInfiniteQuery(variables, options), paging with endCursor
//   mutation  useFooMutation(options)
//   subscription useFooSubscription(variables, options): over Server-Sent Events, reconnecting on
//             its own; when the operation has a `$since` variable and its root field an `at`,
//             a reconnect passes the last `at` received as `since` (nothing missed, nothing twice).
//             When its root field selects `kind`, the feed signals are handled (RESYNC: onGap;
//             HEARTBEAT: keeps `fresh`), and `feedAt` says how far behind the feed is.
const { Kind } = require('graphql');

const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);

function requiredVariables(operation) {
  return (operation.variableDefinitions ?? []).some((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue);
}

const hasVariable = (operation, name) => (operation.variableDefinitions ?? []).some((v) => v.variable.name.value === name);

/** The root field of a connection the operation pages through with `$after`, if any. */
function connectionField(operation) {
  if (!hasVariable(operation, 'after')) return undefined;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || !selection.selectionSet) continue;
    const pageInfo = selection.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === 'pageInfo');
    const names = new Set((pageInfo?.selectionSet?.selections ?? []).map((s) => s.name?.value));
    if (names.has('hasNextPage') && names.has('endCursor')) return (selection.alias ?? selection.name).value;
  }
  return undefined;
}

function queryHooks(name, operation) {
  const result = `${name}Query`;
  const variables = `${name}QueryVariables`;
  const optional = requiredVariables(operation) ? '' : '?';
  const key = `${lowerFirst(name)}QueryKey`;
  const hooks = [
    `export const ${key} = (variables${optional}: ${variables}) => operationKey('${name}', variables);

export function use${name}Query<TData = ${result}>(variables${optional}: ${variables}, options?: QueryHookOptions<${result}, TData>) {
  return useGraphQLQuery(${name}Document, ${key}(variables), variables, options);
}`,
  ];
  const field = connectionField(operation);
  if (field) {
    hooks.push(`export function use${name}InfiniteQuery(variables${optional}: Omit<${variables}, 'after'>, options?: InfiniteQueryHookOptions<${result}>) {
  const next = (page: ${result}) => (page.${field}.pageInfo.hasNextPage ? page.${field}.pageInfo.endCursor : null);
  return useGraphQLInfiniteQuery(${name}Document, ${key}(variables as ${variables}), variables, next, options);
}`);
  }
  return hooks;
}

function mutationHook(name) {
  return `export function use${name}Mutation<TContext = unknown>(options?: MutationHookOptions<${name}Mutation, ${name}MutationVariables, TContext>) {
  return useGraphQLMutation(${name}Document, '${name}', options);
}`;
}

/** What the runtime reads from a subscription's root field: the resume point and feed signals. */
function subscriptionShape(operation) {
  const root = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  const rootName = root ? (root.alias ?? root.name).value : undefined;
  const selects = (field) => root?.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === field);
  const shape = [];
  // Cast: an app without `scalars: { DateTime: 'string' }` types `at` and `feedAt` as unknown.
  if (hasVariable(operation, 'since') && selects('at')) shape.push(`resume: (data) => (data.${rootName} as FeedFields | null | undefined)?.at`);
  if (selects('kind')) shape.push(`feed: (data) => data.${rootName} as FeedFields | null | undefined`);
  return shape;
}

function subscriptionHook(name, operation) {
  const result = `${name}Subscription`;
  const variables = `${name}SubscriptionVariables`;
  const optional = requiredVariables(operation) ? '' : '?';
  const shape = subscriptionShape(operation);
  return `export function use${name}Subscription(variables${optional}: ${variables}, options?: SubscriptionOptions<${result}>): SubscriptionState<${result}> {
  return useGraphQLSubscription(${name}Document, variables, options, ${shape.length ? `{ ${shape.join(', ')} }` : '{}'});
}`;
}

module.exports = {
  plugin(_schema, documents, config) {
    const operations = documents
      .flatMap((file) => file.document?.definitions ?? [])
      .filter((d) => d.kind === Kind.OPERATION_DEFINITION && d.name)
      .sort((a, b) => a.name.value.localeCompare(b.name.value));
    const types = [];
    const runtime = new Set();
    const hooks = [];
    for (const operation of operations) {
      const name = operation.name.value;
      if (operation.operation === 'query') {
        types.push(`${name}Document`, `type ${name}Query`, `type ${name}QueryVariables`);
        ['operationKey', 'useGraphQLQuery', 'type QueryHookOptions'].forEach((i) => runtime.add(i));
        if (connectionField(operation)) ['useGraphQLInfiniteQuery', 'type InfiniteQueryHookOptions'].forEach((i) => runtime.add(i));
        hooks.push(...queryHooks(name, operation));
      } else if (operation.operation === 'mutation') {
        types.push(`${name}Document`, `type ${name}Mutation`, `type ${name}MutationVariables`);
        ['useGraphQLMutation', 'type MutationHookOptions'].forEach((i) => runtime.add(i));
        hooks.push(mutationHook(name));
      } else if (operation.operation === 'subscription') {
        types.push(`${name}Document`, `type ${name}Subscription`, `type ${name}SubscriptionVariables`);
        ['useGraphQLSubscription', 'type SubscriptionOptions', 'type SubscriptionState'].forEach((i) => runtime.add(i));
        if (subscriptionShape(operation).length) runtime.add('type FeedFields');
        hooks.push(subscriptionHook(name, operation));
      }
    }
    const typesModule = config.typesModule ?? './graphql';
    const runtimeModule = config.runtimeModule ?? '@clopos-graphql/client';
    return [
      '/* eslint-disable */',
      '// Generated by @clopos-graphql/client/codegen from the operations: do not edit.',
      `import {\n  ${[...runtime].sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', ''))).join(',\n  ')},\n} from '${runtimeModule}';`,
      `import {\n  ${types.join(',\n  ')},\n} from '${typesModule}';`,
      // The runtime's configuration and error class, so an app needs one import only.
      `export { configureGraphQLClient, GraphQLRequestError, retryUnlessFinal } from '${runtimeModule}';`,
      '',
      ...hooks.map((h) => `${h}\n`),
    ].join('\n');
  },
};
