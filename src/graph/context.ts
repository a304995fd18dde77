import type DataLoader from 'dataloader';
import type { CloposApi } from '../clopos/api.js';
import type { ClopOrder } from '../clopos/types.js';

/** Key of the per-request order loader: the order id, the venue, and whether the receipt is embedded. */
export interface OrderKey {
  id: number;
  venueId?: string;
  withReceipt: boolean;
}

/** Built for each GraphQL request. */
export interface GraphContext {
  clopos: CloposApi;
  orderLoader: DataLoader<OrderKey, ClopOrder | null, string>;
}
