import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { createTokenSource, isUpstreamError } from '../../../src/upstreams/clopos/rest.js';
import type { paths } from '../../../src/upstreams/clopos/types.js';
import { BASE_URL, CREDENTIALS, caught, fakeClopos, json } from './fake-clopos.js';

function source(fake: ReturnType<typeof fakeClopos>, now: () => number, renewMarginSeconds?: number) {
  return createTokenSource({
    http: createClient<paths>({ baseUrl: BASE_URL, fetch: fake.fetch }),
    credentials: CREDENTIALS,
    timeoutMs: 1000,
    now,
    ...(renewMarginSeconds === undefined ? {} : { renewMarginSeconds }),
  });
}

describe('token source', () => {
  it('clamps the margin to half the lifetime of a short-lived token', async () => {
    let clock = 1_767_852_000_000;
    const fake = fakeClopos({
      auth: (_req, n) => json({ success: true, token: `tok-${n}`, expires_in: 30, expires_at: clock / 1000 + 30 }),
    });
    const tokens = source(fake, () => clock, 60);
    expect(await tokens.token()).toBe('tok-1');
    clock += 14_000;
    expect(await tokens.token()).toBe('tok-1');
    clock += 2_000;
    expect(await tokens.token()).toBe('tok-2');
  });

  it('uses expires_at even without expires_in', async () => {
    let clock = 1_767_852_000_000;
    const fake = fakeClopos({ auth: (_req, n) => json({ success: true, token: `tok-${n}`, expires_at: clock / 1000 + 3600 }) });
    const tokens = source(fake, () => clock);
    await tokens.token();
    clock += 3539_000;
    expect(await tokens.token()).toBe('tok-1');
    clock += 2_000;
    expect(await tokens.token()).toBe('tok-2');
  });

  it('falls back to expires_in when expires_at is already past on arrival (clock skew)', async () => {
    let clock = 1_767_852_000_000;
    const fake = fakeClopos({
      auth: (_req, n) => json({ success: true, token: `tok-${n}`, expires_in: 3600, expires_at: clock / 1000 - 10 }),
    });
    const tokens = source(fake, () => clock);
    await tokens.token();
    clock += 1000_000;
    expect(await tokens.token()).toBe('tok-1');
    expect(fake.authCalls()).toHaveLength(1);
  });

  it('invalidate drops only the current token', async () => {
    const fake = fakeClopos();
    const tokens = source(fake, Date.now);
    expect(await tokens.token()).toBe('tok-1');
    tokens.invalidate('tok-0');
    expect(await tokens.token()).toBe('tok-1');
    tokens.invalidate('tok-1');
    expect(await tokens.token()).toBe('tok-2');
    tokens.invalidate('tok-1');
    expect(await tokens.token()).toBe('tok-2');
    expect(fake.authCalls()).toHaveLength(2);
  });

  it('does not cache a failed /auth', async () => {
    const fake = fakeClopos({ auth: (_req, n) => (n === 1 ? json({ success: false, message: 'down' }, 503) : json({ success: true, token: 'ok', expires_in: 3600, expires_at: Date.now() / 1000 + 3600 })) });
    const tokens = source(fake, Date.now);
    const e = await caught(tokens.token());
    expect(isUpstreamError(e) && e.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(await tokens.token()).toBe('ok');
  });

  it('concurrent waiters share one failing /auth and all see the error', async () => {
    const fake = fakeClopos({ auth: () => json({ success: false, message: 'no' }, 401) });
    const tokens = source(fake, Date.now);
    const errors = await Promise.all([1, 2, 3].map(() => caught(tokens.token())));
    expect(errors.every((e) => isUpstreamError(e) && e.code === 'UPSTREAM_AUTH_FAILED')).toBe(true);
    expect(fake.authCalls()).toHaveLength(1);
  });

  it('treats a success without a token as malformed, not as an auth failure', async () => {
    const fake = fakeClopos({ auth: () => json({ success: true, expires_at: Date.now() / 1000 + 3600 }) });
    const e = await caught(source(fake, Date.now).token());
    expect(isUpstreamError(e) && [e.code, e.reason]).toEqual(['UPSTREAM_UNAVAILABLE', 'malformed']);
  });
});
