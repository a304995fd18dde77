// GraphiQL over Clover: the page offers the Clover tabs, and every query/mutation tab runs as
// shipped with data and no errors (the subscription tab is covered by live.test.ts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cloverGraphiQLOptions } from '../../../src/http/graphiql.js';
import { startCloverTestGateway, type CloverTestGateway } from '../../support/clover-gateway.js';

let gw: CloverTestGateway;
beforeAll(async () => {
  gw = await startCloverTestGateway();
});
afterAll(() => gw.close());

it('serves GraphiQL with the Clover tabs, each of which runs without errors', async () => {
  const page = await fetch(gw.url, { headers: { accept: 'text/html' } });
  const html = await page.text();
  expect(html).toContain('clopos-graphql (Clover)');
  expect(html).toContain(gw.sandbox.merchantId);
  const tabs = cloverGraphiQLOptions(gw.sandbox.merchantId).defaultTabs!.map((t) => t.query!).filter((q) => !q.includes('subscription'));
  expect(tabs).toHaveLength(4);
  for (const query of tabs) {
    const { data, errors } = await gw.wire(query);
    expect(errors).toBeUndefined();
    expect(data).toBeTruthy();
  }
  const created = gw.sandbox.control.orders().filter((o) => o.state === 'open' && o.lineItems.some((l) => l.name === 'Pizza Margherita' && l.itemCode?.startsWith('51|')));
  expect(created).toHaveLength(1);
});
