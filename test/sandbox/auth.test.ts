import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { api, decodeJwtPart, postAuth, tokenFor } from './helpers.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('POST /auth', () => {
  it('serves under /open-api/v2 on loopback and accepts the default credentials', async () => {
    expect(sandbox.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open-api\/v2$/);
    expect(sandbox.credentials).toEqual(DEFAULT_CREDENTIALS);
    const { status, body } = await postAuth(sandbox, DEFAULT_CREDENTIALS);
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: true, token_type: 'Bearer', expires_in: 3600, message: 'Authentication successful' });
    const now = Date.now() / 1000;
    expect(body.expires_at).toBeGreaterThan(now + 3599);
    expect(body.expires_at).toBeLessThan(now + 3601);
  });

  it('issues an HS256 JWT whose claims mirror the docs and whose exp equals expires_at', async () => {
    const { body } = await postAuth(sandbox, sandbox.credentials);
    const parts = (body.token as string).split('.');
    expect(parts).toHaveLength(3);
    expect(decodeJwtPart(parts[0])).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwtPart(parts[1]);
    expect(claims).toMatchObject({ brand: 'sandbox', stage: 'sandbox', venue_id: 1, integrator_id: 'sandbox-integrator' });
    expect(claims.token).toMatch(/^oauth_[0-9a-f]+$/);
    expect(claims.exp).toBe(body.expires_at);
    expect(claims.exp).toBe((claims.iat as number) + 3600);
  });

  it('gives a different token on every call', async () => {
    expect(await tokenFor(sandbox)).not.toBe(await tokenFor(sandbox));
  });

  for (const field of ['client_id', 'client_secret', 'brand', 'integrator_id'] as const) {
    it(`answers 400 with the documented error when ${field} is missing`, async () => {
      const { [field]: _omitted, ...rest } = DEFAULT_CREDENTIALS;
      const { status, body } = await postAuth(sandbox, rest);
      expect(status).toBe(400);
      expect(body).toMatchObject({ success: false, error: 'Missing client_id, client_secret, brand, or integrator_id' });
      expect(typeof body.message).toBe('string');
    });

    it(`answers 401 when ${field} is wrong`, async () => {
      const { status, body } = await postAuth(sandbox, { ...DEFAULT_CREDENTIALS, [field]: 'wrong' });
      expect(status).toBe(401);
      expect(body).toMatchObject({ success: false, error: 'unauthorized' });
    });
  }

  it('treats an empty or non-JSON body as missing fields', async () => {
    expect((await postAuth(sandbox, '')).status).toBe(400);
    expect((await postAuth(sandbox, '{not json')).status).toBe(400);
    expect((await postAuth(sandbox, { ...DEFAULT_CREDENTIALS, brand: '' })).status).toBe(400);
  });

  it('sends the per-IP RateLimit headers on /auth (60 a minute by default)', async () => {
    const { headers } = await postAuth(sandbox, DEFAULT_CREDENTIALS);
    expect(headers.get('ratelimit-limit')).toBe('60');
    expect(Number(headers.get('ratelimit-remaining'))).toBeLessThan(60);
  });
});

describe('x-token on other routes', () => {
  const unauthorized = { success: false, error: 'unauthorized', message: 'Missing or invalid authentication headers' };

  it('answers 401 without an x-token', async () => {
    const response = await fetch(`${sandbox.baseUrl}/orders`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(unauthorized);
  });

  it('answers 401 for a token that is not a JWT', async () => {
    const { status, body } = await api(sandbox, 'not-a-token').get('/orders');
    expect(status).toBe(401);
    expect(body).toEqual(unauthorized);
  });

  it('answers 401 for a JWT whose claims were tampered with', async () => {
    const [header, , signature] = (await tokenFor(sandbox)).split('.');
    const forged = Buffer.from(JSON.stringify({ brand: 'other', integrator_id: 'x', iat: 1, exp: 9_999_999_999 })).toString('base64url');
    const { status } = await api(sandbox, `${header}.${forged}.${signature}`).get('/orders');
    expect(status).toBe(401);
  });

  it('does not accept the token as Authorization: Bearer', async () => {
    const token = await tokenFor(sandbox);
    const response = await fetch(`${sandbox.baseUrl}/orders`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
  });

  it('accepts a fresh token in x-token', async () => {
    const { status, body } = await api(sandbox, await tokenFor(sandbox)).get('/orders?limit=1');
    expect(status).toBe(200);
    expect(body.success).toBe(true);
  });

  it('answers 404 JSON outside the API base and for unknown API routes', async () => {
    const outside = await fetch(`${new URL(sandbox.baseUrl).origin}/open-api/v1/orders`);
    expect(outside.status).toBe(404);
    const { status, body } = await api(sandbox, await tokenFor(sandbox)).get('/venues-that-do-not-exist');
    expect(status).toBe(404);
    expect(body).toMatchObject({ success: false, error: 'not_found' });
  });
});
