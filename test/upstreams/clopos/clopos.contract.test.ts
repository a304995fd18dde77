// The upstream contract, run against the Clopos adapter over HTTP to the embedded sandbox.
import { createCloposClient } from '../../../src/upstreams/clopos/client.js';
import { cloposCredentials, startSandbox } from '../../../src/sandbox/index.js';
import { cloposUpstream } from '../../../src/upstreams/clopos/index.js';
import { describeUpstreamContract } from '../contract.js';

describeUpstreamContract('Clopos (sandbox)', async () => {
  const sandbox = await startSandbox({ seed: 7 });
  const api = createCloposClient({ baseUrl: sandbox.baseUrl, credentials: cloposCredentials(sandbox.credentials) });
  let n = 0;
  return {
    upstream: cloposUpstream(api, { currency: 'AZN' }),
    newOrder: () => ({
      venueId: '1',
      saleTypeId: '2',
      customer: { name: 'Contract Guest', phone: '+994705401040' },
      lines: [{ productId: '51', name: 'Pizza', quantity: 2, unitPrice: '8.5', productHash: `contract-${++n}` }],
    }),
    missingId: '999999999',
    invalidId: 'ORD-1',
    close: () => sandbox.close(),
  };
});
