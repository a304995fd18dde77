// How long the poller waits before its next poll: POLL_INTERVAL_MS, stretched while the budget
// left for the poller (its reserved share plus what queries leave unspent) is below what it needs
// at that interval, and while Clopos is failing (the shield's breaker open or probing, or the
// poller's own calls failing), so it never hammers a Clopos that is down.
import type { BreakerState } from '../shield/breaker.js';

export interface PollSignals {
  breaker: BreakerState;
  /** Calls per minute the budget leaves the poller; undefined or Infinity: unknown. */
  remaining?: number;
  /** Calls per minute the poller needs at its interval: `remaining` below half of it stretches. */
  limit: number;
}

/** Never longer than this, however bad things are (unless the interval itself is longer). */
export const MAX_STRETCHED_MS = 60_000;

export function pollDelay(baseMs: number, signals: PollSignals, consecutiveFailures = 0): number {
  let factor = 1;
  const { remaining, limit } = signals;
  if (remaining !== undefined && Number.isFinite(remaining) && limit > 0) {
    const share = remaining / limit;
    factor = share < 0.1 ? 8 : share < 0.25 ? 4 : share < 0.5 ? 2 : 1;
  }
  if (signals.breaker === 'open') factor = Math.max(factor, 8);
  else if (signals.breaker === 'half-open') factor = Math.max(factor, 4);
  if (consecutiveFailures > 0) factor = Math.max(factor, 2 ** Math.min(consecutiveFailures, 3));
  return Math.min(baseMs * factor, Math.max(baseMs, MAX_STRETCHED_MS));
}
