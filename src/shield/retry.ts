// One logical Clopos call, made resilient: the breaker decides whether it may go at all; a GET
// that failed because Clopos faltered (5xx, 504, timeout, broken connection) is tried again up to
// twice with jittered backoff, and a GET refused with 429 waits RateLimit-Reset and goes again,
// all only while the request's deadline allows. Writes are never repeated here: a create may have
// happened even when its answer was lost (the client's 401 resend is the one exception, and it
// lives in the client).
import { UpstreamError, isUpstreamError } from '../upstreams/errors.js';
import type { UpstreamOperation } from '../upstreams/errors.js';
import { CircuitOpen, type CircuitBreaker } from './breaker.js';

export interface RetryPolicy {
  /** Extra attempts after a failure. Default 2. */
  retries?: number;
  /** First backoff, ms; doubled each time, each jittered to 50-100 %. Default 200. */
  baseDelayMs?: number;
  /** Rounds of waiting out a 429 before giving up. Default 3. */
  rateLimitRounds?: number;
}

export interface ResilienceDeps {
  breaker: CircuitBreaker;
  /** Epoch ms by which the caller must have an answer. */
  deadline: () => number;
  policy?: RetryPolicy;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told of each repeat, for logs and tests. */
  onRetry?: (event: { operation: UpstreamOperation; attempt: number; reason: string; delayMs: number }) => void;
}

/** Below this much time left, another attempt could not get an answer anyway. */
const MIN_ATTEMPT_MS = 50;

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Clopos faltered (rather than answered): these open the breaker. */
export function isFailure(error: unknown): boolean {
  if (!isUpstreamError(error) || neverSent(error)) return false;
  if (error.code === 'UPSTREAM_OUTCOME_UNKNOWN') return true;
  return error.code === 'UPSTREAM_UNAVAILABLE';
}

/** Worth another try for a GET: 5xx/504, our timeout, a broken connection. */
function isTransient(error: unknown): boolean {
  if (!isUpstreamError(error) || error.code !== 'UPSTREAM_UNAVAILABLE') return false;
  return error.reason === 'timeout' || error.reason === 'network' || (error.reason === 'http' && (error.status ?? 0) >= 500);
}

/**
 * Never sent by us: says nothing about Clopos's health. The budget held it back, the breaker was
 * open, or its deadline passed before it could leave (a deadline is ours, not Clopos's). A refused
 * connection was not sent either, but it does say Clopos cannot be reached: that one counts.
 */
export function neverSent(error: unknown): boolean {
  if (!isUpstreamError(error)) return false;
  return error.reason === 'budget' || error.reason === 'circuit_open' || (error.notSent && error.reason === 'timeout');
}

export async function resilient<T>(
  operation: UpstreamOperation,
  idempotent: boolean,
  call: () => Promise<T>,
  deps: ResilienceDeps,
): Promise<T> {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? sleepFor;
  const random = deps.random ?? Math.random;
  const retries = deps.policy?.retries ?? 2;
  const baseDelayMs = deps.policy?.baseDelayMs ?? 200;
  let rateLimitRounds = deps.policy?.rateLimitRounds ?? 3;
  let failures = 0;
  // Fixed once: outside a request the deadline function answers "now + the request timeout" on
  // every call, which would let retries and 429 waits go on without end.
  const deadline = deps.deadline();
  for (let attempt = 1; ; attempt++) {
    let ticket;
    try {
      ticket = deps.breaker.enter();
    } catch (e) {
      if (e instanceof CircuitOpen) throw new UpstreamError({ operation, code: 'UPSTREAM_UNAVAILABLE', reason: 'circuit_open' });
      throw e;
    }
    let error: unknown;
    try {
      const result = await call();
      deps.breaker.record(ticket, false);
      return result;
    } catch (e) {
      error = e;
      if (neverSent(e) || !isUpstreamError(e)) deps.breaker.release(ticket);
      else deps.breaker.record(ticket, isFailure(e));
    }
    if (!idempotent || !isUpstreamError(error)) throw error;
    const left = deadline - now();
    let delayMs: number;
    if (error.code === 'UPSTREAM_RATE_LIMITED' && error.reason !== 'budget' && rateLimitRounds > 0) {
      rateLimitRounds--;
      // Clopos said when it will take calls again; the budget holds every other call back too.
      delayMs = (error.retryAfterSeconds ?? 1) * 1000;
    } else if (isTransient(error) && failures < retries) {
      failures++;
      delayMs = Math.round(baseDelayMs * 2 ** (failures - 1) * (0.5 + random() / 2));
    } else {
      throw error;
    }
    if (delayMs + MIN_ATTEMPT_MS >= left) throw error;
    deps.onRetry?.({ operation, attempt, reason: `${error.code}/${error.reason}`, delayMs });
    await sleep(delayMs);
  }
}
