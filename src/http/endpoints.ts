// Operator endpoints beside /graphql: /readiness (the injected checks; never calls Clopos itself)
// and /metrics (Prometheus text, behind METRICS_TOKEN when set). /health is Yoga's liveness check.
import { timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { GatewayMetrics } from '../observability/metrics.js';
import { digestOf } from './request-state.js';

/** One readiness condition, e.g. `breaker` (closed) or `redis` (reachable). */
export interface ReadinessCheck {
  name: string;
  check(): boolean | Promise<boolean>;
}

const CHECK_TIMEOUT_MS = 2000;

async function run(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve().then(() => check.check()),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function useOperatorEndpoints(options: { metrics: GatewayMetrics; metricsToken?: string; readiness: () => ReadinessCheck[] }): Plugin {
  const tokenDigest = options.metricsToken ? digestOf(options.metricsToken) : undefined;
  const json = (fetchAPI: { Response: typeof Response }, status: number, body: unknown) =>
    new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname === '/readiness') {
        const checks = options.readiness();
        const results = await Promise.all(checks.map(run));
        const ready = results.every(Boolean);
        endResponse(
          json(fetchAPI, ready ? 200 : 503, {
            status: ready ? 'ready' : 'not ready',
            checks: Object.fromEntries(checks.map((c, i) => [c.name, results[i] ? 'ok' : 'failing'])),
          }),
        );
      } else if (url.pathname === '/metrics') {
        if (tokenDigest) {
          const match = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '');
          if (!match || !timingSafeEqual(digestOf(match[1]!), tokenDigest)) {
            endResponse(
              new fetchAPI.Response('A valid metrics token is required: Authorization: Bearer <METRICS_TOKEN>.\n', {
                status: 401,
                headers: { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' },
              }),
            );
            return;
          }
        }
        endResponse(
          new fetchAPI.Response(await options.metrics.registry.metrics(), {
            headers: { 'content-type': options.metrics.registry.contentType, 'cache-control': 'no-store' },
          }),
        );
      }
    },
  };
}
