// GET /schema.graphql: the SDL frontends generate their types from, behind the same key as /graphql.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const KEY = 'codegen-key-0123456789';
let keyed: TestGateway;
let hidden: TestGateway;

beforeAll(async () => {
  [keyed, hidden] = await Promise.all([
    startTestGateway({ gateway: { apiKeys: [`ci:${KEY}:read`] } }),
    startTestGateway({ gateway: { introspection: false } }),
  ]);
});
afterAll(async () => {
  await Promise.all([keyed?.close(), hidden?.close()]);
});

describe('GET /schema.graphql', () => {
  it('serves the schema as SDL to a caller with a key: the same text as `npm run schema:sdl`', async () => {
    const response = await keyed.yoga.fetch('http://gateway.test/schema.graphql', { headers: { authorization: `Bearer ${KEY}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const sdl = await response.text();
    expect(sdl).toContain('type Subscription');
    // schema/snapshot/schema.graphql is written the same way (sorted), and schema:check keeps it current.
    expect(sdl).toBe(readFileSync(new URL('../../schema/snapshot/schema.graphql', import.meta.url), 'utf8'));
  });

  it('refuses a caller without a valid key with UNAUTHENTICATED', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-key-0000000000' }]) {
      const response = await keyed.yoga.fetch('http://gateway.test/schema.graphql', { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('is not published when introspection is off (GATEWAY_INTROSPECTION=false)', async () => {
    const response = await hidden.yoga.fetch('http://gateway.test/schema.graphql');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('type Order');
  });
});
