// The shield's fetch, handed to createCloposClient: every HTTP request to Clopos passes here,
// 401 resends included. It spends the budget before a data call leaves, keeps each call inside
// its request's deadline, and reads the RateLimit-* headers of every answer into the budget.
// Calls the table marks unbudgeted (Clopos's /auth: its own quota, 60 a minute per IP) neither
// spend nor read the data budget. POS-neutral: the table is a parameter.
import { NotSentError, UpstreamError, type UpstreamOperation } from '../upstreams/errors.js';
import type { OperationLookup } from '../upstreams/operation.js';
import { type Budget, BudgetExhausted, type BudgetLane } from './budget.js';
import { boundOf } from '../upstreams/bounded.js';

export interface ShieldTransportOptions {
  /** The upstream's operation table: what each request is, and whether it spends the budget. */
  operations: OperationLookup;
  budget: Budget;
  /** Whose share of the budget the calls spend. Default 'query'. */
  lane?: BudgetLane;
  /** Epoch ms by which the current request must be answered. */
  deadline: () => number;
}

export function shieldTransport(inner: typeof fetch, options: ShieldTransportOptions): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const url = new URL(request.url);
    // Every request is a known operation (an unknown one throws): the table says what it spends.
    const operation = options.operations.operationSpec(options.operations.operationFor(request.method, url.pathname));
    const auth = !operation.budgeted;
    const deadline = options.deadline();
    // Already too late: refused before it spends a budget token (and before it leaves).
    if (deadline <= Date.now() || request.signal.aborted) throw new NotSentError('timeout', request.signal.reason);
    if (!auth) {
      try {
        await options.budget.acquire(deadline, request.signal, options.lane ?? 'query');
      } catch (e) {
        if (!(e instanceof BudgetExhausted)) throw e;
        throw new UpstreamError({
          operation: operation.name as UpstreamOperation,
          code: 'UPSTREAM_RATE_LIMITED',
          reason: 'budget',
          retryAfterSeconds: Math.max(1, Math.ceil(e.retryAfterMs / 1000)),
        });
      }
    }
    const left = deadline - Date.now();
    if (left <= 0 || request.signal.aborted) throw new NotSentError('timeout', request.signal.reason);
    // A request whose signal already fires by the deadline (the Clopos client's) goes as it is.
    const bound = boundOf(request);
    const response =
      bound !== undefined && bound <= deadline
        ? await inner(request)
        : await inner(request, { signal: AbortSignal.any([request.signal, AbortSignal.timeout(left)]) });
    if (!auth) options.budget.observe(response.headers, response.status);
    return response;
  };
}
