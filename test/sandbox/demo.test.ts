import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { ClopOrder } from '../../src/upstreams/clopos/types.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { allOrders, api, control, sleep, tokenFor, type Api } from './helpers.js';

let sandbox: RunningSandbox;
let client: Api;
beforeAll(async () => {
  sandbox = await startSandbox({ demo: { intervalMs: 40 } });
  client = api(sandbox, await tokenFor(sandbox));
});
beforeEach(() => sandbox.control.reset());
afterAll(() => sandbox.close());

const byId = (orders: ClopOrder[]) => new Map(orders.map((o) => [o.id, o]));

it('creates PENDING orders and moves PENDING → RECEIVED (with a receipt) → DELIVERED on its own', async () => {
  const before = byId(await allOrders(client, '&with[0]=receipt'));
  await sleep(250);
  const after = await allOrders(client, '&with[0]=receipt');
  const created = after.filter((o) => !before.has(o.id));
  expect(created.length).toBeGreaterThanOrEqual(2);
  expect(created.some((o) => o.status === 'PENDING')).toBe(true);
  const accepted = after.filter((o) => before.get(o.id)?.status === 'PENDING' && o.status === 'RECEIVED');
  expect(accepted.length).toBeGreaterThan(0);
  expect(accepted.every((o) => o.receipt?.status === 1)).toBe(true);
  const delivered = after.filter((o) => before.get(o.id)?.status === 'RECEIVED' && o.status === 'DELIVERED');
  expect(delivered.length).toBeGreaterThan(0);
  expect(delivered.every((o) => o.receipt?.status === 2)).toBe(true);
});

it('stops and restarts programmatically', async () => {
  sandbox.control.stopDemo();
  const total = (await client.get('/orders?limit=1')).body.total;
  await sleep(150);
  expect((await client.get('/orders?limit=1')).body.total).toBe(total);
  sandbox.control.startDemo(30);
  await sleep(150);
  expect((await client.get('/orders?limit=1')).body.total).toBeGreaterThan(total);
});

it('is switched over HTTP with /__sandbox/demo', async () => {
  const off = await control(sandbox, 'POST', '/demo', { enabled: false });
  expect(off.body.data).toEqual({ enabled: false, intervalMs: null });
  const total = (await client.get('/orders?limit=1')).body.total;
  await sleep(120);
  expect((await client.get('/orders?limit=1')).body.total).toBe(total);
  const on = await control(sandbox, 'POST', '/demo', { enabled: true, intervalMs: 25 });
  expect(on.body.data).toEqual({ enabled: true, intervalMs: 25 });
  expect((await control(sandbox, 'GET', '/demo')).body.data.enabled).toBe(true);
  await sleep(150);
  expect((await client.get('/orders?limit=1')).body.total).toBeGreaterThan(total);
  expect((await control(sandbox, 'POST', '/demo', { enabled: true, intervalMs: 1 })).status).toBe(400);
  expect((await control(sandbox, 'POST', '/demo', {})).status).toBe(400);
});
