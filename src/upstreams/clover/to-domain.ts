// Clover REST shapes → the domain. Money: Clover sends integer cents (minor units) and each order
// its own `currency`; every amount becomes Money in that currency exactly, with no float step.
// Quantity: Clover has one line item per unit, so consecutive identical line items (same code,
// name, price, note and modifications) read back as one line with their count; each modifier
// applied N times to a line item reads as one modifier of quantity N.
import { addMoney, multiplyMoney, type Money } from '../../domain/money.js';
import type { Customer, Modifier, Order, OrderLine, OrderStatus } from '../../domain/order.js';
import type { CloverLineItem, CloverOrder } from './client.js';

/** The state cancelOrder sets (Clover has no cancelled state; non-null states are not enforced). */
export const CANCELLED_STATE = 'cancelled';

/**
 * Status from `state` and deletion only, so a status filter is one exact Clover `filter=`:
 * locked → DELIVERED, cancelled (ours) or deleted → CANCELLED, any other non-null state (open) →
 * RECEIVED. Hidden orders (state null) are not shown at all. `paymentState` does not change the
 * status: Clover cannot filter on it (README "Clover").
 */
export function toStatus(order: Pick<CloverOrder, 'state' | 'deletedTime'>): OrderStatus {
  if (order.deletedTime !== undefined && order.deletedTime !== null) return 'CANCELLED';
  const state = (order.state ?? '').toLowerCase();
  if (state === 'locked') return 'DELIVERED';
  if (state === CANCELLED_STATE) return 'CANCELLED';
  return 'RECEIVED';
}

/** `saleTypeId` of a Clover order with no `orderType`. */
export const NO_ORDER_TYPE = 'NONE';

export const isHidden = (order: CloverOrder) => order.state === null || order.state === undefined;

const cents = (value: number | undefined, currency: string): Money => ({ minor: Number.isSafeInteger(value) ? (value as number) : 0, currency });

/** `itemCode` as the gateway writes it: `<productId>|<productHash>`. */
export function splitItemCode(code: string | undefined): { productId: string | null; productHash: string | null } {
  if (!code) return { productId: null, productHash: null };
  const at = code.indexOf('|');
  return at < 0 ? { productId: code, productHash: null } : { productId: code.slice(0, at), productHash: code.slice(at + 1) };
}

function modifiersOf(item: CloverLineItem, currency: string): Modifier[] {
  const out: Modifier[] = [];
  for (const m of item.modifications?.elements ?? []) {
    const id = m.modifier?.id ?? m.id;
    if (!id) continue;
    const same = out.find((o) => o.modifierId === id && o.name === (m.name ?? '') && o.price.minor === (m.amount ?? 0));
    if (same) same.quantity++;
    else out.push({ modifierId: id, name: m.name ?? '', quantity: 1, price: cents(m.amount, currency), portionSize: 1 });
  }
  return out;
}

function signature(item: CloverLineItem): string {
  const mods = (item.modifications?.elements ?? []).map((m) => [m.modifier?.id, m.name, m.amount]);
  return JSON.stringify([item.itemCode ?? item.item?.id, item.name, item.price, item.note, mods]);
}

export function toLines(items: CloverLineItem[], currency: string): OrderLine[] {
  const lines: OrderLine[] = [];
  let last: { key: string; line: OrderLine } | undefined;
  for (const item of items) {
    const key = signature(item);
    if (last && last.key === key) {
      last.line.quantity++;
      continue;
    }
    const code = splitItemCode(item.itemCode);
    const line: OrderLine = {
      productId: code.productId ?? item.item?.id ?? null,
      name: item.name ?? '',
      quantity: 1,
      price: cents(item.price, currency),
      portionSize: 1,
      status: null,
      productHash: code.productHash,
      note: item.note ?? null,
      modifiers: modifiersOf(item, currency),
      total: cents(0, currency),
    };
    lines.push(line);
    last = { key, line };
  }
  for (const line of lines) {
    const unit = addMoney(line.price, ...line.modifiers.map((m) => multiplyMoney(m.price, m.quantity)));
    line.total = multiplyMoney(unit, line.quantity);
  }
  return lines;
}

function toCustomer(order: CloverOrder): Customer | null {
  const c = order.customers?.elements?.[0];
  if (!c) return null;
  const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
  return { id: c.id ?? null, name: name || null, phone: c.phoneNumber ?? null, address: null, discountType: null };
}

const iso = (ms: number | undefined) => (typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : null);

/** `items`: every line item when the order had more than the nested cap (read page by page). */
export function toOrder(order: CloverOrder, merchantId: string, fallbackCurrency: string, items?: CloverLineItem[]): Order {
  const currency = (order.currency ?? fallbackCurrency).toUpperCase();
  return {
    id: order.id,
    venueId: merchantId,
    status: toStatus(order),
    // The graph's saleTypeId is non-null; an order Clover holds without an order type reads this.
    saleTypeId: order.orderType?.id ?? NO_ORDER_TYPE,
    type: null,
    integration: null,
    comment: order.note ?? null,
    deliveryFee: null,
    customer: toCustomer(order),
    lines: toLines(items ?? order.lineItems?.elements ?? [], currency),
    discount: null,
    serviceCharge: null,
    autoAccept: false,
    sendToStationOnAccept: false,
    // Clover orders have no receipt of the Clopos kind: null, never "read without it" (undefined).
    receipt: null,
    createdAt: iso(order.createdTime),
    updatedAt: iso(order.modifiedTime ?? order.createdTime),
    // Set by whichever app last changed the order (Clover never recomputes it): shown, not derived.
    total: typeof order.total === 'number' && Number.isSafeInteger(order.total) ? cents(order.total, currency) : null,
  };
}
