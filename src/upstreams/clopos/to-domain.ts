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
  OrderLine,
  OrderStatus,
  Receipt,
  ServiceCharge,
} from '../../domain/order.js';
import type { ClopCustomer, ClopModifier, ClopOrder, ClopOrderStatus, ClopProduct, ClopReceipt } from './types.js';

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

/**
 * A line's count and price appear both on the line and in `meta.order_product`: the line's own win.
 * Its total is computed on first read (a getter on the prototype: a list costs nothing for totals
 * its query does not ask for).
 */
class CloposLine implements OrderLine {
  readonly productId: string | null;
  readonly name: string;
  readonly quantity: number;
  readonly price: Money;
  readonly portionSize: number;
  readonly status: string | null;
  readonly productHash: string | null;
  readonly note: string | null;
  readonly modifiers: Modifier[];
  #total: Money | undefined;

  constructor(line: ClopProduct, currency: string) {
    const product = line.meta?.order_product;
    // A modifier without any id cannot be shown faithfully; it is left out rather than failing the order.
    this.modifiers = (line.product_modificators ?? product?.product_modificators ?? [])
      .filter((modifier) => modifierId(modifier) !== undefined)
      .map((modifier) => toModifier(modifier, currency));
    this.productId = idOf(line.product_id ?? product?.product?.id);
    this.name = product?.product?.name ?? '';
    this.quantity = line.count ?? product?.count ?? 1;
    this.price = money(line.meta?.price ?? product?.product?.price ?? 0, currency);
    this.portionSize = line.portion_size ?? 1;
    this.status = product?.status ?? null;
    this.productHash = product?.product_hash ?? null;
    this.note = product?.note ?? null;
  }

  get total(): Money {
    this.#total ??= multiplyMoney(addMoney(this.price, ...this.modifiers.map((m) => multiplyMoney(m.price, m.quantity))), this.quantity);
    return this.#total;
  }
}

const toLine = (line: ClopProduct, currency: string): OrderLine => new CloposLine(line, currency);

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

/**
 * A Clopos order as the domain's Order. The plain fields are read at once; lines, discount,
 * service charge and total on first read (getters on the prototype, kept once computed), so a
 * list query pays only for what it selects.
 */
class CloposOrder implements Order {
  readonly id: string;
  readonly venueId: string | null;
  readonly status: OrderStatus;
  readonly saleTypeId: string | null;
  readonly type: string | null;
  readonly integration: string | null;
  readonly comment: string | null;
  readonly deliveryFee: Money | null;
  readonly customer: Customer | null;
  readonly autoAccept: boolean;
  readonly sendToStationOnAccept: boolean;
  readonly receipt?: Receipt | null;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  #lines: OrderLine[] | undefined;
  #parts: { discount: Discount | null; serviceCharge: ServiceCharge | null; total: Money } | undefined;

  constructor(
    private readonly raw: ClopOrder,
    private readonly currency: string,
  ) {
    const payload = raw.payload;
    this.id = String(raw.id);
    this.venueId = idOf(raw.venue_id ?? payload?.service?.venue_id);
    this.status = toStatus(raw.status);
    this.saleTypeId = idOf(payload?.service?.sale_type_id ?? payload?.sale_type_id);
    this.type = raw.type ?? null;
    this.integration = raw.integration ?? null;
    this.comment = payload?.meta?.comment ?? null;
    this.deliveryFee = payload?.delivery_fee === undefined || payload.delivery_fee === null ? null : money(payload.delivery_fee, currency);
    this.customer = payload?.customer ? toCustomer(payload.customer) : null;
    this.autoAccept = payload?.auto_order_accept ?? false;
    this.sendToStationOnAccept = payload?.auto_order_sent_to_station ?? false;
    if (raw.receipt !== undefined) this.receipt = raw.receipt === null ? null : toReceipt(raw.receipt);
    this.createdAt = raw.created_at ?? null;
    this.updatedAt = raw.updated_at ?? raw.created_at ?? null;
  }

  get lines(): OrderLine[] {
    this.#lines ??= (this.raw.payload?.products ?? []).map((line) => toLine(line, this.currency));
    return this.#lines;
  }

  get discount(): Discount | null {
    return this.parts().discount;
  }

  get serviceCharge(): ServiceCharge | null {
    return this.parts().serviceCharge;
  }

  get total(): Money {
    return this.parts().total;
  }

  private parts() {
    if (!this.#parts) {
      const { currency } = this;
      const subtotal = addMoney(zero(currency), ...this.lines.map((line) => line.total));
      const discount = toDiscount(this.raw, subtotal);
      const discounted = discount ? subtractMoney(subtotal, discount.amount) : subtotal;
      const serviceCharge = toServiceCharge(this.raw, discounted);
      this.#parts = { discount, serviceCharge, total: addMoney(discounted, serviceCharge?.amount ?? zero(currency), this.deliveryFee ?? zero(currency)) };
    }
    return this.#parts;
  }
}

export const toOrder = (order: ClopOrder, currency: string): Order => new CloposOrder(order, currency);
