// Clopos REST shapes → the domain. Clopos nests most of an order in `payload`; fields the docs
// leave uncertain are read from their documented alternatives, with the defaults the docs give.
// Money: Clopos sends JSON numbers in the venue's currency (CLOPOS_CURRENCY); each is read once
// through its decimal form into minor units. Totals follow README "Order totals".
import {
  addMoney,
  formatDecimal,
  money,
  multiplyMoney,
  percentOf,
  subtractMoney,
  zero,
  type Money,
} from '../../domain/money.js';
import type {
  Customer,
  Discount,
  Modifier,
  Order,
  OrderChange,
  OrderLine,
  OrderStatus,
  Receipt,
  ServiceCharge,
} from '../../domain/order.js';
import type { ClopCustomer, ClopModifier, ClopOrder, ClopOrderStatus, ClopProduct, ClopReceipt } from '../../clopos/types.js';
import type { FeedMessage } from '../../live/types.js';

/** Clopos calls a cancelled order IGNORE; the graph says CANCELLED. */
export function toStatus(status: ClopOrderStatus): OrderStatus {
  return status === 'IGNORE' ? 'CANCELLED' : status;
}

export function fromStatus(status: OrderStatus): ClopOrderStatus {
  return status === 'CANCELLED' ? 'IGNORE' : status;
}

/** Clopos discount_type 1 is a percentage (chosen: the docs name no types; README "Order totals"). */
export const PERCENT_DISCOUNT_TYPE = 1;

const idOf = (value: number | string | null | undefined): string | null =>
  value === null || value === undefined ? null : String(value);

function modifierId(modifier: ClopModifier): number | undefined {
  return modifier.modifier_id ?? modifier.modificator_id ?? modifier.id;
}

function toModifier(modifier: ClopModifier, currency: string): Modifier {
  return {
    modifierId: String(modifierId(modifier)),
    name: modifier.modifier_name ?? modifier.name ?? '',
    quantity: modifier.count ?? 1,
    price: money(modifier.price ?? 0, currency),
    portionSize: modifier.portion_size ?? 1,
  };
}

/** A line's count and price appear both on the line and in `meta.order_product`: the line's own win. */
function toLine(line: ClopProduct, currency: string): OrderLine {
  const product = line.meta?.order_product;
  // A modifier without any id cannot be shown faithfully; it is left out rather than failing the order.
  const modifiers = (line.product_modificators ?? product?.product_modificators ?? [])
    .filter((modifier) => modifierId(modifier) !== undefined)
    .map((modifier) => toModifier(modifier, currency));
  const quantity = line.count ?? product?.count ?? 1;
  const price = money(line.meta?.price ?? product?.product?.price ?? 0, currency);
  const unit = addMoney(price, ...modifiers.map((m) => multiplyMoney(m.price, m.quantity)));
  return {
    productId: idOf(line.product_id ?? product?.product?.id),
    name: product?.product?.name ?? '',
    quantity,
    price,
    portionSize: line.portion_size ?? 1,
    status: product?.status ?? null,
    productHash: product?.product_hash ?? null,
    note: product?.note ?? null,
    modifiers,
    total: multiplyMoney(unit, quantity),
  };
}

function toCustomer(customer: ClopCustomer): Customer {
  return {
    id: idOf(customer.id),
    name: customer.name ?? null,
    phone: customer.phone ?? null,
    address: customer.address ?? null,
    discountType: customer.customer_discount_type ?? null,
  };
}

function toReceipt(receipt: ClopReceipt): Receipt {
  return { id: String(receipt.id), serviceNotificationId: idOf(receipt.service_notification_id), status: receipt.status ?? null };
}

function toDiscount(order: ClopOrder, subtotal: Money): Discount | null {
  const discount = order.payload?.meta?.discount;
  if (!discount) return null;
  const type = discount.discount_type ?? 0;
  const value = discount.discount_value ?? 0;
  const rate = type === PERCENT_DISCOUNT_TYPE ? formatDecimal(value) : null;
  let amount = rate === null ? money(value, subtotal.currency) : percentOf(subtotal, rate);
  // Never more than the lines: a discount does not pay the customer.
  if (amount.minor > subtotal.minor) amount = subtotal.minor > 0 ? subtotal : zero(subtotal.currency);
  return { type, value, rate, amount };
}

function toServiceCharge(order: ClopOrder, base: Money): ServiceCharge | null {
  const meta = order.payload?.meta;
  if (!meta || (meta.apply_service_charge === undefined && meta.service_charge_value === undefined)) return null;
  const enabled = meta.apply_service_charge ?? false;
  const value = meta.service_charge_value ?? 0;
  const rate = formatDecimal(value);
  return { enabled, value, rate, amount: enabled ? percentOf(base, rate) : zero(base.currency) };
}

export function toOrder(order: ClopOrder, currency: string): Order {
  const payload = order.payload;
  const lines = (payload?.products ?? []).map((line) => toLine(line, currency));
  const subtotal = addMoney(zero(currency), ...lines.map((line) => line.total));
  const discount = toDiscount(order, subtotal);
  const discounted = discount ? subtractMoney(subtotal, discount.amount) : subtotal;
  const serviceCharge = toServiceCharge(order, discounted);
  const deliveryFee = payload?.delivery_fee === undefined || payload.delivery_fee === null ? null : money(payload.delivery_fee, currency);
  const total = addMoney(discounted, serviceCharge?.amount ?? zero(currency), deliveryFee ?? zero(currency));
  return {
    id: String(order.id),
    venueId: idOf(order.venue_id ?? payload?.service?.venue_id),
    status: toStatus(order.status),
    saleTypeId: idOf(payload?.service?.sale_type_id ?? payload?.sale_type_id),
    type: order.type ?? null,
    integration: order.integration ?? null,
    comment: payload?.meta?.comment ?? null,
    deliveryFee,
    customer: payload?.customer ? toCustomer(payload.customer) : null,
    lines,
    discount,
    serviceCharge,
    autoAccept: payload?.auto_order_accept ?? false,
    sendToStationOnAccept: payload?.auto_order_sent_to_station ?? false,
    ...(order.receipt === undefined ? {} : { receipt: order.receipt === null ? null : toReceipt(order.receipt) }),
    createdAt: order.created_at ?? null,
    updatedAt: order.updated_at ?? order.created_at ?? null,
    total,
  };
}

export function toChange(message: FeedMessage, currency: string): OrderChange {
  return {
    kind: message.kind,
    order: message.order === null ? null : toOrder(message.order, currency),
    previousStatus: message.previousStatus === null ? null : toStatus(message.previousStatus),
    at: message.at,
    feedAt: message.feedAt,
  };
}
