import type { ClopOrder } from '../clopos/types.js';

export interface OrderEdgeModel {
  cursor: string;
  node: ClopOrder;
}

/** The parent of OrderConnection's fields. */
export interface OrderPage {
  edges: OrderEdgeModel[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}
