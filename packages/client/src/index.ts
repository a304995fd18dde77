// @clopos-graphql/client: the runtime the generated hooks (codegen.cjs) call. Usable on its own:
// execute() and subscribe() take any TypedDocumentNode, e.g. one from The Guild's client preset.
export { configureGraphQLClient, clientConfig, type GraphQLClientConfig } from './config.js';
export { FINAL_ERROR_CODES, GraphQLRequestError, isFinalError, retryUnlessFinal, type GraphQLErrorEntry } from './errors.js';
export { execute, operationNameOf, persistedHashOf, requestBody, type RequestBody } from './request.js';
export {
  subscribe,
  watchSubscription,
  type FeedFields,
  type SubscriptionOptions,
  type SubscriptionShape,
  type SubscriptionState,
  type WatchOptions,
} from './subscribe.js';
export {
  operationKey,
  useGraphQLInfiniteQuery,
  useGraphQLMutation,
  useGraphQLQuery,
  useGraphQLSubscription,
  type InfiniteQueryHookOptions,
  type MutationHookOptions,
  type QueryHookOptions,
} from './react.js';
