// Order (domain) → the graph. Most fields are the domain's own; these add the checks and reads
// the graph needs.
import type { OrderResolvers } from '../../../generated/graphql.js';
import type { Order as OrderModel } from '../../domain/order.js';
import { moneyToNumber } from '../../domain/money.js';

function required<T>(value: T | null | undefined, order: OrderModel, field: string): T {
  // A plain Error: Yoga masks it, and the rest of the answer still arrives.
  if (value === null || value === undefined) throw new Error(`Upstream order ${order.id} has no ${field}`);
  return value;
}

export const Order: OrderResolvers = {
  venueId: (order) => required(order.venueId, order, 'venue id'),
  saleTypeId: (order) => required(order.saleTypeId, order, 'sale type id'),
  deliveryFee: (order) => (order.deliveryFee ? moneyToNumber(order.deliveryFee) : null),
  deliveryCharge: (order) => order.deliveryFee,
  receipt: async (order, _args, { orderLoader }) => {
    // Present (maybe null) when the order was read with its receipt; otherwise read it now.
    if (order.receipt !== undefined) return order.receipt;
    const withReceipt = await orderLoader.load({ id: order.id, venueId: order.venueId ?? undefined, withReceipt: true });
    return withReceipt?.receipt ?? null;
  },
  createdAt: (order) => required(order.createdAt, order, 'created_at'),
  updatedAt: (order) => required(order.updatedAt, order, 'updated_at'),
};
