// A bounded, seeded fuzz: malformed JSON, malformed GraphQL, deep, wide and aliased queries, huge
// variables and wrong types. Every answer must be a 4xx or a GraphQL error (never a 5xx), arrive
// in time, leave the gateway serving, and memory must stay bounded.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LIMITS } from '../../src/http/limits.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

let gw: TestGateway;
const KEY = { authorization: 'Bearer fuzz-key' };
const ROUNDS = 300;

beforeAll(async () => {
  gw = await startTestGateway({ gateway: { apiKeys: ['fuzz-key'], maxBodyBytes: 262_144 } });
});
afterAll(() => gw.close());

/** mulberry32: the same sequence on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = ['{', '}', '(', ')', 'orders', 'order', 'first:', '1', '"x"', '$v', '...', 'on', 'Order', 'nodes', 'id', '@include', 'query', 'mutation', 'cancelOrder', ':', '!', '[', ']', '#', '"""', '\\u0000', 'createOrder', 'input:'];

function body(random: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const n = (max: number) => 1 + Math.floor(random() * max);
  const kinds = [
    // malformed JSON
    () => pick(['{', '{"query":', '{"query": "{ orders', 'null', '[]', '"text"', '{"query": 1}', '{"query": {"a": 1}}', '\u0000\u0001', '{"query":"{__typename}"}}', '{"variables": "x"}']),
    // random token soup
    () => JSON.stringify({ query: Array.from({ length: n(60) }, () => pick(FRAGMENTS)).join(' ') }),
    // deep (invalid) nesting
    () => JSON.stringify({ query: `{ orders { nodes { ${'customer { '.repeat(n(400))}name${' }'.repeat(n(400))} } } }` }),
    // unbalanced deep nesting
    () => JSON.stringify({ query: '{'.repeat(n(5000)) }),
    // wide
    () => JSON.stringify({ query: `{ orders(first: 1) { nodes { ${'id '.repeat(n(5000))} } } }` }),
    // aliased root fields
    () => JSON.stringify({ query: `{ ${Array.from({ length: n(200) }, (_, i) => `a${i}: order(id: "${i}") { id }`).join(' ')} }` }),
    // fragment cycles
    () => JSON.stringify({ query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }),
    // huge variables
    () => JSON.stringify({ query: 'query ($id: ID!) { order(id: $id) { id } }', variables: { id: 'x'.repeat(n(200_000)) } }),
    () => JSON.stringify({ query: 'query ($f: OrderFilter) { orders(first: 1, filter: $f) { totalCount } }', variables: { f: { status: 'RECEIVED', extra: Array.from({ length: n(5000) }, (_, i) => i) } } }),
    // wrong types
    () =>
      JSON.stringify({
        query: 'query ($n: Int, $a: String) { orders(first: $n, after: $a) { totalCount } }',
        variables: { n: pick(['ten', 1e30, -5, 1.5, true, [], {}, null, 0, 101]), a: pick([5, 'not-a-cursor', '', '%%%', {}]) },
      }),
    () => JSON.stringify({ query: `{ order(id: ${pick(['1', '"-1"', '"abc"', '"99999999999999999999"', 'true', '[1]', '""'])}) { id } }` }),
    () => JSON.stringify({ query: 'mutation ($i: CreateOrderInput!) { createOrder(input: $i) { userErrors { code } } }', variables: { i: pick([{}, [], 'x', { venueId: 1, lines: 'x' }, null]) } }),
    // a well-formed but odd operation name
    () => JSON.stringify({ query: '{ __typename }', operationName: pick(['Nope', '', 'x'.repeat(10_000), null, 5]) }),
  ];
  return pick(kinds)();
}

it(`answers ${ROUNDS} malformed or abusive requests with 4xx or GraphQL errors, never a 5xx or a hang, memory bounded`, async () => {
  const random = prng(7);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const statuses = new Map<number, number>();
  for (let i = 0; i < ROUNDS; i++) {
    const payload = body(random);
    const started = performance.now();
    const response = await gw.yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...KEY },
      body: payload,
    });
    const text = await response.text();
    const ms = performance.now() - started;
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const context = `${response.status} for ${payload.slice(0, 120)}`;
    expect(response.status, context).toBeLessThan(500);
    expect(ms, context).toBeLessThan(5000);
    if (response.status === 200) {
      const result = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
      // A 200 is either data or GraphQL errors (the fuzz may also hit valid queries).
      expect(result.data !== undefined || (result.errors?.length ?? 0) > 0, context).toBe(true);
    } else if (response.status !== 413) {
      expect(text, context).toMatch(/"errors"/);
    }
  }
  // Never more Clopos calls than the limits allow per request.
  expect(gw.upstreamCalls().length).toBeLessThanOrEqual(ROUNDS * (LIMITS.upstreamCalls + 1));
  global.gc?.();
  const grownMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  expect(grownMb).toBeLessThan(150);
  // Still serving.
  const ok = await gw.gql('{ orders(first: 1) { totalCount } }', undefined, KEY);
  expect(ok.status).toBe(200);
  expect(ok.errors).toBeUndefined();
  expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
}, 60_000);
