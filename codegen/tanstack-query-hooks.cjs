// A graphql-codegen plugin: ready-made TanStack Query hooks for the operations the client preset
// typed. Written here rather than taken from a community plugin so the hooks use the preset's own
// TypedDocumentNodes (one set of types) and a fetcher we control: JSON POSTs, the API key, and the
// persisted-document hash when the gateway runs persisted-only.
// For each operation `Foo` it emits:
//   query     useFooQuery(variables, options)  and fooQueryKey(variables)
//   query with an `$after` variable and a connection (pageInfo { hasNextPage endCursor }):
//             useFooInfiniteQuery(variables, options), paging with endCursor
//   mutation  useFooMutation(options)
//   subscription useFooSubscription(variables, options): over Server-Sent Events, reconnecting on
//             its own; when the operation has a `$since` variable and its root field an `at`,
//             a reconnect passes the last `at` received as `since` (nothing missed, nothing twice).
//             When its root field selects `kind`, the feed signals are handled: `RESYNC` (and a
//             reconnect that cannot resume) calls `onGap` (reload), `HEARTBEAT` only keeps `fresh`
//             up to date; neither reaches `onData` or `data`. `fresh` is true while messages keep
//             arriving and, when `feedAt` and `at` are selected, the feed is not behind.
const { Kind } = require('graphql');

const RUNTIME = `
/** Where and how the generated hooks send operations. */
export interface GraphQLClientConfig {
  /** The gateway's GraphQL endpoint. */
  url: string;
  /** Sent as \`Authorization: Bearer <apiKey>\` when the gateway has GATEWAY_API_KEYS set. */
  apiKey?: string;
  /**
   * Send only the document's hash (\`extensions.persistedQuery.sha256Hash\`), never its text: what a
   * gateway with GATEWAY_PERSISTED_ONLY=true accepts.
   */
  persisted?: boolean;
  /** More headers on every request. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

let clientConfig: GraphQLClientConfig = { url: '/graphql' };

/** Call once at start-up, before the first hook runs. */
export function configureGraphQLClient(config: Partial<GraphQLClientConfig>): void {
  clientConfig = { ...clientConfig, ...config };
}

export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

/** A request that came back with \`errors\` (or no data): the hook's \`error\`. */
export class GraphQLRequestError extends Error {
  constructor(
    readonly errors: ReadonlyArray<GraphQLErrorEntry>,
    readonly status: number,
  ) {
    super(errors.map((e) => e.message).join('; ') || \`GraphQL request failed with HTTP \${status}\`);
    this.name = 'GraphQLRequestError';
  }

  /** The first error's \`extensions.code\`, e.g. \`BAD_USER_INPUT\` or \`UNAUTHENTICATED\`. */
  get code(): string | undefined {
    const code = this.errors[0]?.extensions?.['code'];
    return typeof code === 'string' ? code : undefined;
  }
}

function operationNameOf(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition' && definition.name) return definition.name.value;
  }
  return undefined;
}

/**
 * One JSON POST of an operation: by its persisted hash when the client is configured so, else its
 * text; with the API key and any extra headers. Queries, mutations and subscriptions all use it.
 */
function post<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables | undefined,
  accept: string,
  signal?: AbortSignal,
): Promise<Response> {
  // The manifest's keys read \`sha256:<hex>\`; the persisted-query extension carries the bare hex.
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash?.replace(/^sha256:/, '');
  const operationName = operationNameOf(document);
  const body =
    clientConfig.persisted && hash
      ? { operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }
      : { query: print(document), operationName, variables };
  return (clientConfig.fetch ?? fetch)(clientConfig.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept,
      ...(clientConfig.apiKey ? { authorization: \`Bearer \${clientConfig.apiKey}\` } : {}),
      ...clientConfig.headers,
    },
    body: JSON.stringify(body),
    signal,
  });
}

/** Sends one operation as a JSON POST and resolves to its \`data\`; throws GraphQLRequestError. */
export async function execute<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const response = await post(document, variables, 'application/graphql-response+json, application/json', signal);
  let payload: { data?: TResult | null; errors?: GraphQLErrorEntry[] };
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    throw new GraphQLRequestError([], response.status);
  }
  if (payload.errors?.length || payload.data == null) {
    throw new GraphQLRequestError(payload.errors ?? [], response.status);
  }
  return payload.data;
}
`;

const SUBSCRIPTION_RUNTIME = `
export interface SubscriptionState<TResult> {
  /** The last event's data. */
  data: TResult | undefined;
  /** The last error (the hook reconnects after transport errors; a GraphQL error ends it). */
  error: GraphQLRequestError | undefined;
  /** True while the event stream is open. */
  connected: boolean;
  /**
   * True while the stream is open, a message (a change or a heartbeat) arrived within
   * \`staleAfterMs\`, and the gateway's feed was no further behind than that when it was sent.
   * Show "live" only when this is true.
   */
  fresh: boolean;
  /** The last time the gateway read its source, as the last message said (ISO), if selected. */
  feedAt: string | undefined;
}

export interface SubscriptionOptions<TResult> {
  /** false: no connection (default true). */
  enabled?: boolean;
  /** Called with every change's data, in order (not with RESYNC or HEARTBEAT). */
  onData?: (data: TResult) => void;
  /**
   * Changes may have been missed (a RESYNC, or a reconnect that could not resume from \`since\`):
   * reload what is shown. Called once the new stream is open, so nothing falls in between.
   */
  onGap?: () => void;
  /** No message for this long, or a feed this far behind, is stale. Default 30000. */
  staleAfterMs?: number;
}

/** What the hooks read from a subscription's root object, when the operation selects it. */
interface FeedFields {
  kind?: string | null;
  at?: string | null;
  feedAt?: string | null;
}

/**
 * Runs a subscription over Server-Sent Events (a JSON POST with \`Accept: text/event-stream\`, so
 * the API key, persisted hash and CSRF rules are those of the other hooks). Resolves when the stream
 * ends; throws GraphQLRequestError on a GraphQL error, other errors on transport trouble.
 */
export async function subscribe<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables | undefined,
  onData: (data: TResult) => void,
  signal: AbortSignal,
  onOpen?: () => void,
): Promise<void> {
  const response = await post(document, variables, 'text/event-stream', signal);
  if (!response.ok || !response.body || !(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
    const payload = (await response.json().catch(() => ({}))) as { errors?: GraphQLErrorEntry[] };
    throw new GraphQLRequestError(payload.errors ?? [], response.status);
  }
  onOpen?.();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\\n\\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\\n');
      if (lines.some((line) => line.startsWith('event: complete'))) return;
      const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\\n');
      if (!data) continue;
      const payload = JSON.parse(data) as { data?: TResult | null; errors?: GraphQLErrorEntry[] };
      if (payload.errors?.length || payload.data == null) throw new GraphQLRequestError(payload.errors ?? [], response.status);
      onData(payload.data);
    }
  }
}

function useSubscriptionRuntime<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables | undefined,
  options: SubscriptionOptions<TResult> | undefined,
  resume: ((data: TResult) => string | undefined) | undefined,
  feed: ((data: TResult) => FeedFields | null | undefined) | undefined,
): SubscriptionState<TResult> {
  const [state, setState] = useState<SubscriptionState<TResult>>({ data: undefined, error: undefined, connected: false, fresh: false, feedAt: undefined });
  const onData = useRef(options?.onData);
  onData.current = options?.onData;
  const onGap = useRef(options?.onGap);
  onGap.current = options?.onGap;
  const key = JSON.stringify(variables ?? null);
  const enabled = options?.enabled ?? true;
  const staleAfterMs = options?.staleAfterMs ?? 30_000;
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    let since: string | undefined;
    let wasOpen = false;
    let connected = false;
    // Client clock: when the last message arrived. Gateway clock: how far behind its feed was.
    let heardAt = 0;
    let lagMs = 0;
    const isFresh = () => connected && Date.now() - heardAt < staleAfterMs && lagMs < staleAfterMs;
    const timer = setInterval(() => {
      const fresh = isFresh();
      setState((s) => (s.fresh === fresh ? s : { ...s, fresh }));
    }, 1000);
    void (async () => {
      for (let attempt = 0; !abort.signal.aborted; attempt++) {
        try {
          const resuming = since !== undefined;
          const vars = (since ? { ...(JSON.parse(key) ?? {}), since } : JSON.parse(key)) as TVariables;
          await subscribe(document, vars ?? undefined, (data) => {
            attempt = 0;
            heardAt = Date.now();
            const root = feed?.(data);
            if (root?.feedAt && root.at) lagMs = Math.max(0, Date.parse(root.at) - Date.parse(root.feedAt));
            else if (root && 'feedAt' in root && !root.feedAt) lagMs = Infinity; // no read of the source yet
            const feedAt = root?.feedAt ?? undefined;
            if (root?.kind === 'HEARTBEAT' || root?.kind === 'RESYNC') {
              setState((s) => ({ ...s, error: undefined, connected: true, fresh: isFresh(), feedAt }));
              if (root.kind === 'RESYNC') {
                // A cursor from before the gap would replay across it: resume from the next change.
                since = undefined;
                onGap.current?.();
              }
              return;
            }
            since = resume?.(data) ?? since;
            setState({ data, error: undefined, connected: true, fresh: isFresh(), feedAt });
            onData.current?.(data);
          }, abort.signal, () => {
            connected = true;
            setState((s) => ({ ...s, connected: true }));
            // A new stream that does not resume a previous one may have missed changes in between.
            if (wasOpen && !resuming) onGap.current?.();
            wasOpen = true;
          });
        } catch (error) {
          if (abort.signal.aborted) return;
          if (error instanceof GraphQLRequestError && error.errors.length > 0) {
            // The gateway refused it (no key, a limit, a \`since\` it no longer holds) or ended it
            // (a client too slow to read): start over, without \`since\` if it is the one refused.
            connected = false;
            setState((s) => ({ ...s, error, connected: false, fresh: false }));
            if (error.code === 'REPLAY_UNAVAILABLE' && since) since = undefined;
            else if (error.code !== 'SLOW_CONSUMER') return;
          }
        }
        connected = false;
        setState((s) => ({ ...s, connected: false, fresh: false }));
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** Math.min(attempt, 6))));
      }
    })();
    return () => {
      clearInterval(timer);
      abort.abort();
    };
  }, [document, key, enabled, staleAfterMs]);
  return state;
}
`;

const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);

function requiredVariables(operation) {
  return (operation.variableDefinitions ?? []).some((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue);
}

/** The root field of a connection the operation pages through with `$after`, if any. */
function connectionField(operation) {
  if (!(operation.variableDefinitions ?? []).some((v) => v.variable.name.value === 'after')) return undefined;
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
  const hooks = [
    `export const ${lowerFirst(name)}QueryKey = (variables${optional}: ${variables}) =>
  (variables === undefined ? ['${name}'] : ['${name}', variables]) as readonly unknown[];

export function use${name}Query<TData = ${result}>(
  variables${optional}: ${variables},
  options?: Omit<UseQueryOptions<${result}, GraphQLRequestError, TData>, 'queryKey' | 'queryFn'>,
) {
  return useQuery<${result}, GraphQLRequestError, TData>({
    queryKey: ${lowerFirst(name)}QueryKey(variables),
    queryFn: ({ signal }) => execute(${name}Document, variables, signal),
    ...options,
  });
}`,
  ];
  const field = connectionField(operation);
  if (field) {
    hooks.push(`export function use${name}InfiniteQuery(
  variables${optional}: Omit<${variables}, 'after'>,
  options?: Omit<
    UseInfiniteQueryOptions<${result}, GraphQLRequestError, InfiniteData<${result}, string | null>, readonly unknown[], string | null>,
    'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
  >,
) {
  return useInfiniteQuery({
    queryKey: [...${lowerFirst(name)}QueryKey(variables as ${variables}), 'infinite'],
    queryFn: ({ pageParam, signal }) => execute(${name}Document, { ...variables, after: pageParam } as ${variables}, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: ${result}) => (last.${field}.pageInfo.hasNextPage ? last.${field}.pageInfo.endCursor : null) ?? undefined,
    ...options,
  });
}`);
  }
  return hooks;
}

function mutationHook(name) {
  const result = `${name}Mutation`;
  const variables = `${name}MutationVariables`;
  return `export function use${name}Mutation<TContext = unknown>(
  options?: Omit<UseMutationOptions<${result}, GraphQLRequestError, ${variables}, TContext>, 'mutationKey' | 'mutationFn'>,
) {
  return useMutation<${result}, GraphQLRequestError, ${variables}, TContext>({
    mutationKey: ['${name}'],
    mutationFn: (variables) => execute(${name}Document, variables),
    ...options,
  });
}`;
}

function subscriptionHook(name, operation) {
  const result = `${name}Subscription`;
  const variables = `${name}SubscriptionVariables`;
  const optional = requiredVariables(operation) ? '' : '?';
  const root = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  const rootName = root ? (root.alias ?? root.name).value : undefined;
  const hasSince = (operation.variableDefinitions ?? []).some((v) => v.variable.name.value === 'since');
  const selects = (name) => root?.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === name);
  const hasAt = selects('at');
  const resume = hasSince && hasAt ? `(data) => (data.${rootName} as { at?: string } | null | undefined)?.at` : 'undefined';
  const feed = selects('kind') ? `(data) => data.${rootName} as FeedFields | null | undefined` : 'undefined';
  return `export function use${name}Subscription(
  variables${optional}: ${variables},
  options?: SubscriptionOptions<${result}>,
): SubscriptionState<${result}> {
  return useSubscriptionRuntime<${result}, ${variables}>(${name}Document, variables, options, ${resume}, ${feed});
}`;
}

module.exports = {
  plugin(_schema, documents, config) {
    const operations = documents
      .flatMap((file) => file.document?.definitions ?? [])
      .filter((d) => d.kind === Kind.OPERATION_DEFINITION && d.name)
      .sort((a, b) => a.name.value.localeCompare(b.name.value));
    const imports = [];
    const hooks = [];
    for (const operation of operations) {
      const name = operation.name.value;
      if (operation.operation === 'query') {
        imports.push(`${name}Document`, `type ${name}Query`, `type ${name}QueryVariables`);
        hooks.push(...queryHooks(name, operation));
      } else if (operation.operation === 'mutation') {
        imports.push(`${name}Document`, `type ${name}Mutation`, `type ${name}MutationVariables`);
        hooks.push(mutationHook(name));
      } else if (operation.operation === 'subscription') {
        imports.push(`${name}Document`, `type ${name}Subscription`, `type ${name}SubscriptionVariables`);
        hooks.push(subscriptionHook(name, operation));
      }
    }
    const typesModule = config.typesModule ?? './graphql';
    return [
      '/* eslint-disable */',
      '// Generated by codegen/tanstack-query-hooks.cjs from operations/*.graphql: do not edit.',
      `import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  type InfiniteData,
  type UseInfiniteQueryOptions,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';`,
      `import type { TypedDocumentNode } from '@graphql-typed-document-node/core';`,
      `import { print, type DocumentNode } from 'graphql';`,
      `import {\n  ${imports.join(',\n  ')},\n} from '${typesModule}';`,
      ...(operations.some((o) => o.operation === 'subscription') ? [`import { useEffect, useRef, useState } from 'react';`] : []),
      RUNTIME,
      ...(operations.some((o) => o.operation === 'subscription') ? [SUBSCRIPTION_RUNTIME] : []),
      ...hooks.map((h) => `${h}\n`),
    ].join('\n');
  },
};
