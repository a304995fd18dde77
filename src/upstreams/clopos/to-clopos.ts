// Domain → Clopos: the documented POST /orders body and the GET /orders query. Ids go as numbers;
// omitted optional fields are left out (Clopos applies its defaults), never sent as null. Amounts
// go as the JSON numbers the caller gave (Clopos takes numbers), unrounded.
import type { ListQuery, NewOrder } from '../../domain/upstream.js';
import type { ListOrdersParams, SortField } from './api.js';
import type { ClopCreateOrderRequest } from './types.js';
import { fromStatus } from './to-domain.js';

type Body = ClopCreateOrderRequest;
type Product = Body['products'][number];
type Modifier = NonNullable<Product['modifiers']>[number];

/** Copies only the fields that have a value. */
function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as T;
}

const num = (value: string | undefined) => (value === undefined ? undefined : Number(value));

export function toCreateBody(order: NewOrder): Body {
  const { customer } = order;
  return defined<Body>({
    sale_type_id: Number(order.saleTypeId),
    venue_id: Number(order.venueId),
    // Clopos requires customer.id; third-party clients send 0 for a guest, and so do we.
    customer: defined<Body['customer']>({
      id: customer.id === undefined ? 0 : Number(customer.id),
      phone: customer.phone,
      address: customer.address,
      customer_discount_type: customer.discountType,
      name: customer.name,
    }),
    products: order.lines.map((line) =>
      defined<Product>({
        product_id: Number(line.productId),
        product_name: line.name,
        count: line.quantity,
        price: Number(line.unitPrice),
        status: line.status ?? 'new',
        product_hash: line.productHash,
        portion_size: line.portionSize,
        note: line.note,
        modifiers: line.modifiers?.map((m) =>
          defined<Modifier>({
            modifier_id: Number(m.modifierId),
            modifier_name: m.name,
            count: m.quantity,
            price: num(m.unitPrice),
            portion_size: m.portionSize,
          }),
        ),
      }),
    ),
    delivery_fee: num(order.deliveryFee),
    comment: order.comment,
    discount: order.discount ? { discount_type: order.discount.type, discount_value: Number(order.discount.value) } : undefined,
    service_charge: order.serviceCharge ? { enabled: order.serviceCharge.enabled, value: Number(order.serviceCharge.value) } : undefined,
    auto_order_accept: order.autoAccept,
    auto_accept_terminal: num(order.autoAcceptTerminalId),
    auto_order_sent_to_station: order.sendToStationOnAccept,
  });
}

const SORT_FIELDS: Record<NonNullable<ListQuery['sort']>['field'], SortField> = {
  id: 'id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

export function toListParams(query: ListQuery): ListOrdersParams {
  return {
    page: query.page,
    limit: query.limit,
    status: query.status === undefined ? undefined : fromStatus(query.status),
    createdFrom: query.createdFrom,
    createdTo: query.createdTo,
    venueId: query.venueId,
    sort: query.sort ? { field: SORT_FIELDS[query.sort.field], direction: query.sort.direction === 'ASC' ? 1 : -1 } : undefined,
    withReceipt: query.withReceipt,
  };
}
