// What every POS client puts around openapi-fetch, whichever POS it talks to.
import type { Middleware } from 'openapi-fetch';
import { currentScope } from '../request-scope.js';
import { NotSentError, neverConnected } from './errors.js';

/** The GraphQL request's id goes upstream too, so a POS-side log line can be matched to ours. */
export const requestIdMiddleware: Middleware = {
  onRequest({ request }) {
    const requestId = currentScope()?.requestId;
    if (requestId) request.headers.set('x-request-id', requestId);
    return request;
  },
};

/**
 * Marks failures where the request certainly never left, so a create can tell "nothing was
 * sent" (unavailable) from "sent, answer lost" (outcome unknown).
 */
export function unsentAware(fetchFn: typeof fetch): typeof fetch {
  return async (input, init) => {
    const signal = input instanceof Request ? input.signal : init?.signal;
    // The deadline passed while waiting for a token: fetch would throw before connecting.
    if (signal?.aborted) throw new NotSentError('timeout', signal.reason);
    try {
      return await fetchFn(input, init);
    } catch (e) {
      if (neverConnected(e)) throw new NotSentError('network', e);
      throw e;
    }
  };
}
