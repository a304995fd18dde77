// What a GraphQL request carries down to the Clopos calls it causes, without threading it through
// every resolver: its id (sent upstream and logged) and its deadline (retries and 429 waits must
// end before it). The server runs each operation inside `runInScope`; nothing else sets it.
//
// Work that outlives the request that started it (the live poller, a token renewal or a GET that
// other callers share, timers) must not carry that request's deadline: once it passes, every
// Clopos call the work makes would be refused unsent. Such work starts through `runDetached`,
// which runs it outside any request's scope, so its calls get deadlines of their own.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestScope {
  requestId: string;
  /**
   * Epoch ms by which the whole GraphQL request must be answered. Absent for a subscription (it
   * lasts as long as the client wants): each Clopos call it causes gets a deadline of its own.
   */
  deadline?: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Runs `fn` (one request's handling) with `scope` current for everything it awaits or starts. */
export function runInScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/**
 * Runs `fn` outside any request's scope: for background work and for work shared by several
 * callers. `label` may name the request that caused it (its id only, for the logs), never its
 * deadline.
 */
export function runDetached<T>(fn: () => T, label?: { requestId?: string | undefined }): T {
  return label?.requestId ? storage.run({ requestId: label.requestId }, fn) : storage.exit(fn);
}
