import { describe, expect, it } from 'vitest';
import { isUpstreamError, type UpstreamError } from '../../../src/upstreams/clopos/rest.js';
import type { ClopCreateOrderRequest } from '../../../src/upstreams/clopos/types.js';
import { BASE_URL, CREDENTIALS, caught, clientOn, fakeClopos, json, order } from './fake-clopos.js';

const NEW_ORDER: ClopCreateOrderRequest = {
  sale_type_id: 2,
  venue_id: 1,
  customer: { id: 0, phone: '+994705401040', name: 'Rahid' },
  products: [{ product_id: 101, product_name: 'Pizza', count: 2, price: 8.5, portion_size: 1, status: 'new' }],
  auto_order_accept: false,
  auto_order_sent_to_station: false,
};

async function upstreamError(promise: Promise<unknown>): Promise<UpstreamError> {
  const e = await caught(promise);
  if (!isUpstreamError(e)) throw new Error(`expected an UpstreamError, got ${String(e)}`);
  return e;
}

describe('listOrders', () => {
  it('sends the bracket query, x-token and x-venue, and reads total', async () => {
    const fake = fakeClopos({ data: () => json({ success: true, data: [order(1), order(2)], total: 196 }) });
    const page = await clientOn(fake).call('listOrders', {
      page: 2,
      limit: 2,
      status: 'PENDING',
      filters: [['id', [1, 2]]],
      withReceipt: true,
      venueId: '7',
    });
    expect(page.total).toBe(196);
    expect(page.orders.map((o) => o.id)).toEqual([1, 2]);
    const [call] = fake.dataCalls();
    expect(call?.method).toBe('GET');
    expect(call?.path).toBe('/orders');
    expect(call?.rawQuery).toBe(
      'page=2&limit=2&status=PENDING&filters[0][0]=id&filters[0][1][0]=1&filters[0][1][1]=2' +
        '&with[0]=receipt%3Aid%2Cservice_notification_id%2Cstatus',
    );
    expect(call?.headers.get('x-token')).toBe('tok-1');
    expect(call?.headers.get('x-venue')).toBe('7');
    expect(call?.headers.get('authorization')).toBeNull();
  });

  it('sends no x-venue when no venue is given', async () => {
    const fake = fakeClopos();
    await clientOn(fake).call('listOrders', { page: 1, limit: 20 });
    expect(fake.dataCalls()[0]?.headers.has('x-venue')).toBe(false);
  });

  it('reads total from a legacy pagination object, else counts the page', async () => {
    const legacy = fakeClopos({ data: () => json({ success: true, data: [order(1)], pagination: { page: 1, total: 41 } }) });
    expect((await clientOn(legacy).call('listOrders', { page: 1, limit: 1 })).total).toBe(41);
    const bare = fakeClopos({ data: () => json({ success: true, data: [order(1), order(2)] }) });
    expect((await clientOn(bare).call('listOrders', { page: 1, limit: 5 })).total).toBe(2);
  });

  it('turns a 200 with success:false into UPSTREAM_UNAVAILABLE', async () => {
    const fake = fakeClopos({ data: () => json({ success: false, error: 'oops', message: 'Something' }) });
    const e = await upstreamError(clientOn(fake).call('listOrders', { page: 1, limit: 1 }));
    expect(e.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(e.reason).toBe('unsuccessful');
  });

  it('turns a body that is not the envelope into UPSTREAM_UNAVAILABLE malformed', async () => {
    const fake = fakeClopos({ data: () => json({ success: true, data: { not: 'a list' } }) });
    const e = await upstreamError(clientOn(fake).call('listOrders', { page: 1, limit: 1 }));
    expect([e.code, e.reason]).toEqual(['UPSTREAM_UNAVAILABLE', 'malformed']);
  });
});

describe('getOrder', () => {
  it('asks for the receipt with with[0] only when wanted', async () => {
    const fake = fakeClopos({ data: (req) => json({ success: true, data: order(Number(req.path.split('/')[2])) }) });
    const client = clientOn(fake);
    expect((await client.call('getOrder', { id: 12, withReceipt: true, venueId: '3' }))?.id).toBe(12);
    await client.call('getOrder', { id: 13 });
    const [first, second] = fake.dataCalls();
    expect(first?.path).toBe('/orders/12');
    expect(first?.rawQuery).toBe('with[0]=receipt%3Aid%2Cservice_notification_id%2Cstatus');
    expect(first?.headers.get('x-venue')).toBe('3');
    expect(second?.path).toBe('/orders/13');
    expect(second?.rawQuery).toBe('');
  });

  it('returns null when Clopos answers 404', async () => {
    const fake = fakeClopos({ data: () => json({ success: false, error: 'not_found', message: 'Order not found' }, 404) });
    expect(await clientOn(fake).call('getOrder', { id: 999 })).toBeNull();
  });
});

describe('token lifecycle', () => {
  it('posts the credentials to /auth once and reuses the token across calls', async () => {
    const fake = fakeClopos();
    const client = clientOn(fake);
    await client.call('listOrders', { page: 1, limit: 1 });
    await client.call('getOrder', { id: 1 }).catch(() => undefined);
    await client.call('listOrders', { page: 2, limit: 1 });
    expect(fake.authCalls()).toHaveLength(1);
    const auth = fake.authCalls()[0];
    expect(auth?.method).toBe('POST');
    expect(auth?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(auth?.body ?? '')).toEqual({
      client_id: CREDENTIALS.clientId,
      client_secret: CREDENTIALS.clientSecret,
      brand: CREDENTIALS.brand,
      integrator_id: CREDENTIALS.integratorId,
    });
    expect(auth?.headers.has('x-token')).toBe(false);
    expect(fake.dataCalls().map((c) => c.headers.get('x-token'))).toEqual(['tok-1', 'tok-1', 'tok-1']);
  });

  it('renews a token that expires within the margin (30 s left, 60 s margin)', async () => {
    const fake = fakeClopos({
      auth: (_req, n) =>
        json({ success: true, token: `tok-${n}`, expires_in: 3600, expires_at: Math.floor(Date.now() / 1000) + (n === 1 ? 30 : 3600) }),
    });
    const client = clientOn(fake, { renewMarginSeconds: 60 });
    await client.call('listOrders', { page: 1, limit: 1 });
    await client.call('listOrders', { page: 1, limit: 1 });
    await client.call('listOrders', { page: 1, limit: 1 });
    expect(fake.authCalls()).toHaveLength(2);
    expect(fake.dataCalls().map((c) => c.headers.get('x-token'))).toEqual(['tok-1', 'tok-2', 'tok-2']);
  });

  it('keeps a token with 90 s left under a 60 s margin', async () => {
    const fake = fakeClopos({
      auth: (_req, n) =>
        json({ success: true, token: `tok-${n}`, expires_in: 3600, expires_at: Math.floor(Date.now() / 1000) + 90 }),
    });
    const client = clientOn(fake, { renewMarginSeconds: 60 });
    await client.call('listOrders', { page: 1, limit: 1 });
    await client.call('listOrders', { page: 1, limit: 1 });
    expect(fake.authCalls()).toHaveLength(1);
  });

  it('renews on the clock: reused until 60 s before expires_at, renewed after', async () => {
    let clock = Date.parse('2026-01-08T06:00:00Z');
    const fake = fakeClopos({
      auth: (_req, n) => json({ success: true, token: `tok-${n}`, expires_in: 3600, expires_at: clock / 1000 + 3600 }),
    });
    const client = clientOn(fake, { now: () => clock });
    await client.call('listOrders', { page: 1, limit: 1 });
    clock += 3600_000 - 61_000;
    await client.call('listOrders', { page: 1, limit: 1 });
    clock += 2_000; // 59 s left
    await client.call('listOrders', { page: 1, limit: 1 });
    expect(fake.dataCalls().map((c) => c.headers.get('x-token'))).toEqual(['tok-1', 'tok-1', 'tok-2']);
  });

  it('shares one /auth among concurrent first calls', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fake = fakeClopos({
      auth: async (_req, n) => {
        await gate;
        return json({ success: true, token: `tok-${n}`, expires_in: 3600, expires_at: Math.floor(Date.now() / 1000) + 3600 });
      },
    });
    const client = clientOn(fake);
    const calls = Array.from({ length: 5 }, (_, i) => client.call('listOrders', { page: i + 1, limit: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    await Promise.all(calls);
    expect(fake.authCalls()).toHaveLength(1);
    expect(fake.dataCalls().map((c) => c.headers.get('x-token'))).toEqual(Array(5).fill('tok-1'));
  });

  it('renews once and resends once on a 401', async () => {
    const fake = fakeClopos({
      data: (req) =>
        req.headers.get('x-token') === 'tok-1'
          ? json({ success: false, error: 'unauthorized', message: 'Token expired' }, 401)
          : json({ success: true, data: [order(5)], total: 1 }),
    });
    const page = await clientOn(fake).call('listOrders', { page: 1, limit: 1, status: 'IGNORE' });
    expect(page.orders[0]?.id).toBe(5);
    expect(fake.authCalls()).toHaveLength(2);
    const [first, resent] = fake.dataCalls();
    expect(fake.dataCalls()).toHaveLength(2);
    expect(resent?.rawQuery).toBe(first?.rawQuery);
    expect([first?.headers.get('x-token'), resent?.headers.get('x-token')]).toEqual(['tok-1', 'tok-2']);
  });

  it('resends a GET after a 401 with its query and venue header, only the token changed', async () => {
    const fake = fakeClopos({
      data: (req) =>
        req.headers.get('x-token') === 'tok-1'
          ? json({ success: false, error: 'unauthorized', message: 'Token expired' }, 401)
          : json({ success: true, data: order(12) }),
    });
    expect((await clientOn(fake).call('getOrder', { id: 12, withReceipt: true, venueId: '3' }))?.id).toBe(12);
    const [first, resent] = fake.dataCalls();
    expect(fake.dataCalls()).toHaveLength(2);
    expect([resent?.method, resent?.path, resent?.rawQuery]).toEqual([first?.method, first?.path, first?.rawQuery]);
    expect(resent?.headers.get('x-venue')).toBe('3');
    expect([first?.headers.get('x-token'), resent?.headers.get('x-token')]).toEqual(['tok-1', 'tok-2']);
  });

  it('renews once when concurrent calls all get a 401 on the same token', async () => {
    const fake = fakeClopos({
      data: (req) =>
        req.headers.get('x-token') === 'tok-1'
          ? json({ success: false, error: 'unauthorized', message: 'Invalid token' }, 401)
          : json({ success: true, data: [], total: 0 }),
    });
    const client = clientOn(fake);
    await client.call('listOrders', { page: 1, limit: 1 });
    await Promise.all([1, 2, 3].map((page) => client.call('listOrders', { page, limit: 1 })));
    expect(fake.authCalls()).toHaveLength(2);
  });

  it('resends a create after a 401 with the body intact', async () => {
    const fake = fakeClopos({
      data: (req) =>
        req.headers.get('x-token') === 'tok-1'
          ? json({ success: false, error: 'unauthorized', message: 'Token expired' }, 401)
          : json({ success: true, message: 'Order created', data: { status: 'PENDING', payload: { id: 295, venue_id: 1 } } }),
    });
    expect(await clientOn(fake).call('createOrder', NEW_ORDER)).toEqual({ id: 295, venueId: 1 });
    const posts = fake.dataCalls();
    expect(posts).toHaveLength(2);
    expect(posts.map((p) => JSON.parse(p.body))).toEqual([NEW_ORDER, NEW_ORDER]);
    expect(posts[1]?.headers.get('content-type')).toBe('application/json');
  });

  it('gives UPSTREAM_AUTH_FAILED when the 401 persists, after exactly two data calls', async () => {
    const fake = fakeClopos({ data: () => json({ success: false, error: 'unauthorized', message: 'Invalid token' }, 401) });
    const e = await upstreamError(clientOn(fake).call('getOrder', { id: 1 }));
    expect(e.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(e.status).toBe(401);
    expect(fake.dataCalls()).toHaveLength(2);
    expect(fake.authCalls()).toHaveLength(2);
  });

  it('gives UPSTREAM_AUTH_FAILED when /auth answers 200 with success:false, and asks again next time', async () => {
    const fake = fakeClopos({
      auth: (_req, n) =>
        n === 1
          ? json({ success: false, error: 'Integrator is in test mode. But brand is not in test mode', message: 'x' })
          : json({ success: true, token: 'tok-ok', expires_in: 3600, expires_at: Math.floor(Date.now() / 1000) + 3600 }),
    });
    const client = clientOn(fake);
    const e = await upstreamError(client.call('listOrders', { page: 1, limit: 1 }));
    expect(e.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(fake.dataCalls()).toHaveLength(0);
    await client.call('listOrders', { page: 1, limit: 1 });
    expect(fake.dataCalls()[0]?.headers.get('x-token')).toBe('tok-ok');
  });

  it.each([
    [400, 'UPSTREAM_AUTH_FAILED'],
    [401, 'UPSTREAM_AUTH_FAILED'],
    [429, 'UPSTREAM_RATE_LIMITED'],
    [500, 'UPSTREAM_UNAVAILABLE'],
  ] as const)('maps /auth HTTP %i to %s', async (status, code) => {
    const fake = fakeClopos({ auth: () => json({ success: false, error: 'Invalid integrator_id', message: 'no' }, status, { 'RateLimit-Reset': '17' }) });
    const e = await upstreamError(clientOn(fake).call('listOrders', { page: 1, limit: 1 }));
    expect(e.code).toBe(code);
    expect(e.status).toBe(status);
    expect(e.upstreamMessage).toBeUndefined();
    if (code === 'UPSTREAM_RATE_LIMITED') expect(e.retryAfterSeconds).toBe(17);
  });

  it('a createOrder whose /auth fails sends nothing', async () => {
    const fake = fakeClopos({ auth: () => json({ success: false, message: 'Client is disabled' }, 401) });
    const e = await upstreamError(clientOn(fake).call('createOrder', NEW_ORDER));
    expect(e.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(fake.dataCalls()).toHaveLength(0);
  });
});

describe('upstream errors on data routes', () => {
  it('maps 400 to UPSTREAM_BAD_REQUEST with Clopos error id and message kept apart', async () => {
    const fake = fakeClopos({
      data: () => json({ success: false, error: 'invalid_parameter', message: 'status must be one of PENDING, RECEIVED, IGNORE, DELIVERED' }, 400),
    });
    const e = await upstreamError(clientOn(fake).call('listOrders', { page: 1, limit: 1 }));
    expect(e.code).toBe('UPSTREAM_BAD_REQUEST');
    expect(e.status).toBe(400);
    expect(e.upstreamError).toBe('invalid_parameter');
    expect(e.upstreamMessage).toBe('status must be one of PENDING, RECEIVED, IGNORE, DELIVERED');
    expect(e.message).not.toContain('status must be');
  });

  it('maps 429 to UPSTREAM_RATE_LIMITED with retryAfterSeconds from RateLimit-Reset', async () => {
    const fake = fakeClopos({
      data: () => json({ success: false, error: 'rate_limited', message: 'Too many requests. Retry later.' }, 429, { 'RateLimit-Reset': '42' }),
    });
    const e = await upstreamError(clientOn(fake).call('listOrders', { page: 1, limit: 1 }));
    expect([e.code, e.retryAfterSeconds, e.status]).toEqual(['UPSTREAM_RATE_LIMITED', 42, 429]);
    expect(fake.dataCalls()).toHaveLength(1);
  });

  it('defaults retryAfterSeconds to 60 when Clopos names no reset', async () => {
    const fake = fakeClopos({ data: () => json({ success: false, error: 'rate_limited', message: 'Too many' }, 429) });
    expect((await upstreamError(clientOn(fake).call('getOrder', { id: 1 }))).retryAfterSeconds).toBe(60);
  });

  it.each([500, 502, 504])('maps %i to UPSTREAM_UNAVAILABLE without retrying', async (status) => {
    const fake = fakeClopos({ data: () => json({ success: false, error: 'server_error', message: 'boom' }, status) });
    const e = await upstreamError(clientOn(fake).call('listOrders', { page: 1, limit: 1 }));
    expect([e.code, e.reason, e.status]).toEqual(['UPSTREAM_UNAVAILABLE', 'http', status]);
    expect(fake.dataCalls()).toHaveLength(1);
  });

  it('maps a 404 on a list to UPSTREAM_NOT_FOUND', async () => {
    const fake = fakeClopos({ data: () => json({ success: false, error: 'not_found', message: 'nope' }, 404) });
    expect((await upstreamError(clientOn(fake).call('listOrders', { page: 1, limit: 1 }))).code).toBe('UPSTREAM_NOT_FOUND');
  });

  it('maps a 200 that is not JSON to UPSTREAM_UNAVAILABLE malformed', async () => {
    const fake = fakeClopos({ data: () => new Response('{"success": tru', { status: 200, headers: { 'content-type': 'application/json' } }) });
    const e = await upstreamError(clientOn(fake).call('getOrder', { id: 1 }));
    expect([e.code, e.reason]).toEqual(['UPSTREAM_UNAVAILABLE', 'malformed']);
  });

  it('maps a 5xx with an HTML body to UPSTREAM_UNAVAILABLE without keeping the body', async () => {
    const fake = fakeClopos({ data: () => new Response('<html>Bad Gateway at secret-host</html>', { status: 502 }) });
    const e = await upstreamError(clientOn(fake).call('getOrder', { id: 1 }));
    expect(e.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(JSON.stringify({ ...e, message: e.message })).not.toContain('secret-host');
  });

  it('maps a thrown fetch failure to UPSTREAM_UNAVAILABLE network', async () => {
    const fake = fakeClopos({
      data: () => {
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
      },
    });
    const e = await upstreamError(clientOn(fake).call('listOrders', { page: 1, limit: 1 }));
    expect([e.code, e.reason]).toEqual(['UPSTREAM_UNAVAILABLE', 'network']);
  });
});

describe('createOrder', () => {
  it('posts the body as JSON and reads the id from data.payload.id', async () => {
    const fake = fakeClopos({
      data: () =>
        json({
          success: true,
          message: 'Order created',
          data: { status: 'PENDING', payload: { updated_at: '2026-01-08T06:28:23.000000Z', created_at: '2026-01-08T06:28:23.000000Z', id: 295, venue_id: 1 } },
        }),
    });
    expect(await clientOn(fake).call('createOrder', NEW_ORDER)).toEqual({ id: 295, venueId: 1 });
    const [post] = fake.dataCalls();
    expect([post?.method, post?.path, post?.rawQuery]).toEqual(['POST', '/orders', '']);
    expect(JSON.parse(post?.body ?? '')).toEqual(NEW_ORDER);
    expect(post?.headers.get('x-token')).toBe('tok-1');
  });

  it('reads the id from data.id when there is no payload', async () => {
    const fake = fakeClopos({ data: () => json({ success: true, data: { id: 296, venue_id: 1, status: 'PENDING' } }) });
    expect(await clientOn(fake).call('createOrder', NEW_ORDER)).toEqual({ id: 296, venueId: 1 });
  });

  it('gives UPSTREAM_OUTCOME_UNKNOWN when a success carries no id', async () => {
    const fake = fakeClopos({ data: () => json({ success: true, message: 'Order created', data: { status: 'PENDING' } }) });
    const e = await upstreamError(clientOn(fake).call('createOrder', NEW_ORDER));
    expect([e.code, e.reason]).toEqual(['UPSTREAM_OUTCOME_UNKNOWN', 'unidentifiable']);
  });

  it('maps a 400 to UPSTREAM_BAD_REQUEST keeping the Clopos error and message', async () => {
    const fake = fakeClopos({ data: () => json({ success: false, error: 'validation_failed', message: 'products is required' }, 400) });
    const e = await upstreamError(clientOn(fake).call('createOrder', NEW_ORDER));
    expect([e.code, e.upstreamError, e.upstreamMessage]).toEqual(['UPSTREAM_BAD_REQUEST', 'validation_failed', 'products is required']);
    expect(fake.dataCalls()).toHaveLength(1);
  });

  it.each([500, 504])('never retries on %i: UPSTREAM_OUTCOME_UNKNOWN after exactly one POST', async (status) => {
    const fake = fakeClopos({ data: () => json({ success: false, error: 'server_error', message: 'boom' }, status) });
    const e = await upstreamError(clientOn(fake).call('createOrder', NEW_ORDER));
    expect([e.code, e.status]).toEqual(['UPSTREAM_OUTCOME_UNKNOWN', status]);
    expect(fake.dataCalls()).toHaveLength(1);
  });

  it('maps a 200 that is not JSON to UPSTREAM_OUTCOME_UNKNOWN', async () => {
    const fake = fakeClopos({ data: () => new Response('not json', { status: 200 }) });
    const e = await upstreamError(clientOn(fake).call('createOrder', NEW_ORDER));
    expect([e.code, e.reason]).toEqual(['UPSTREAM_OUTCOME_UNKNOWN', 'malformed']);
    expect(fake.dataCalls()).toHaveLength(1);
  });

  it('maps a 429 to UPSTREAM_RATE_LIMITED (rejected before processing)', async () => {
    const fake = fakeClopos({ data: () => json({ success: false, error: 'rate_limited', message: 'Too many' }, 429, { 'RateLimit-Reset': '5' }) });
    const e = await upstreamError(clientOn(fake).call('createOrder', NEW_ORDER));
    expect([e.code, e.retryAfterSeconds]).toEqual(['UPSTREAM_RATE_LIMITED', 5]);
  });
});

describe('cancelOrder', () => {
  it('sends PUT /orders/{id} with exactly {"status":"IGNORE"} and returns the order data', async () => {
    const fake = fakeClopos({ data: () => json({ success: true, data: order(108, { status: 'IGNORE' }) }) });
    const cancelled = await clientOn(fake).call('cancelOrder', { id: 108, venueId: '1' });
    expect(cancelled).toMatchObject({ id: 108, status: 'IGNORE' });
    const [put] = fake.dataCalls();
    expect([put?.method, put?.path]).toEqual(['PUT', '/orders/108']);
    expect(put?.body).toBe('{"status":"IGNORE"}');
    expect(put?.headers.get('x-venue')).toBe('1');
  });

  it('returns a minimal order when the answer carries no data', async () => {
    const fake = fakeClopos({ data: () => json({ success: true }) });
    expect(await clientOn(fake).call('cancelOrder', { id: 7 })).toEqual({ id: 7, status: 'IGNORE' });
  });

  it('returns null on 404', async () => {
    const fake = fakeClopos({ data: () => json({ success: false, error: 'not_found', message: 'Order not found' }, 404) });
    expect(await clientOn(fake).call('cancelOrder', { id: 7 })).toBeNull();
  });

  it('maps a 400 to UPSTREAM_BAD_REQUEST', async () => {
    const fake = fakeClopos({ data: () => json({ success: false, error: 'validation_failed', message: 'Status is not allowed' }, 400) });
    const e = await upstreamError(clientOn(fake).call('cancelOrder', { id: 7 }));
    expect([e.code, e.upstreamError]).toEqual(['UPSTREAM_BAD_REQUEST', 'validation_failed']);
  });
});

describe('error messages', () => {
  it('never contain the token, client secret or URL', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.secret-token-body.sig';
    const scenarios = [
      () => json({ success: false, error: 'unauthorized', message: `bad token ${token}` }, 401),
      () => json({ success: false, error: 'invalid_parameter', message: `bad ${BASE_URL}` }, 400),
      () => json({ success: false, error: 'rate_limited', message: CREDENTIALS.clientSecret }, 429),
      () => json({ success: false, error: 'x', message: `${token} ${BASE_URL}` }, 500),
      () => new Response(`${token} ${BASE_URL}`, { status: 200 }),
      () => {
        throw new TypeError(`fetch failed ${BASE_URL}`);
      },
    ];
    for (const data of scenarios) {
      const fake = fakeClopos({
        auth: () => json({ success: true, token, expires_in: 3600, expires_at: Math.floor(Date.now() / 1000) + 3600 }),
        data,
      });
      const client = clientOn(fake);
      for (const call of [() => client.call('listOrders', { page: 1, limit: 1 }), () => client.call('createOrder', NEW_ORDER)]) {
        const e = await upstreamError(call());
        for (const secret of [token, CREDENTIALS.clientSecret, BASE_URL, 'clopos.test']) {
          expect(e.message).not.toContain(secret);
          expect(String(e)).not.toContain(secret);
        }
      }
    }
    const authFail = fakeClopos({ auth: () => json({ success: false, error: `Invalid integrator_id ${CREDENTIALS.integratorId}`, message: CREDENTIALS.clientSecret }, 400) });
    const e = await upstreamError(clientOn(authFail).call('getOrder', { id: 1 }));
    expect(e.message).not.toContain(CREDENTIALS.clientSecret);
    expect(JSON.stringify({ ...e })).not.toContain(CREDENTIALS.clientSecret);
  });
});
