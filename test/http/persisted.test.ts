import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPersistedDocuments, PERSISTED_DOCUMENTS_PATH } from '../../src/http/persisted.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const manifest = JSON.parse(readFileSync(PERSISTED_DOCUMENTS_PATH, 'utf8')) as Record<string, string>;
const hashOf = (name: string) => {
  const entry = Object.entries(manifest).find(([, document]) => new RegExp(`(query|mutation) ${name}\\b`).test(document));
  if (!entry) throw new Error(`${name} is not in the manifest`);
  return entry[0].replace(/^sha256:/, '');
};

type Body = { data?: { orders?: { nodes: unknown[] } } | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };

async function send(gw: TestGateway, body: Record<string, unknown>) {
  const response = await gw.yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

const byHash = (name: string, variables: Record<string, unknown>) => ({
  operationName: name,
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(name) } },
});

describe('the persisted documents manifest', () => {
  it('keys every document by the sha256 of its text, for the nine client operations', () => {
    expect(Object.values(manifest).map((d) => /(?:query|mutation|subscription) (\w+)/.exec(d)?.[1]).sort()).toEqual([
      'CancelOrder',
      'CreateOrder',
      'FindCaller',
      'Menu',
      'OrderBoard',
      'OrderChanges',
      'OrderDetail',
      'SaleTypes',
      'Venues',
    ]);
    for (const [key, document] of Object.entries(manifest)) {
      expect(key).toBe(`sha256:${createHash('sha256').update(document).digest('hex')}`);
    }
    expect(loadPersistedDocuments().size).toBe(9);
  });
});

describe('GATEWAY_PERSISTED_ONLY=true', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ gateway: { persistedOnly: true } });
  });
  afterAll(() => gw.close());

  it('runs a manifest operation sent by its hash alone', async () => {
    const { status, body } = await send(gw, byHash('OrderBoard', { first: 3, filter: { status: 'PENDING' } }));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.orders?.nodes).toHaveLength(3);
  });

  it('refuses query text with PERSISTED_QUERY_ONLY and a message that says what to send, calling Clopos not at all', async () => {
    gw.sandbox.control.clearRequests();
    const { status, body } = await send(gw, { query: '{ orders(first: 1) { totalCount } }' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    expect(body.errors?.[0]?.message).toContain('persistedQuery.sha256Hash');
    expect(gw.upstreamCalls()).toHaveLength(0);
  });

  it('refuses an unknown hash with PERSISTED_QUERY_NOT_FOUND', async () => {
    const { status, body } = await send(gw, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('by default (GATEWAY_PERSISTED_ONLY unset)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  it('runs query text, as GraphiQL sends it', async () => {
    const { status, body } = await send(gw, { query: '{ orders(first: 2) { nodes { id } } }' });
    expect(status).toBe(200);
    expect(body.data?.orders?.nodes).toHaveLength(2);
  });

  it('also runs manifest operations by hash, so a client can send hashes whichever mode the gateway is in', async () => {
    const { status, body } = await send(gw, byHash('OrderBoard', { first: 2 }));
    expect(status).toBe(200);
    expect(body.data?.orders?.nodes).toHaveLength(2);
  });
});
