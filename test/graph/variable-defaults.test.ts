// The three documents of issue 14, through the gateway as `npm start` composes it (queries run
// compiled): a variable with a default may be omitted, whatever its type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

describe('variables with defaults, omitted', () => {
  it('ID! = "1" picks order 1', async () => {
    const r = await gw.gql('query Q($id: ID! = "1") { order(id: $id) { id } }');
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ order: { id: '1' } });
  });

  it('Int! = 2 pages two orders', async () => {
    const r = await gw.gql<{ orders: { totalCount: number; nodes: unknown[] } }>('query Q($n: Int! = 2) { orders(first: $n) { totalCount nodes { id } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data!.orders.nodes).toHaveLength(2);
  });

  it('Boolean! = true drives @skip, and a given value wins', async () => {
    const query = 'query Q($s: Boolean! = true) { orders(first: 2) { totalCount nodes @skip(if: $s) { id } } }';
    const skipped = await gw.gql<{ orders: Record<string, unknown> }>(query);
    expect(skipped.errors).toBeUndefined();
    expect(Object.keys(skipped.data!.orders)).toEqual(['totalCount']);
    const kept = await gw.gql<{ orders: Record<string, unknown> }>(query, { s: false });
    expect(Object.keys(kept.data!.orders)).toEqual(['totalCount', 'nodes']);
  });

  it('null given for a non-null variable with a default is still an error, with its name', async () => {
    const r = await gw.gql('query Q($id: ID! = "1") { order(id: $id) { id } }', { id: null });
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.message).toBe('Variable "$id" of non-null type "ID!" must not be null.');
  });

  it('a document of two operations runs the one named, each time', async () => {
    const doc = 'query A { order(id: "1") { id } } query B { orders(first: 1) { totalCount } }';
    const a = await gw.yoga.fetch('http://gateway.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: doc, operationName: 'A' }) });
    const b = await gw.yoga.fetch('http://gateway.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: doc, operationName: 'B' }) });
    expect(((await a.json()) as { data: object }).data).toEqual({ order: { id: '1' } });
    expect(Object.keys(((await b.json()) as { data: object }).data)).toEqual(['orders']);
  });
});

describe('which variable types the compiled path takes (roundTrips)', () => {
  it('every input type of the schema, and the custom scalars are idempotent as claimed', async () => {
    const { GraphQLScalarType, isInputType } = await import('graphql');
    const { buildSchema } = await import('../../src/graph/schema.js');
    const { roundTrips } = await import('../../src/graph/jit.js');
    const { DateScalar, DateTimeScalar } = await import('../../src/graph/scalars.js');
    const schema = buildSchema();
    for (const type of Object.values(schema.getTypeMap())) if (isInputType(type) && !type.name.startsWith('__')) expect(roundTrips(type), type.name).toBe(true);
    for (const v of ['2026-02-02', '2024-02-29']) expect(DateScalar.parseValue(DateScalar.parseValue(v))).toBe(DateScalar.parseValue(v));
    for (const v of ['2026-02-02T13:45:53Z', '2026-02-02 13:45:53', '2026-02-02T15:45:53.123+02:00']) {
      expect(DateTimeScalar.parseValue(DateTimeScalar.parseValue(v))).toBe(DateTimeScalar.parseValue(v));
    }
    // A custom scalar not known to be idempotent keeps the standard executor.
    expect(roundTrips(new GraphQLScalarType({ name: 'Money', parseValue: (v) => Math.round(Number(v) * 100) }))).toBe(false);
  });
});
