// The shield is POS-neutral: a second upstream brings its own operation table and client, and
// gets caching, coalescing and write invalidation from the table alone (no Clopos code involved).
import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../src/shield/breaker.js';
import { Budget, MemoryBudgetStore } from '../../src/shield/budget.js';
import { Coalescer } from '../../src/shield/coalescing.js';
import { MemoryGetCache } from '../../src/shield/get-cache.js';
import { shieldApi } from '../../src/shield/shielded-api.js';
import { shieldTransport } from '../../src/shield/transport.js';
import type { Callable, OperationApi, OperationInfo, OperationLookup } from '../../src/upstreams/operation.js';

type Thing = { id: string; name: string };
const op = <I, O>(spec: Omit<OperationInfo, 'name'>) => spec as Omit<OperationInfo, 'name'> & Callable<I, O>;

// A made-up POS with string ids: one cacheable read, one write that makes it stale.
const TOY = {
  getThing: op<{ id: string }, Thing | null>({
    route: '/things/{id}',
    method: 'GET',
    idempotent: true,
    cache: { name: 'thing', tags: (input: { id: string }) => [`thing:${input.id}`] },
    budgeted: true,
    cost: 1,
  }),
  renameThing: op<Thing, Thing>({
    route: '/things/{id}',
    method: 'POST',
    idempotent: false,
    drops: (input: Thing) => [`thing:${input.id}`],
    budgeted: true,
    cost: 1,
  }),
};

const TOY_LOOKUP: OperationLookup = {
  operationSpec: (name) => ({ name, ...TOY[name as keyof typeof TOY] }),
  operationFor: (method, path) => {
    if (/\/things\/[^/]+$/.test(path)) return method === 'GET' ? 'getThing' : 'renameThing';
    throw new Error(`unknown toy route ${method} ${path}`);
  },
};

function toyUpstream() {
  const things = new Map<string, Thing>([['AB12CD34EF56G', { id: 'AB12CD34EF56G', name: 'old' }]]);
  const sent: string[] = [];
  const api: OperationApi<typeof TOY> = {
    async call(name, input) {
      sent.push(name);
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (name === 'getThing') return (things.get((input as { id: string }).id) ?? null) as never;
      const thing = input as Thing;
      things.set(thing.id, thing);
      return thing as never;
    },
  };
  return { api, sent };
}

describe('the shield over a second POS table', () => {
  it('caches and coalesces what the table marks cacheable, and a write drops what it names', async () => {
    const { api: inner, sent } = toyUpstream();
    const api = shieldApi({
      inner,
      operations: TOY_LOOKUP,
      identity: 'toy',
      coalescer: new Coalescer(),
      cache: new MemoryGetCache(),
      cacheTtlMs: 60_000,
      resilience: { breaker: new CircuitBreaker(), deadline: () => Date.now() + 5000 },
    });
    const id = 'AB12CD34EF56G';
    const [a, b] = await Promise.all([api.call('getThing', { id }), api.call('getThing', { id })]);
    expect(a?.name).toBe('old');
    expect(b).toEqual(a);
    expect(await api.call('getThing', { id })).toEqual(a);
    expect(sent).toEqual(['getThing']);
    await api.call('renameThing', { id, name: 'new' });
    expect((await api.call('getThing', { id }))?.name).toBe('new');
    expect(sent).toEqual(['getThing', 'renameThing', 'getThing']);
  });

  it('gives the transport the table: known requests spend the budget, unknown ones never leave', async () => {
    let sent = 0;
    const budget = new Budget({ store: new MemoryBudgetStore(1) });
    const transport = shieldTransport(
      async () => {
        sent++;
        return new Response('{}');
      },
      { operations: TOY_LOOKUP, budget, deadline: () => Date.now() + 300 },
    );
    await expect(transport('http://127.0.0.1:9/v1/customers')).rejects.toThrow(/unknown toy route/);
    await transport('http://127.0.0.1:9/v1/things/AB12CD34EF56G');
    await expect(transport('http://127.0.0.1:9/v1/things/AB12CD34EF56G')).rejects.toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
    expect(sent).toBe(1);
  });
});
