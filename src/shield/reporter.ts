// What the shield tells the outside (Prometheus metrics, logs). The same shape as ShieldMetrics
// in src/observability/metrics.ts, declared here so the shield depends on nothing outside it.
import type { BreakerState } from './breaker.js';

export interface ShieldReporter {
  /** One lookup in the GET cache (`list` or `order`): hit or miss. */
  cacheLookup(cache: string, hit: boolean): void;
  /** A call that joined an identical one in flight instead of calling Clopos. */
  coalesced(route: string): void;
  /** A repeat of a Clopos call after a 5xx, timeout or 429. */
  retried(route: string): void;
  breakerState(state: BreakerState): void;
  /** Calls Clopos says are left in its window (RateLimit-Remaining). */
  budgetRemaining(calls: number): void;
}
