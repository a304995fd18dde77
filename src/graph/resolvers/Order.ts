// Clopos order (REST shape) → Order. Clopos nests most of an order in `payload`; fields the docs
// leave uncertain fall back to their documented alternatives.
import type { OrderResolvers } from '../../../generated/graphql.js';
import type { ClopOrder } from '../../clopos/types.js';

function required<T>(value: T | null | undefined, order: ClopOrder, field: string): T {
  // A plain Error: Yoga masks it, and the rest of the answer still arrives.
  if (value === null || value === undefined) throw new Error(`Clopos order ${order.id} has no ${field}`);
  return value;
}

export const Order: OrderResolvers = {
  id: (order) => String(order.id),
  venueId: (order) => String(required(order.venue_id ?? order.payload?.service?.venue_id, order, 'venue_id')),
  status: (order) => order.status,
  saleTypeId: (order) =>
    String(required(order.payload?.service?.sale_type_id ?? order.payload?.sale_type_id, order, 'sale_type_id')),
  type: (order) => order.type ?? null,
  integration: (order) => order.integration ?? null,
  comment: (order) => order.payload?.meta?.comment ?? null,
  deliveryFee: (order) => order.payload?.delivery_fee ?? null,
  customer: (order) => order.payload?.customer ?? null,
  lines: (order) => order.payload?.products ?? [],
  discount: (order) => order.payload?.meta?.discount ?? null,
  serviceCharge: (order) => {
    const meta = order.payload?.meta;
    return meta && (meta.apply_service_charge !== undefined || meta.service_charge_value !== undefined) ? meta : null;
  },
  autoAccept: (order) => order.payload?.auto_order_accept ?? false,
  sendToStationOnAccept: (order) => order.payload?.auto_order_sent_to_station ?? false,
  receipt: async (order, _args, { orderLoader }) => {
    // Present (maybe null) when the order was read with `with[]=receipt`; otherwise read it now.
    if (order.receipt !== undefined) return order.receipt;
    const withReceipt = await orderLoader.load({ id: order.id, venueId: order.venue_id?.toString(), withReceipt: true });
    return withReceipt?.receipt ?? null;
  },
  createdAt: (order) => required(order.created_at, order, 'created_at'),
  updatedAt: (order) => required(order.updated_at ?? order.created_at, order, 'updated_at'),
};
