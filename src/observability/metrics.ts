// Prometheus metrics, one registry per gateway (tests build several gateways in one process).
// Label values that come from callers (operation names) are bounded: an attacker sending a fresh
// operation name per request must not grow memory without limit.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type OperationOutcome = 'ok' | 'error' | 'invalid' | 'forbidden';
export type BreakerState = 'closed' | 'half-open' | 'open';

/**
 * What the quota shield (issue 6) reports into. Every method is cheap and synchronous; the shield
 * gets `metrics.shield` from main.ts (or `noShieldMetrics` in tests).
 */
export interface ShieldMetrics {
  /** One lookup in a cache (`response`, `order`, `list`...): hit or miss. */
  cacheLookup(cache: string, hit: boolean): void;
  /** A call that joined an identical one already in flight instead of calling Clopos. */
  coalesced(route: string): void;
  /** A retry of a Clopos call after a 5xx, timeout or 429. */
  retried(route: string): void;
  /** Whenever the breaker changes state (and once at start). */
  breakerState(state: BreakerState): void;
  /** Clopos calls left in the current budget window (CLOPOS_BUDGET_PER_MINUTE). */
  budgetRemaining(calls: number): void;
}

export const noShieldMetrics: ShieldMetrics = {
  cacheLookup() {},
  coalesced() {},
  retried() {},
  breakerState() {},
  budgetRemaining() {},
};

const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const BREAKER_VALUES: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

export interface GatewayMetrics {
  registry: Registry;
  shield: ShieldMetrics;
  operation(name: string | null | undefined, outcome: OperationOutcome, seconds?: number): void;
  httpRequest(status: number): void;
  rejected(reason: 'unauthenticated' | 'rate_limited' | 'body_too_large' | 'forbidden'): void;
  cloposCall(method: string, route: string, status: string, seconds: number): void;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by operation name and outcome (ok, error, invalid, forbidden).',
    labelNames: ['operation', 'outcome'] as const,
    registers,
  });
  const operationSeconds = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Time to execute a GraphQL operation, by operation name.',
    labelNames: ['operation'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const http = new Counter({ name: 'gateway_http_requests_total', help: 'HTTP responses by status.', labelNames: ['status'] as const, registers });
  const rejections = new Counter({
    name: 'gateway_rejected_requests_total',
    help: 'Requests refused before execution, by reason.',
    labelNames: ['reason'] as const,
    registers,
  });
  const cloposCalls = new Counter({
    name: 'clopos_requests_total',
    help: 'HTTP calls to Clopos by method, route and status (error: no answer).',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const cloposSeconds = new Histogram({
    name: 'clopos_request_duration_seconds',
    help: 'Latency of HTTP calls to Clopos by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const cache = new Counter({ name: 'gateway_cache_lookups_total', help: 'Cache lookups by cache and result (hit, miss).', labelNames: ['cache', 'result'] as const, registers });
  const coalesced = new Counter({ name: 'clopos_coalesced_total', help: 'Calls served by joining an identical call in flight.', labelNames: ['route'] as const, registers });
  const retried = new Counter({ name: 'clopos_retries_total', help: 'Retries of Clopos calls.', labelNames: ['route'] as const, registers });
  const breaker = new Gauge({ name: 'clopos_breaker_state', help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open.', registers });
  const budget = new Gauge({ name: 'clopos_budget_remaining', help: 'Clopos calls left in the current budget window.', registers });

  const names = new Set<string>();
  const label = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'invalid_name';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(name);
    return name;
  };

  return {
    registry,
    shield: {
      cacheLookup: (name, hit) => cache.inc({ cache: name, result: hit ? 'hit' : 'miss' }),
      coalesced: (route) => coalesced.inc({ route }),
      retried: (route) => retried.inc({ route }),
      breakerState: (state) => breaker.set(BREAKER_VALUES[state]),
      budgetRemaining: (calls) => budget.set(calls),
    },
    operation(name, outcome, seconds) {
      const operation = label(name);
      operations.inc({ operation, outcome });
      if (seconds !== undefined) operationSeconds.observe({ operation }, seconds);
    },
    httpRequest: (status) => http.inc({ status: String(status) }),
    rejected: (reason) => rejections.inc({ reason }),
    cloposCall(method, route, status, seconds) {
      cloposCalls.inc({ method, route, status });
      cloposSeconds.observe({ method, route, status }, seconds);
    },
  };
}
