// Subscription.orderChanged over Clover: the same poller and change log, reading Clover's orders
// by modifiedTime, through createApp against the Clover sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCloverTestGateway, type CloverTestGateway } from '../../support/clover-gateway.js';
import { subscribeSse, until, type SseSubscriber } from '../../live/support.js';

let gw: CloverTestGateway;
beforeAll(async () => {
  gw = await startCloverTestGateway({ env: { POLL_INTERVAL_MS: '200' }, live: { lingerMs: 200 } });
});
afterAll(() => gw.close());

describe('orderChanged over Clover', () => {
  let sub: SseSubscriber;
  afterAll(() => sub?.close());

  it('publishes an order arriving on a device (CREATED), its payment (DELIVERED) and a cancel (CANCELLED), in the graph’s words', async () => {
    sub = subscribeSse(gw.app.yoga);
    await sub.opened;
    // The poller's baseline first: wait for it to have read Clover once.
    await until(() => gw.sandbox.control.requests().some((r) => r.route === 'GET /orders' && r.rawQuery.includes('modifiedTime')), 10_000, 'the first poll');
    await new Promise((r) => setTimeout(r, 400));
    const added = gw.sandbox.control.addOrder({ state: 'open', total: 1250 });
    await until(() => sub.changes.some((c) => c.order.id === added.id), 10_000, 'CREATED');
    expect(sub.changes.find((c) => c.order.id === added.id)).toMatchObject({ kind: 'CREATED', order: { status: 'RECEIVED' } });
    gw.sandbox.control.updateOrder(added.id, { state: 'locked', paymentState: 'PAID' });
    await until(() => sub.changes.some((c) => c.order.id === added.id && c.order.status === 'DELIVERED'), 10_000, 'DELIVERED');
    expect(sub.changes.find((c) => c.order.status === 'DELIVERED')).toMatchObject({ previousStatus: 'RECEIVED' });
    const CANCEL = /* GraphQL */ `mutation($id: ID!) { cancelOrder(id: $id) { order { status } } }`;
    const other = gw.sandbox.control.addOrder({ state: 'open', total: 500 });
    await until(() => sub.changes.some((c) => c.order.id === other.id), 10_000, 'second CREATED');
    await gw.gql(CANCEL, { id: other.id });
    await until(() => sub.changes.some((c) => c.order.id === other.id && c.order.status === 'CANCELLED'), 10_000, 'CANCELLED');
    expect(sub.errors).toEqual([]);
  });
});
