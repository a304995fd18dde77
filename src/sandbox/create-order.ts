// POST /orders: validates the documented body (facts §1.4) and turns it into the stored order shape,
// applying the documented server-side defaults.
import type { ClopCreateOrderRequest, ClopModifier, ClopOrder } from '../upstreams/clopos/types.js';
import { VENUE_IDS } from './catalog.js';
import type { Parsed } from './list-query.js';
import { buildLine, buildOrder } from './orders.js';

type Body = Record<string, unknown>;
type Product = ClopCreateOrderRequest['products'][number];
type Modifier = NonNullable<Product['modifiers']>[number];

class ValidationFailed extends Error {}
function fail(message: string): never {
  throw new ValidationFailed(message);
}

const isObject = (v: unknown): v is Body => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function integer(name: string, v: unknown, min: number): number {
  if (!isNumber(v) || !Number.isInteger(v) || v < min) fail(`${name} must be an integer${min > 0 ? ' greater than 0' : ' of 0 or more'}`);
  return v;
}
function number(name: string, v: unknown, min: number, strict: boolean): number {
  if (!isNumber(v) || (strict ? v <= min : v < min)) fail(`${name} must be a number ${strict ? 'greater than' : 'of at least'} ${min}`);
  return v;
}
function optional<T>(v: unknown, read: (v: unknown) => T): T | undefined {
  return v === undefined ? undefined : read(v);
}
function text(name: string, v: unknown, nonEmpty: boolean): string {
  if (typeof v !== 'string' || (nonEmpty && v.trim() === '')) fail(`${name} must be a ${nonEmpty ? 'non-empty ' : ''}string`);
  return v;
}
function bool(name: string, v: unknown): boolean {
  if (typeof v !== 'boolean') fail(`${name} must be a boolean`);
  return v;
}

function readModifier(name: string, v: unknown): Modifier {
  if (!isObject(v)) fail(`${name} must be an object`);
  return {
    modifier_id: integer(`${name}.modifier_id`, v.modifier_id, 1),
    modifier_name: text(`${name}.modifier_name`, v.modifier_name, true),
    count: optional(v.count, (c) => number(`${name}.count`, c, 0, true)) ?? 1,
    price: optional(v.price, (p) => number(`${name}.price`, p, 0, false)) ?? 0,
    portion_size: optional(v.portion_size, (p) => number(`${name}.portion_size`, p, 0, true)) ?? 1,
  };
}

function readProduct(name: string, v: unknown): Product {
  if (!isObject(v)) fail(`${name} must be an object`);
  const modifiers = optional(v.modifiers, (m) => {
    if (!Array.isArray(m)) fail(`${name}.modifiers must be an array`);
    return m.map((item, i) => readModifier(`${name}.modifiers[${i}]`, item));
  });
  const product: Product = {
    product_id: integer(`${name}.product_id`, v.product_id, 1),
    product_name: text(`${name}.product_name`, v.product_name, true),
    count: number(`${name}.count`, v.count, 0, true),
    price: number(`${name}.price`, v.price, 0, false),
    portion_size: optional(v.portion_size, (p) => number(`${name}.portion_size`, p, 0, true)) ?? 1,
    modifiers: modifiers ?? [],
  };
  const status = optional(v.status, (s) => text(`${name}.status`, s, true));
  const hash = optional(v.product_hash, (h) => text(`${name}.product_hash`, h, false));
  const note = optional(v.note, (n) => text(`${name}.note`, n, false));
  if (status !== undefined) product.status = status;
  if (hash !== undefined) product.product_hash = hash;
  if (note !== undefined) product.note = note;
  return product;
}

export function validateCreateOrder(body: unknown): Parsed<ClopCreateOrderRequest> {
  try {
    if (!isObject(body)) fail('Request body must be a JSON object');
    const saleTypeId = integer('sale_type_id', body.sale_type_id, 1);
    const venueId = integer('venue_id', body.venue_id, 1);
    if (!VENUE_IDS.includes(venueId)) fail(`venue_id ${venueId} does not exist`);
    const c = body.customer;
    if (!isObject(c)) fail('customer is required and must be an object');
    // id 0 is how third-party clients send a guest (facts §1.4); the sandbox accepts it.
    const customer: ClopCreateOrderRequest['customer'] = { id: integer('customer.id', c.id, 0) };
    const phone = optional(c.phone, (p) => text('customer.phone', p, false));
    const address = optional(c.address, (a) => text('customer.address', a, false));
    const name = optional(c.name, (n) => text('customer.name', n, false));
    const discountType = optional(c.customer_discount_type, (d) => integer('customer.customer_discount_type', d, 0));
    if (phone !== undefined) customer.phone = phone;
    if (address !== undefined) customer.address = address;
    if (name !== undefined) customer.name = name;
    if (discountType !== undefined) customer.customer_discount_type = discountType;
    if (!Array.isArray(body.products) || body.products.length === 0) fail('products must be a non-empty array');
    const request: ClopCreateOrderRequest = {
      sale_type_id: saleTypeId,
      venue_id: venueId,
      customer,
      products: body.products.map((p, i) => readProduct(`products[${i}]`, p)),
      auto_order_accept: optional(body.auto_order_accept, (v) => bool('auto_order_accept', v)) ?? false,
      auto_order_sent_to_station: optional(body.auto_order_sent_to_station, (v) => bool('auto_order_sent_to_station', v)) ?? false,
    };
    const terminal = optional(body.auto_accept_terminal, (v) => integer('auto_accept_terminal', v, 1));
    const fee = optional(body.delivery_fee, (v) => number('delivery_fee', v, 0, false));
    const comment = optional(body.comment, (v) => text('comment', v, false));
    if (terminal !== undefined) request.auto_accept_terminal = terminal;
    if (fee !== undefined) request.delivery_fee = fee;
    if (comment !== undefined) request.comment = comment;
    const d = body.discount;
    if (d !== undefined) {
      if (!isObject(d)) fail('discount must be an object');
      request.discount = {
        discount_type: optional(d.discount_type, (v) => integer('discount.discount_type', v, 0)) ?? 0,
        discount_value: optional(d.discount_value, (v) => number('discount.discount_value', v, 0, false)) ?? 0,
      };
    }
    const s = body.service_charge;
    if (s !== undefined) {
      if (!isObject(s)) fail('service_charge must be an object');
      request.service_charge = {
        enabled: optional(s.enabled, (v) => bool('service_charge.enabled', v)) ?? false,
        value: optional(s.value, (v) => number('service_charge.value', v, 0, false)) ?? 0,
      };
    }
    return { ok: true, value: request };
  } catch (error) {
    if (error instanceof ValidationFailed) return { ok: false, message: error.message };
    throw error;
  }
}

function storedModifiers(modifiers: readonly Modifier[]): ClopModifier[] {
  return modifiers.map((m) => ({
    modifier_id: m.modifier_id,
    modifier_name: m.modifier_name,
    count: m.count ?? 1,
    price: m.price ?? 0,
    portion_size: m.portion_size ?? 1,
  }));
}

/** The stored shape of a created order: what GET /orders/{id} will show for it. */
export function orderFromRequest(request: ClopCreateOrderRequest, id: number, nowSec: number): ClopOrder {
  const customer = request.customer;
  return buildOrder({
    id,
    venueId: request.venue_id,
    saleTypeId: request.sale_type_id,
    status: 'PENDING',
    customer: {
      id: customer.id,
      phone: customer.phone ?? null,
      address: customer.address ?? null,
      customer_discount_type: customer.customer_discount_type ?? null,
      name: customer.name ?? null,
    },
    lines: request.products.map((p) =>
      buildLine({
        productId: p.product_id,
        name: p.product_name,
        unitPrice: p.price,
        count: p.count,
        portionSize: p.portion_size ?? 1,
        status: p.status ?? 'new',
        modifiers: storedModifiers(p.modifiers ?? []),
        ...(p.product_hash === undefined ? {} : { productHash: p.product_hash }),
        ...(p.note === undefined ? {} : { note: p.note }),
      }),
    ),
    deliveryFee: request.delivery_fee ?? null,
    comment: request.comment ?? null,
    discount: { discount_type: request.discount?.discount_type ?? 0, discount_value: request.discount?.discount_value ?? 0 },
    serviceCharge: { enabled: request.service_charge?.enabled ?? false, value: request.service_charge?.value ?? 0 },
    autoAccept: request.auto_order_accept ?? false,
    autoSendToStation: request.auto_order_sent_to_station ?? false,
    createdSec: nowSec,
    updatedSec: nowSec,
  });
}
