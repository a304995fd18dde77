// Over Clover the Clover shield's breaker is the one that moves: /metrics' clopos_breaker_state
// must follow it (it stayed 0 while Clover's breaker was open, so alerts and the soak saw nothing).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCloverTestGateway, type CloverTestGateway } from '../../support/clover-gateway.js';

let gw: CloverTestGateway;
beforeAll(async () => {
  gw = await startCloverTestGateway();
});
afterAll(() => gw.close());

const gauge = async () => /^clopos_breaker_state(?:\{[^}]*\})? (\d+)/m.exec(await gw.app.metrics.registry.metrics())?.[1];

it('clopos_breaker_state reports the Clover breaker opening', async () => {
  expect(await gauge()).toBe('0');
  gw.sandbox.control.injectFault({ path: '/orders', status: 500 });
  for (let i = 0; i < 8 && (await gauge()) !== '2'; i++) {
    await gw.gql('query($s: OrderStatus) { orders(first: 3, filter: { status: $s }) { nodes { id } } }', { s: i % 2 ? 'RECEIVED' : 'DELIVERED' });
  }
  expect(await gauge()).toBe('2');
  gw.sandbox.control.clearFaults();
});
