// The quota shield: a Clopos client whose every call is coalesced, cached, budgeted, retried
// (GETs) and guarded by a circuit breaker. Stores are in memory unless the caller hands in shared
// ones (redis-stores.ts), so N gateway instances can spend one Clopos quota.
import { CLOPOS_LOOKUP, operationSpec } from '../upstreams/clopos/operations.js';
import type { CloposApi, CloposCredentials } from '../upstreams/clopos/api.js';
import { createCloposClient, createCloposTokens } from '../upstreams/clopos/client.js';
import { currentScope } from '../request-scope.js';
import { CircuitBreaker, type BreakerOptions } from './breaker.js';
import { Budget, type BudgetStore, MemoryBudgetStore } from './budget.js';
import { Coalescer } from './coalescing.js';
import { type GetCacheStore, MemoryGetCache } from './get-cache.js';
import { credentialsIdentity } from './keys.js';
import type { ShieldReporter } from './reporter.js';
import type { RetryPolicy } from './retry.js';
import { shieldApi } from './shielded-api.js';
import { shieldTransport } from './transport.js';

export interface CloposShieldOptions {
  baseUrl: string;
  credentials: CloposCredentials;
  /** CLOPOS_TIMEOUT_MS: each attempt's own deadline. */
  timeoutMs: number;
  /** CLOPOS_BUDGET_PER_MINUTE. */
  budgetPerMinute: number;
  /** Of those, calls per minute only the live poller may spend (pollReserve()). Default 0. */
  pollReserve?: number;
  /** CACHE_TTL_MS; 0 turns the GET cache off (coalescing stays on). */
  cacheTtlMs: number;
  /** GATEWAY_REQUEST_TIMEOUT_MS: the deadline of calls made outside a GraphQL request. */
  requestTimeoutMs: number;
  /** Shared stores (Redis); memory by default. */
  cache?: GetCacheStore;
  budgetStore?: BudgetStore;
  /** The transport under the shield (metrics instrumentation, tests). */
  fetch?: typeof fetch;
  breaker?: Omit<BreakerOptions, 'onStateChange'>;
  retry?: RetryPolicy;
  reporter?: Partial<ShieldReporter>;
  /** After this gateway creates or cancels an order (the graph drops its response cache). */
  onChanged?: () => Promise<void>;
}

export interface CloposShield {
  /** The shielded client for the gateway's own credentials. */
  api: CloposApi;
  /**
   * The live poller's: the same minus the GET cache (breaker, retries stay), spending the poller's
   * share of the budget, and never coalesced with a query's call (which spends the queries' share).
   */
  fresh: CloposApi;
  /**
   * Shields another upstream (a caller's pass-through token) with the same budget, breaker and
   * cache; `identity` (e.g. `token:<digest>`) keeps its keys apart from every other caller's.
   * Its transport should be `transport` so the budget sees its calls.
   */
  wrap(inner: CloposApi, identity: string): CloposApi;
  /** The budgeted, deadline-bound fetch to build such upstreams on. */
  transport: typeof fetch;
  breaker: CircuitBreaker;
  budget: Budget;
  coalescer: Coalescer;
  identity: string;
}

export function createCloposShield(options: CloposShieldOptions): CloposShield {
  const reporter = options.reporter ?? {};
  const deadline = () => currentScope()?.deadline ?? Date.now() + options.requestTimeoutMs;
  const budget = new Budget({
    store: options.budgetStore ?? new MemoryBudgetStore(options.budgetPerMinute),
    reserved: options.pollReserve ?? 0,
    onRemaining: (calls) => reporter.budgetRemaining?.(calls),
  });
  const breaker = new CircuitBreaker({ ...options.breaker, onStateChange: (state) => reporter.breakerState?.(state) });
  reporter.breakerState?.('closed');
  const coalescer = new Coalescer();
  const cache = options.cacheTtlMs > 0 ? (options.cache ?? new MemoryGetCache()) : undefined;
  const base = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const transport = shieldTransport(base, { operations: CLOPOS_LOOKUP, budget, deadline });
  const pollTransport = shieldTransport(base, { operations: CLOPOS_LOOKUP, budget, deadline, lane: 'poll' });
  const wrapWith = (inner: CloposApi, identity: string, cache: GetCacheStore | undefined) =>
    shieldApi({
      inner,
      operations: CLOPOS_LOOKUP,
      identity,
      coalescer,
      cache,
      cacheTtlMs: options.cacheTtlMs,
      resilience: {
        breaker,
        deadline,
        policy: options.retry,
        onRetry: ({ operation }) => reporter.retried?.(operationSpec(operation).route),
      },
      onChanged: options.onChanged,
      reporter: {
        cacheLookup: (name, hit) => reporter.cacheLookup?.(name, hit),
        coalesced: (route) => reporter.coalesced?.(route),
        retried: (route) => reporter.retried?.(route),
        breakerState: (state) => reporter.breakerState?.(state),
        budgetRemaining: (calls) => reporter.budgetRemaining?.(calls),
      },
    });
  const wrap = (inner: CloposApi, identity: string) => wrapWith(inner, identity, cache);
  const identity = credentialsIdentity(options.baseUrl, options.credentials);
  const client = { baseUrl: options.baseUrl, credentials: options.credentials, timeoutMs: options.timeoutMs };
  // One token for both clients (Clopos allows 60 /auth calls a minute per IP).
  const tokens = createCloposTokens({ ...client, fetch: transport });
  const inner = createCloposClient({ ...client, fetch: transport, tokens, deadline });
  const pollInner = createCloposClient({ ...client, fetch: pollTransport, tokens, deadline });
  return {
    api: wrap(inner, identity),
    fresh: wrapWith(pollInner, `${identity}|poll`, undefined),
    wrap,
    transport,
    breaker,
    budget,
    coalescer,
    identity,
  };
}

export { CircuitBreaker, type BreakerState } from './breaker.js';
export { Budget, MemoryBudgetStore, type BudgetLane, type BudgetStore } from './budget.js';
export { MemoryGetCache, type GetCacheStore } from './get-cache.js';
export { credentialsIdentity } from './keys.js';
export type { ShieldReporter } from './reporter.js';

/**
 * The poller's reserved calls per minute: POLL_BUDGET_SHARE percent of the budget, at least one
 * call per poll interval (unless that is more than half the budget), and always leaving queries
 * at least one. A share of 0 reserves nothing.
 */
export function pollReserve(budgetPerMinute: number, sharePercent: number, pollIntervalMs: number): number {
  if (sharePercent <= 0) return 0;
  const share = Math.ceil((budgetPerMinute * sharePercent) / 100);
  const floor = Math.min(Math.ceil(60_000 / pollIntervalMs), Math.floor(budgetPerMinute / 2));
  return Math.max(0, Math.min(budgetPerMinute - 1, Math.max(share, floor)));
}
