// The upstream contract, run against the Clover adapter (through its shield) over HTTP to the
// embedded Clover sandbox.
import { startCloverSandbox } from '../../../src/clover-sandbox/index.js';
import { fixedToken } from '../../../src/upstreams/clover/auth.js';
import { createCloverClient } from '../../../src/upstreams/clover/client.js';
import { cloverUpstream } from '../../../src/upstreams/clover/index.js';
import { createCloverShield } from '../../../src/upstreams/clover/shield.js';
import { describeUpstreamContract } from '../contract.js';

describeUpstreamContract('Clover (sandbox)', async () => {
  const sandbox = await startCloverSandbox({ seed: 7 });
  const shield = createCloverShield({ requestTimeoutMs: 15_000 });
  const api = shield.wrap(
    createCloverClient({ baseUrl: sandbox.baseUrl, merchantId: sandbox.merchantId, tokens: fixedToken(sandbox.token), fetch: shield.transport(globalThis.fetch) }),
  );
  let n = 0;
  return {
    upstream: cloverUpstream(api, { currency: 'USD' }),
    newOrder: () => ({
      venueId: sandbox.merchantId,
      saleTypeId: 'DINEIN',
      customer: { name: 'Contract Guest', phone: '+15550100' },
      lines: [
        { productId: '51', name: 'Pizza', quantity: 2, unitPrice: '8.5', productHash: `contract-${++n}`, modifiers: [{ modifierId: 'EXTRA', name: 'Extra cheese', quantity: 1, unitPrice: '1.25' }] },
        { productId: '52', name: 'Lemonade', quantity: 1, unitPrice: '3', productHash: `contract-${++n}` },
      ],
    }),
    missingId: 'ZZZZZZZZZZZZZ',
    invalidId: 'ORD-1',
    close: () => sandbox.close(),
  };
});
