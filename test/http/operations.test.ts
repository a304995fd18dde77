// Operator endpoints: /metrics (content, METRICS_TOKEN), /readiness (injected checks, never
// Clopos), /health, and the request id on responses.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReadinessCheck } from '../../src/http/endpoints.js';
import { cloposRoute } from '../../src/observability/clopos-fetch.js';
import { createMetrics, type GatewayMetrics } from '../../src/observability/metrics.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { captureLogs } from '../support/logs.js';

let gw: TestGateway;
let metrics: GatewayMetrics;
let breakerClosed = true;
let broken = false;
// Injected after the app's own checks (accepting, breaker).
const readiness: ReadinessCheck[] = [
  { name: 'dependency', check: () => (broken ? Promise.reject(new Error('down')) : breakerClosed) },
  { name: 'redis', check: () => Promise.resolve(true) },
];
const logs = captureLogs();
const KEY = { authorization: 'Bearer ops-key' };

beforeAll(async () => {
  metrics = createMetrics();
  // Through createApp, as main.ts: the innermost fetch (instrumentFetch) counts what Clopos receives.
  gw = await startTestGateway({
    gateway: { apiKeys: ['ops:ops-key'] },
    config: { metricsToken: 'scrape-token', logLevel: 'debug' },
    deps: { metrics, logger: logs.logger, gateway: { readiness } },
  });
});
afterAll(() => gw.close());
beforeEach(() => gw.sandbox.control.clearRequests());

const get = (path: string, headers: Record<string, string> = {}) => gw.yoga.fetch(`http://gateway.test${path}`, { headers });

describe('/metrics', () => {
  it('needs METRICS_TOKEN when set', async () => {
    expect((await get('/metrics')).status).toBe(401);
    expect((await get('/metrics', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get('/metrics', { authorization: 'Bearer scrape-token' })).status).toBe(200);
  });

  it('counts operations by name and outcome, Clopos calls by route and status with latency, and what the shield reports', async () => {
    await gw.gql('query Board { orders(first: 2) { totalCount } }', undefined, KEY);
    await gw.gql('query One { order(id: "1") { id status } }', undefined, KEY);
    await gw.gql('query Broken { nope }', undefined, KEY);
    metrics.shield.cacheLookup('order', true);
    metrics.shield.cacheLookup('order', false);
    metrics.shield.breakerState('open');
    metrics.shield.budgetRemaining(42);
    const response = await get('/metrics', { authorization: 'Bearer scrape-token' });
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('graphql_operations_total{operation="Board",outcome="ok"} 1');
    expect(text).toContain('graphql_operations_total{operation="One",outcome="ok"} 1');
    expect(text).toContain('graphql_operations_total{operation="Broken",outcome="invalid"} 1');
    expect(text).toMatch(/clopos_requests_total\{method="GET",route="\/orders",status="200"\} \d+/);
    expect(text).toMatch(/clopos_requests_total\{method="GET",route="\/orders\/\{id\}",status="200"\} 1/);
    expect(text).toMatch(/clopos_request_duration_seconds_bucket\{le="[\d.]+",method="GET",route="\/orders\/\{id\}",status="200"\} 1/);
    expect(text).toContain('gateway_cache_lookups_total{cache="order",result="hit"} 1');
    expect(text).toContain('clopos_breaker_state 2');
    expect(text).toContain('clopos_budget_remaining 42');
    expect(text).not.toContain('ops-key');
  });

  it('keeps operation-name labels bounded whatever callers send', async () => {
    for (let i = 0; i < 250; i++) metrics.operation(`Op${i}`, 'ok');
    metrics.operation('bad name; drop table', 'ok');
    const text = await (await get('/metrics', { authorization: 'Bearer scrape-token' })).text();
    expect(text).toContain('operation="other"');
    expect(text).toContain('operation="invalid_name"');
    expect(text.match(/graphql_operations_total\{/g)!.length).toBeLessThanOrEqual(210);
  });

  it('names Clopos routes by the operation table, without ids or query strings; an unknown route is an error', () => {
    expect(cloposRoute('GET', 'https://x.test/open-api/v2/orders/152?with[0]=receipt')).toBe('/orders/{id}');
    expect(cloposRoute('GET', 'https://x.test/open-api/v2/orders?page=1')).toBe('/orders');
    expect(cloposRoute('POST', 'https://x.test/open-api/v2/auth')).toBe('/auth');
    expect(() => cloposRoute('GET', 'https://x.test/open-api/v2/whatever/1')).toThrow(/No Clopos operation is GET/);
  });
});

describe('/readiness and /health', () => {
  it('is ready when every injected check passes, not ready (503) when one fails, and never calls Clopos', async () => {
    const ready = await get('/readiness');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { accepting: 'ok', breaker: 'ok', dependency: 'ok', redis: 'ok' } });
    breakerClosed = false;
    const notReady = await get('/readiness');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not ready', checks: { accepting: 'ok', breaker: 'ok', dependency: 'failing', redis: 'ok' } });
    breakerClosed = true;
    expect((await get('/health')).status).toBe(200);
    expect(gw.upstreamCalls()).toHaveLength(0);
  });

  it('counts a check that throws or hangs as failing', async () => {
    broken = true;
    try {
      expect((await get('/readiness')).status).toBe(503);
    } finally {
      broken = false;
    }
  });
});

describe('request ids', () => {
  it('answers with x-request-id, keeping a caller-given one, and logs it with the Clopos call at debug', async () => {
    logs.clear();
    const response = await gw.yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'abc-123', ...KEY },
      body: JSON.stringify({ query: '{ order(id: "2") { id } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('abc-123');
    const lines = logs.lines();
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'clopos call', requestId: 'abc-123', route: '/orders/{id}', status: '200' }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'request', requestId: 'abc-123', keyName: 'ops', status: 200 }));
    const generated = await gw.yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad id with spaces', ...KEY },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
