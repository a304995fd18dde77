import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClopOrder } from '../../src/upstreams/clopos/types.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { allOrders, api, tokenFor, type Api } from './helpers.js';

let sandbox: RunningSandbox;
let client: Api;
let everything: ClopOrder[];

const SORTS = ['id', 'created_at', 'updated_at', 'status', 'venue_id'] as const;
const day = (o: ClopOrder) => (o.created_at ?? '').slice(0, 10);
const ids = (orders: ClopOrder[]) => orders.map((o) => o.id);

beforeAll(async () => {
  sandbox = await startSandbox();
  client = api(sandbox, await tokenFor(sandbox));
  everything = await allOrders(client);
});
afterAll(() => sandbox.close());

async function expectInvalid(query: string, mentions: string) {
  const { status, body } = await client.get(`/orders?${query}`);
  expect(status, query).toBe(400);
  expect(body.success).toBe(false);
  expect(body.error).toBe('invalid_parameter');
  expect(body.message).toContain(mentions);
}

describe('GET /orders envelope and paging', () => {
  it('answers the documented envelope with total, time, timestamp, unix and sorts', async () => {
    const { status, body } = await client.get('/orders');
    expect(status).toBe(200);
    expect(body.success).toBe(true);
    expect(body.data).toHaveLength(50);
    expect(body.total).toBe(150);
    expect(body.time).toBeGreaterThanOrEqual(0);
    expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(Math.abs(body.unix - Date.now() / 1000)).toBeLessThan(5);
    expect(body.timestamp).toBe(new Date(body.unix * 1000).toISOString().slice(0, 19).replace('T', ' '));
    expect(body.sorts).toEqual([...SORTS]);
  });

  it('sorts by created_at descending by default, ties broken by id', () => {
    for (let i = 1; i < everything.length; i++) {
      const [prev, cur] = [everything[i - 1]!, everything[i]!];
      expect(prev.created_at! > cur.created_at! || (prev.created_at === cur.created_at && prev.id > cur.id)).toBe(true);
    }
  });

  it('pages through the same ordering without gaps or overlaps', async () => {
    const pages: number[] = [];
    for (let page = 1; page <= 4; page++) {
      const { body } = await client.get(`/orders?page=${page}&limit=40`);
      expect(body.total).toBe(150);
      pages.push(...ids(body.data));
    }
    expect(pages).toEqual(ids(everything));
  });

  it('answers an empty page past the end, still with the total', async () => {
    const { status, body } = await client.get('/orders?page=99&limit=50');
    expect(status).toBe(200);
    expect(body.data).toEqual([]);
    expect(body.total).toBe(150);
  });

  it('accepts limit 1 and 200, the documented bounds', async () => {
    expect((await client.get('/orders?limit=1')).body.data).toHaveLength(1);
    expect((await client.get('/orders?limit=200')).body.data).toHaveLength(150);
  });

  it.each(['limit=0', 'limit=201', 'limit=abc', 'limit=-1', 'limit=1.5', 'limit=', 'limit=5&limit=6'])('rejects %s', async (q) => {
    await expectInvalid(q, 'limit');
  });

  it.each(['page=0', 'page=-2', 'page=x'])('rejects %s', async (q) => {
    await expectInvalid(q, 'page');
  });
});

describe('GET /orders filtering', () => {
  it.each(['PENDING', 'RECEIVED', 'IGNORE', 'DELIVERED'])('narrows to status=%s', async (status) => {
    const expected = everything.filter((o) => o.status === status);
    expect(expected.length).toBeGreaterThan(0);
    const { body } = await client.get(`/orders?limit=200&status=${status}`);
    expect(body.total).toBe(expected.length);
    expect(ids(body.data)).toEqual(ids(expected));
  });

  it('rejects an unknown status with the documented message', async () => {
    const { status, body } = await client.get('/orders?status=pending');
    expect(status).toBe(400);
    expect(body).toEqual({ success: false, error: 'invalid_parameter', message: 'status must be one of PENDING, RECEIVED, IGNORE, DELIVERED' });
  });

  it('treats date[0]..date[1] as whole UTC days, both ends inclusive', async () => {
    const days = [...new Set(everything.map(day))].sort();
    const [from, to] = [days[3]!, days[6]!];
    const { body } = await client.get(`/orders?limit=200&date[0]=${from}&date[1]=${to}`);
    const expected = everything.filter((o) => day(o) >= from && day(o) <= to);
    expect(ids(body.data)).toEqual(ids(expected));
    expect(expected.some((o) => day(o) === from) && expected.some((o) => day(o) === to)).toBe(true);
  });

  it('returns exactly one day when date[0] equals date[1]', async () => {
    const d = day(everything[10]!);
    const { body } = await client.get(`/orders?limit=200&date[0]=${d}&date[1]=${d}`);
    expect(body.data.length).toBeGreaterThan(0);
    expect(ids(body.data)).toEqual(ids(everything.filter((o) => day(o) === d)));
  });

  it('takes either end of the date range alone (date[1] alone is an upper bound)', async () => {
    const d = day(everything[75]!);
    const after = await client.get(`/orders?limit=200&date[0]=${d}`);
    expect(ids(after.body.data)).toEqual(ids(everything.filter((o) => day(o) >= d)));
    const before = await client.get(`/orders?limit=200&date[1]=${d}`);
    expect(ids(before.body.data)).toEqual(ids(everything.filter((o) => day(o) <= d)));
  });

  it.each([
    ['date[0]=2026-13-01', 'date[0]'],
    ['date[1]=01-02-2026', 'date[1]'],
    ['date[0]=2026-02-30', 'date[0]'],
    ['date=2026-02-01', 'date'],
    ['date[0]=2026-02-10&date[1]=2026-02-01', 'date[0]'],
  ])('rejects %s', async (q, mentions) => {
    await expectInvalid(q, mentions);
  });

  it('filters on a scalar value', async () => {
    const { body } = await client.get('/orders?limit=200&filters[0][0]=venue_id&filters[0][1]=2');
    expect(ids(body.data)).toEqual(ids(everything.filter((o) => o.venue_id === 2)));
    expect(body.total).toBeGreaterThan(0);
  });

  it('filters on an array value as "in"', async () => {
    const q = 'filters[0][0]=status&filters[0][1][0]=PENDING&filters[0][1][1]=RECEIVED';
    const { body } = await client.get(`/orders?limit=200&${q}`);
    expect(ids(body.data)).toEqual(ids(everything.filter((o) => o.status === 'PENDING' || o.status === 'RECEIVED')));
    const byId = await client.get('/orders?limit=200&sort[0]=id&sort[1]=1&filters[0][0]=id&filters[0][1][0]=7&filters[0][1][1]=3&filters[0][1][2]=120');
    expect(ids(byId.body.data)).toEqual([3, 7, 120]);
  });

  it('combines several filters with AND, on customer_id, sale_type_id and type', async () => {
    const q = 'filters[0][0]=customer_id&filters[0][1]=0&filters[1][0]=type&filters[1][1]=CALL_CENTER_ORDER';
    const guests = await client.get(`/orders?limit=200&${q}`);
    expect(guests.body.total).toBeGreaterThanOrEqual(3);
    expect(guests.body.data.every((o: ClopOrder) => o.payload?.customer?.id === 0)).toBe(true);
    const sale = await client.get('/orders?limit=200&filters[0][0]=sale_type_id&filters[0][1]=3&filters[1][0]=venue_id&filters[1][1][0]=1&filters[1][1][1]=3');
    const expected = everything.filter((o) => o.payload?.sale_type_id === 3 && (o.venue_id === 1 || o.venue_id === 3));
    expect(ids(sale.body.data)).toEqual(ids(expected));
  });

  it('combines status, date range and filters', async () => {
    const d = day(everything[100]!);
    const { body } = await client.get(`/orders?limit=200&status=DELIVERED&date[1]=${d}&filters[0][0]=venue_id&filters[0][1]=1`);
    expect(ids(body.data)).toEqual(ids(everything.filter((o) => o.status === 'DELIVERED' && day(o) <= d && o.venue_id === 1)));
  });

  it.each([
    ['filters[0][0]=total&filters[0][1]=5', 'filters[0][0]'],
    ['filters[0][0]=venue_id', 'filters[0]'],
    ['filters[0][1]=5', 'filters[0]'],
    ['filters[0][0]=venue_id&filters[0][1]=abc', 'filters[0][1]'],
    ['filters[0][0]=status&filters[0][1][0]=PENDING&filters[0][1][1]=NOPE', 'filters[0][1][1]'],
    ['filters=venue_id', 'filters'],
  ])('rejects %s', async (q, mentions) => {
    await expectInvalid(q, mentions);
  });
});

describe('GET /orders sorting', () => {
  const key = (o: ClopOrder, field: (typeof SORTS)[number]): string | number => (field === 'id' ? o.id : (o[field] ?? ''));
  for (const field of SORTS) {
    for (const dir of [1, -1] as const) {
      it(`sorts by ${field} ${dir === 1 ? 'ascending' : 'descending'}, ties by id`, async () => {
        const { body } = await client.get(`/orders?limit=200&sort[0]=${field}&sort[1]=${dir}`);
        const got: ClopOrder[] = body.data;
        expect(got).toHaveLength(150);
        for (let i = 1; i < got.length; i++) {
          const [a, b] = [got[i - 1]!, got[i]!];
          const cmp = key(a, field) < key(b, field) ? -1 : key(a, field) > key(b, field) ? 1 : Math.sign(a.id - b.id);
          expect(cmp, `${field} at ${i}`).toBe(-dir);
        }
      });
    }
  }

  it('defaults the direction to -1 when only sort[0] is given', async () => {
    const { body } = await client.get('/orders?sort[0]=id&limit=3');
    expect(ids(body.data)).toEqual([150, 149, 148]);
  });

  it.each([
    ['sort[0]=total', 'sort[0]'],
    ['sort[0]=id&sort[1]=2', 'sort[1]'],
    ['sort[0]=id&sort[1]=asc', 'sort[1]'],
  ])('rejects %s', async (q, mentions) => {
    await expectInvalid(q, mentions);
  });
});

describe('GET /orders venue and embedding', () => {
  it('narrows to one venue with the x-venue header', async () => {
    const { body } = await client.get('/orders?limit=200', { 'x-venue': '3' });
    expect(ids(body.data)).toEqual(ids(everything.filter((o) => o.venue_id === 3)));
    expect(new Set(everything.map((o) => o.venue_id))).toEqual(new Set([1, 2, 3]));
  });

  it('rejects an x-venue that is not one of the brand venues', async () => {
    for (const venue of ['9', 'abc']) {
      const { status, body } = await client.get('/orders', { 'x-venue': venue });
      expect(status).toBe(400);
      expect(body.message).toContain('x-venue');
    }
  });

  it('leaves receipt out unless with[N] asks for it', () => {
    expect(everything.every((o) => !('receipt' in o))).toBe(true);
  });

  it('embeds receipt (or null) on every order with with[0]=receipt', async () => {
    const { body } = await client.get('/orders?limit=200&with[0]=receipt');
    const orders: ClopOrder[] = body.data;
    expect(orders.every((o) => 'receipt' in o)).toBe(true);
    const withReceipt = orders.filter((o) => o.receipt);
    expect(withReceipt.length).toBeGreaterThan(30);
    expect(withReceipt.every((o) => o.status === 'RECEIVED' || o.status === 'DELIVERED')).toBe(true);
    expect(orders.some((o) => o.receipt === null)).toBe(true);
    for (const o of withReceipt) expect(Object.keys(o.receipt!).sort()).toEqual(['id', 'service_notification_id', 'status']);
    expect(new Set(withReceipt.map((o) => o.receipt!.status))).toEqual(new Set([1, 2]));
  });

  it('embeds only the listed receipt fields with with[1]=receipt:id,status, next to customer', async () => {
    const { body } = await client.get(`/orders?limit=200&with[0]=customer&with[1]=${encodeURIComponent('receipt:id,status')}`);
    const receipt = (body.data as ClopOrder[]).find((o) => o.receipt)?.receipt;
    expect(Object.keys(receipt!).sort()).toEqual(['id', 'status']);
  });

  it('accepts with[0]=customer alone without embedding a receipt', async () => {
    const { status, body } = await client.get('/orders?limit=5&with[0]=customer');
    expect(status).toBe(200);
    expect(body.data.every((o: ClopOrder) => !('receipt' in o) && o.payload?.customer)).toBe(true);
  });

  it.each([['with[0]=payments', 'with[0]'], ['with[0]=receipt:total', 'with[0]']])('rejects %s', async (q, mentions) => {
    await expectInvalid(q, mentions);
  });
});

describe('rate-limit headers without enforcement', () => {
  it('counts each authenticated request down from 300 and reports a reset within the minute', async () => {
    const first = await client.get('/orders?limit=1');
    const second = await client.get('/orders?limit=1');
    expect(first.headers.get('ratelimit-limit')).toBe('300');
    expect(Number(second.headers.get('ratelimit-remaining'))).toBe(Number(first.headers.get('ratelimit-remaining')) - 1);
    const reset = Number(second.headers.get('ratelimit-reset'));
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(60);
  });

  it('also sends them on error answers', async () => {
    const { status, headers } = await client.get('/orders?limit=0');
    expect(status).toBe(400);
    expect(headers.get('ratelimit-remaining')).not.toBeNull();
  });
});
