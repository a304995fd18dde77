// The small objects of an order, renamed from their Clopos keys.
import type {
  CustomerResolvers,
  DiscountResolvers,
  OrderConnectionResolvers,
  ReceiptResolvers,
  ServiceChargeResolvers,
} from '../../../generated/graphql.js';

export const Customer: CustomerResolvers = {
  id: (customer) => (customer.id === null || customer.id === undefined ? null : String(customer.id)),
  name: (customer) => customer.name ?? null,
  phone: (customer) => customer.phone ?? null,
  address: (customer) => customer.address ?? null,
  discountType: (customer) => customer.customer_discount_type ?? null,
};

export const Discount: DiscountResolvers = {
  type: (discount) => discount.discount_type ?? 0,
  value: (discount) => discount.discount_value ?? 0,
};

export const ServiceCharge: ServiceChargeResolvers = {
  enabled: (meta) => meta.apply_service_charge ?? false,
  value: (meta) => meta.service_charge_value ?? 0,
};

export const Receipt: ReceiptResolvers = {
  id: (receipt) => String(receipt.id),
  serviceNotificationId: (receipt) =>
    receipt.service_notification_id === null || receipt.service_notification_id === undefined
      ? null
      : String(receipt.service_notification_id),
  status: (receipt) => receipt.status ?? null,
};

export const OrderConnection: OrderConnectionResolvers = {
  edges: (page) => page.edges,
  nodes: (page) => page.edges.map((edge) => edge.node),
  totalCount: (page) => page.totalCount,
  pageInfo: (page) => ({
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    startCursor: page.edges[0]?.cursor ?? null,
    endCursor: page.edges.at(-1)?.cursor ?? null,
  }),
};
