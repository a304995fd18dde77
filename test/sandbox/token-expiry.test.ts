import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { api, decodeJwtPart, postAuth, sleep } from './helpers.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ tokenLifetimeSeconds: 1 });
});
afterAll(() => sandbox.close());

it('honours tokenLifetimeSeconds: the token works at once and is refused as expired after it', async () => {
  const { body } = await postAuth(sandbox, sandbox.credentials);
  expect(body.expires_in).toBe(1);
  expect(decodeJwtPart(body.token.split('.')[1]).exp).toBe(body.expires_at);
  const client = api(sandbox, body.token as string);
  expect((await client.get('/orders?limit=1')).status).toBe(200);
  // Lifetime is rounded to whole seconds (1 ± 0.5 s); wait past the far end.
  await sleep(Math.max(0, body.expires_at * 1000 - Date.now()) + 100);
  const expired = await client.get('/orders?limit=1');
  expect(expired.status).toBe(401);
  expect(expired.body).toEqual({ success: false, error: 'unauthorized', message: 'Token expired' });
});
