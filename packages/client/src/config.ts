// Where and how the hooks send operations: set once at start-up with configureGraphQLClient.

/** Where and how the hooks send operations. */
export interface GraphQLClientConfig {
  /** The gateway's GraphQL endpoint (default `/graphql`, the same origin). */
  url: string;
  /** Sent as `Authorization: Bearer <apiKey>` when the gateway has GATEWAY_API_KEYS set. */
  apiKey?: string | undefined;
  /**
   * Send only the document's hash (`extensions.persistedQuery.sha256Hash`), never its text: what a
   * gateway with GATEWAY_PERSISTED_ONLY=true accepts. Needs documents generated with the client
   * preset's `persistedDocuments` option.
   */
  persisted?: boolean | undefined;
  /** More headers on every request. */
  headers?: Record<string, string> | undefined;
  fetch?: typeof fetch | undefined;
}

let current: GraphQLClientConfig = { url: '/graphql' };

/** Call once at start-up, before the first hook runs. */
export function configureGraphQLClient(config: Partial<GraphQLClientConfig>): void {
  current = { ...current, ...config };
}

/** The configuration in force (what configureGraphQLClient set over the defaults). */
export function clientConfig(): GraphQLClientConfig {
  return current;
}

/** The headers every request carries: the API key and any extra ones. */
export function requestHeaders(config: GraphQLClientConfig): Record<string, string> {
  return {
    ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
    ...config.headers,
  };
}
