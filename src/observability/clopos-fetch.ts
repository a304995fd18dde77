// The innermost layer around Clopos's HTTP: every real call (token renewals and retries included)
// is counted and timed by route and status, logged at debug with the request id, and traced as a
// client span when tracing is on. The quota shield wraps this, never the other way round, so the
// metrics count what Clopos actually received.
import { operationFor, operationSpec } from '../upstreams/clopos/operations.js';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { currentScope } from '../request-scope.js';
import type { Logger } from './logger.js';
import type { GatewayMetrics } from './metrics.js';

/**
 * `GET /orders/152?page=1` → `/orders/{id}`: the operation table's route, a bounded label with no ids
 * or queries. A request the table does not know throws (UnknownRoute): never a silent `other`.
 */
export function cloposRoute(method: string, url: string): string {
  return operationSpec(operationFor(method, new URL(url).pathname)).route;
}

export function instrumentFetch(
  inner: typeof fetch,
  deps: { baseUrl: string; metrics: GatewayMetrics; logger: Logger },
): typeof fetch {
  const tracer = trace.getTracer('clopos-graphql');
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = (input instanceof Request ? input.method : init?.method) ?? 'GET';
    const route = cloposRoute(method, url);
    const started = performance.now();
    const span = tracer.startSpan(`clopos ${method} ${route}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'http.method': method, 'http.route': route },
    });
    let status = 'error';
    try {
      const response = await inner(input, init);
      status = String(response.status);
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return response;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      span.end();
      deps.metrics.cloposCall(method, route, status, seconds);
      deps.logger.debug(
        { requestId: currentScope()?.requestId, method: method, route, status, ms: Math.round(seconds * 1000) },
        'clopos call',
      );
    }
  };
}
