// createGateway builds the Yoga instance (no listen): main.ts serves it, tests call yoga.fetch.
// Every request passes, in order: body limit (413), request id and logging, operator endpoints
// (/readiness, /metrics), API key (401) and pass-through token, per-key rate limit (429), CSRF
// (403), query limits (parse and validate), key scope (FORBIDDEN on mutations for read keys),
// then whatever `plugins` adds (persisted operations, response cache), then execution.
import { useOpenTelemetry } from '@envelop/opentelemetry';
import type { TracerProvider } from '@opentelemetry/api';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createYoga, type Plugin, type YogaLogger } from 'graphql-yoga';
import type { CloposApi } from './upstreams/clopos/api.js';
import type { OrderUpstream } from './domain/upstream.js';
import { cloposUpstream, DEFAULT_CURRENCY } from './upstreams/clopos/index.js';
import type { ApiKey, Config } from './config.js';
import { createGraphContext, type GraphContext, type TransportContext } from './graph/context.js';
import { useCompiledQueries } from './graph/jit.js';
import type { LiveOrders } from './live/live.js';
import { maskError } from './graph/mask.js';
import { buildSchema } from './graph/schema.js';
import { MemoryIdempotencyStore, type IdempotencyStore } from './graph/write/idempotency.js';
import { CatalogCache, CatalogGeneration, DEFAULT_CATALOG_TTL_MS, DEFAULT_STOP_LIST_TTL_MS } from './graph/catalog/cache.js';
import { normalizeKeys, useApiKeys } from './http/auth.js';
import { useBodyLimit } from './http/body-limit.js';
import { useOperatorEndpoints, type ReadinessCheck } from './http/endpoints.js';
import { GRAPHIQL_OPTIONS, renderGatewayGraphiQL } from './http/graphiql.js';
import type { GraphiQLOptions } from 'graphql-yoga';
import { useQueryLimits } from './http/limits.js';
import { useObservability } from './http/observe.js';
import { PassThroughUpstreams, type UpstreamForToken } from './http/passthrough.js';
import { persistedDocuments } from './http/persisted.js';
import { useRateLimit } from './http/rate-limit.js';
import { useSchemaSdl } from './http/schema-sdl.js';
import { useSharedSubscriptionEvents } from './http/shared-events.js';
import type { RateLimitStore } from './redis/limits.js';
import { shortDigest, stateOf, type Caller } from './http/request-state.js';
import { errorLog } from './observability/log-errors.js';
import { silentLogger, type Logger } from './observability/logger.js';
import { createMetrics, type GatewayMetrics } from './observability/metrics.js';
import { runInScope, type RequestScope } from './request-scope.js';

export const GRAPHQL_ENDPOINT = '/graphql';
/** The header a non-simple (CSRF-safe) GET must carry; POSTs with a JSON content type need none. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export interface GatewayOptions {
  clopos: CloposApi;
  /** Another POS's adapter (UPSTREAM=clover): the graph calls it instead of Clopos through `clopos`. */
  upstream?: OrderUpstream;
  /** GraphiQL's tabs, when not Clopos's (src/http/graphiql.ts). */
  graphiql?: GraphiQLOptions;
  /** CLOPOS_CURRENCY: the currency of Clopos's amounts; default AZN. */
  currency?: string;
  /** createOrder's idempotency keys; in memory by default. */
  idempotency?: IdempotencyStore;
  /** CLOPOS_COMMIT_WINDOW_MS: how long after a create started Clopos may still commit it (default 10 s). */
  commitWindowMs?: number;
  /** GATEWAY_REQUEST_TIMEOUT_MS: the deadline of each GraphQL request. */
  requestTimeoutMs?: number;
  /** GATEWAY_API_KEYS. When non-empty, every GraphQL request needs `Authorization: Bearer <one of them>`. */
  apiKeys?: Array<string | ApiKey>;
  /** GATEWAY_PERSISTED_ONLY: run only operations from generated/client/persisted-documents.json, by hash. */
  persistedOnly?: boolean;
  /** The trusted documents by sha256 (src/http/manifests.ts); default the gateway's own manifest. */
  persistedDocuments?: Map<string, string>;
  /** Pass-through: builds the upstream for a caller's own Clopos token. Unset: x-clopos-token is refused. */
  upstreamForToken?: UpstreamForToken;
  /** GATEWAY_RATE_LIMIT_PER_MINUTE, per key; 0 or unset: off. */
  rateLimitPerMinute?: number;
  /** Where the rate limit's buckets live (Redis, shared by every instance); default this instance's memory. */
  rateLimitStore?: RateLimitStore;
  /** GATEWAY_MAX_BODY_BYTES; default 1048576. */
  maxBodyBytes?: number;
  /** GATEWAY_CORS_ORIGINS; empty: no cross-origin access. */
  corsOrigins?: string[];
  /** GATEWAY_INTROSPECTION; default true. */
  introspection?: boolean;
  /** NODE_ENV=development: error details in responses. Masking itself is always on. */
  development?: boolean;
  /** METRICS_TOKEN: /metrics needs `Authorization: Bearer <it>` when set. */
  metricsToken?: string;
  /** Default: silent. */
  logger?: Logger;
  /** Default: a fresh registry. Pass the one the quota shield reports into. */
  metrics?: GatewayMetrics;
  /** What /readiness checks (breaker closed, Redis reachable, not draining); read on each request. */
  readiness?: ReadinessCheck[];
  /** Tracing on: the provider OpenTelemetry spans go to. */
  tracerProvider?: TracerProvider;
  /** More plugins (persisted operations come built in), after the security plugins, before execution. */
  plugins?: Plugin[];
  /** Live order updates for Subscription.orderChanged (src/live); unset: subscribing is an error. */
  live?: LiveOrders;
  /** CATALOG_TTL_MS: how long venues, sale types and menus are cached (default 300000; 0 = off). */
  catalogTtlMs?: number;
  /** STOP_LIST_TTL_MS: how long a venue's stop-list is cached (default 30000; 0 = off). */
  stopListTtlMs?: number;
  /** Queries run compiled (graphql-jit); default true. false: the standard executor only (the differential test's reference). */
  compiledQueries?: boolean;
}

/** The options main.ts derives from the configuration; it adds the upstream and the wiring. */
export function gatewaySettings(config: Config): Omit<GatewayOptions, 'clopos'> {
  return {
    apiKeys: config.apiKeys,
    requestTimeoutMs: config.requestTimeoutMs,
    commitWindowMs: config.commitWindowMs,
    currency: config.cloposCurrency,
    persistedOnly: config.persistedOnly,
    rateLimitPerMinute: config.rateLimitPerMinute,
    maxBodyBytes: config.maxBodyBytes,
    corsOrigins: config.corsOrigins,
    introspection: config.introspection,
    development: config.development,
    metricsToken: config.metricsToken,
    catalogTtlMs: config.catalogTtlMs,
    stopListTtlMs: config.stopListTtlMs,
  };
}

/** Yoga's own messages (an unexpected error, masked in the response) go to the structured log. */
function yogaLogger(logger: Logger): YogaLogger {
  const child = logger.child({ component: 'yoga' });
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error && (level === 'error' || level === 'warn')) {
        // Yoga logs every error it masks at `error`: expected, coded ones go down to info or warn,
        // without a stack (src/observability/log-errors.ts).
        const logged = errorLog(first);
        child[logged.level](logged.fields, rest.map(String).join(' ') || first.message);
      } else if (first instanceof Error) child[level]({ err: first }, rest.map(String).join(' ') || first.message);
      else child[level](args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function createGateway(options: GatewayOptions) {
  const idempotency = options.idempotency ?? new MemoryIdempotencyStore();
  const logger = options.logger ?? silentLogger;
  const metrics = options.metrics ?? createMetrics();
  const keys = normalizeKeys(options.apiKeys ?? []);
  const passThrough = options.upstreamForToken ? new PassThroughUpstreams(options.upstreamForToken) : undefined;
  const corsOrigins = options.corsOrigins ?? [];

  const plugins: Plugin[] = [
    // First: it may replace the request (a chunked body read up to the limit).
    useBodyLimit({ maxBytes: options.maxBodyBytes ?? 1_048_576, metrics }),
    ...useObservability({ logger, metrics }),
    useOperatorEndpoints({ metrics, metricsToken: options.metricsToken, readiness: () => options.readiness ?? [] }),
    useApiKeys({ keys, passThrough: passThrough !== undefined, metrics, endpoint: GRAPHQL_ENDPOINT }),
    // GET /schema.graphql: the SDL frontends generate their types from (same key as /graphql).
    useSchemaSdl({ keys, introspection: options.introspection ?? true, metrics }),
    ...(options.rateLimitPerMinute ? [useRateLimit({ perMinute: options.rateLimitPerMinute, metrics, endpoint: GRAPHQL_ENDPOINT, ...(options.rateLimitStore ? { store: options.rateLimitStore } : {}) })] : []),
    useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
    ...useQueryLimits({ introspection: options.introspection ?? true }),
    ...(options.tracerProvider
      ? [useOpenTelemetry({ resolvers: false, variables: false, result: false, document: true }, options.tracerProvider) as unknown as Plugin]
      : []),
    persistedDocuments({ only: options.persistedOnly ?? false, ...(options.persistedDocuments ? { documents: options.persistedDocuments } : {}) }),
    // Queries execute compiled (graphql-jit; src/graph/jit.ts). Before the response cache, which
    // wraps whatever execute function the plugins before it set.
    ...(options.compiledQueries === false ? [] : [useCompiledQueries()]),
    // Subscription events executed once per distinct selection and serialized once for SSE
    // (src/http/shared-events.ts): the live fan-out to thousands of subscribers.
    useSharedSubscriptionEvents(),
    // Other plugins (e.g. the response cache) go here or through options.plugins.
    ...(options.plugins ?? []),
    // Last: it wraps whatever execute function the plugins before it set (graphql-jit replaces it).
    useRequestScope(options.requestTimeoutMs ?? 15_000),
  ];

  // The graph sees the POS only through the domain port; one adapter per Clopos client.
  const adapters = new WeakMap<CloposApi, OrderUpstream>();
  const upstreamOf = (api: CloposApi): OrderUpstream => {
    let adapter = adapters.get(api);
    if (!adapter) adapters.set(api, (adapter = cloposUpstream(api, { currency: options.currency ?? DEFAULT_CURRENCY })));
    return adapter;
  };
  // One catalog cache per adapter; invalidateCatalog empties them all through the shared generation.
  const generation = new CatalogGeneration();
  const catalogs = new WeakMap<OrderUpstream, CatalogCache>();
  const catalogSettings = {
    catalogTtlMs: options.catalogTtlMs ?? DEFAULT_CATALOG_TTL_MS,
    stopListTtlMs: options.stopListTtlMs ?? DEFAULT_STOP_LIST_TTL_MS,
  };
  const catalogOf = (upstream: OrderUpstream): CatalogCache | undefined => {
    if (!upstream.catalog) return undefined;
    let cache = catalogs.get(upstream);
    if (!cache) catalogs.set(upstream, (cache = new CatalogCache(upstream.catalog, catalogSettings, generation)));
    return cache;
  };

  return createYoga<object, GraphContext>({
    schema: buildSchema(),
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    context: (initial) => {
      const { request } = initial;
      const state = stateOf(request);
      const own = state.caller?.cloposToken;
      const clopos = own && passThrough ? passThrough.get(own.token, own.digest) : options.clopos;
      const address = (initial as { req?: { socket?: { remoteAddress?: string } } }).req?.socket?.remoteAddress;
      const caller = state.caller?.id ?? callerOf(request);
      // A pass-through caller's own Clopos token; otherwise the configured upstream (Clover's, or Clopos's).
      const upstream = own && passThrough ? upstreamOf(clopos) : (options.upstream ?? upstreamOf(clopos));
      return createGraphContext(
        upstream,
        idempotency,
        caller,
        options.live,
        {
          idempotencyScope: idempotencyScope(state.caller, address),
          ...(options.commitWindowMs === undefined ? {} : { commitWindowMs: options.commitWindowMs }),
        },
        transportOf(initial, state.caller?.name === 'anonymous' ? undefined : caller),
        catalogOf(upstream),
      );
    },
    // Always masked; NODE_ENV=development adds the original message and stack for local debugging.
    maskedErrors: { maskError, isDev: options.development ?? false },
    logging: yogaLogger(logger),
    cors: corsOrigins.length
      ? { origin: corsOrigins, credentials: false, exposedHeaders: ['x-request-id', 'retry-after'], maxAge: 600 }
      : false,
    graphiql: options.graphiql ?? GRAPHIQL_OPTIONS,
    // Served from the package, not a CDN: works offline and on locked-down networks.
    renderGraphiQL: renderGatewayGraphiQL,
    landingPage: false,
    // useBodyLimit (first plugin) already bounds every body: a declared Content-Length is checked
    // (Node reads no more than it declares) and a chunked body is read up to the limit. Yoga's own
    // limit (25 MB by default) would pipe every body through a TransformStream as well, which the
    // bench profile showed at about 3-4% of the gateway's CPU, plus an AbortController per request.
    maxRequestBodySize: false,
    plugins,
  });
}

/**
 * Whose idempotency keys these are: the API key's name (so a rotated key keeps its keys), with
 * the pass-through token's digest; anonymous callers (no keys configured) by client address, as
 * the rate limit counts them, so two anonymous clients never share a key.
 */
export function idempotencyScope(caller: Caller | undefined, address: string | undefined): string {
  if (!caller || caller.name === 'anonymous') return `ip:${address ?? 'unknown'}`;
  return `key:${caller.name}${caller.cloposToken ? `.token:${caller.cloposToken.digest}` : ''}`;
}

/**
 * Each operation runs inside its request's scope (id and deadline, src/request-scope.ts), with
 * AsyncLocalStorage.run: the scope ends with the operation, and nothing the operation hands to
 * background work (runDetached) carries it further. A subscription's scope has no deadline.
 */
function useRequestScope(requestTimeoutMs: number): Plugin {
  const scopeOf = (context: unknown, deadline: boolean): RequestScope => {
    const request = (context as { request?: Request }).request;
    const requestId = request ? stateOf(request).requestId : 'unknown';
    return deadline ? { requestId, deadline: Date.now() + requestTimeoutMs } : { requestId };
  };
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => runInScope(scopeOf(args.contextValue, true), () => executeFn(args)));
    },
    onSubscribe({ subscribeFn, setSubscribeFn }) {
      setSubscribeFn((args) => runInScope(scopeOf(args.contextValue, false), () => subscribeFn(args)));
    },
  };
}

/**
 * What the connection adds (node's `req`/`res` for HTTP, `socket` from websocket.ts): the pool
 * a subscription counts against (the caller, or an anonymous caller's client address, as the rate
 * limit counts), and how to drop a client that stopped reading.
 */
function transportOf(initial: object, caller: string | undefined): TransportContext {
  const { req, res, socket } = initial as {
    req?: { socket?: { remoteAddress?: string } };
    res?: { destroy(): void };
    socket?: { terminate(): void };
  };
  const address = req?.socket?.remoteAddress;
  const pool = caller ?? (address ? `ip:${address}` : 'anonymous');
  const disconnect = socket ? () => socket.terminate() : res ? () => res.destroy() : undefined;
  return { subscriptionPool: pool, ...(disconnect ? { disconnect } : {}) };
}

/** Outside the key check (no keys configured): a stable, non-secret name for the caller. */
function callerOf(request: Request): string {
  const match = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '');
  return match ? shortDigest(match[1]!) : 'anonymous';
}

export type Gateway = ReturnType<typeof createGateway>;
