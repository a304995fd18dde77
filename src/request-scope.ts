// What a GraphQL request carries down to the Clopos calls it causes, without threading it through
// every resolver: its id (sent upstream and logged) and its deadline (retries and 429 waits must
// end before it). Set by the server for each request; absent outside one (a background poller).
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestScope {
  requestId: string;
  /** Epoch ms by which the whole GraphQL request must be answered. */
  deadline: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Makes `scope` current for the rest of this async flow (the request's handling). */
export function enterScope(scope: RequestScope): void {
  storage.enterWith(scope);
}
