// CreateOrderInput → the documented POST /orders body. Ids go as numbers; omitted optional
// fields are left out (Clopos applies its defaults), never sent as null.
import { createHash } from 'node:crypto';
import type { CreateOrderInput, OrderLineInput } from '../../../generated/graphql.js';
import type { ClopCreateOrderRequest } from '../../clopos/types.js';

type Body = ClopCreateOrderRequest;
type Product = Body['products'][number];
type Modifier = NonNullable<Product['modifiers']>[number];

/** Copies only the fields that have a value. */
function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as T;
}

/**
 * A stable hash of what makes a line distinct for the kitchen: the product, its name, unit price
 * and portion, and its modifiers (sorted, so their order does not matter). Quantity and note are
 * left out: the same dish ordered twice has the same hash. sha256 of that JSON, first 16 hex digits.
 */
export function deriveProductHash(line: OrderLineInput): string {
  const modifiers = (line.modifiers ?? [])
    .map((m) => [Number(m.modifierId), m.name, m.quantity, m.unitPrice ?? 0, m.portionSize ?? 1] as const)
    .sort((a, b) => a[0] - b[0] || String(a[1]).localeCompare(String(b[1])));
  const content = [Number(line.productId), line.name, line.unitPrice, line.portionSize ?? 1, modifiers];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}

/**
 * The product_hash sent: the caller's own, kept verbatim; otherwise the content hash, followed by
 * the attempt's marker when there is one (`<16 hex>-<16 hex>`). Clopos echoes product_hash on
 * reads, so the marker is how a repeat recognises the order its first attempt created.
 */
export function lineHash(line: OrderLineInput, marker?: string): string {
  if (line.productHash) return line.productHash;
  return marker ? `${deriveProductHash(line)}-${marker}` : deriveProductHash(line);
}

const MARKED = /^[0-9a-f]{16}-([0-9a-f]{16})$/;

/** The attempt marker a product_hash read back from Clopos carries, if it has the gateway's form. */
export function markerOf(hash: string | null | undefined): string | undefined {
  return hash ? MARKED.exec(hash)?.[1] : undefined;
}

function toProduct(line: OrderLineInput, marker?: string): Product {
  return defined<Product>({
    product_id: Number(line.productId),
    product_name: line.name,
    count: line.quantity,
    price: line.unitPrice,
    status: line.status ?? 'new',
    product_hash: lineHash(line, marker),
    portion_size: line.portionSize ?? undefined,
    note: line.note ?? undefined,
    modifiers: line.modifiers?.map((m) =>
      defined<Modifier>({
        modifier_id: Number(m.modifierId),
        modifier_name: m.name,
        count: m.quantity,
        price: m.unitPrice ?? undefined,
        portion_size: m.portionSize ?? undefined,
      }),
    ),
  });
}

/** `marker`: the attempt's marker, added to the product_hash of every line the caller gave none. */
export function toCreateOrderBody(input: CreateOrderInput, marker?: string): Body {
  const { customer } = input;
  return defined<Body>({
    sale_type_id: Number(input.saleTypeId),
    venue_id: Number(input.venueId),
    // Clopos requires customer.id; third-party clients send 0 for a guest, and so do we.
    customer: defined<Body['customer']>({
      id: customer.id === null || customer.id === undefined ? 0 : Number(customer.id),
      phone: customer.phone ?? undefined,
      address: customer.address ?? undefined,
      customer_discount_type: customer.discountType ?? undefined,
      name: customer.name ?? undefined,
    }),
    products: input.lines.map((line) => toProduct(line, marker)),
    delivery_fee: input.deliveryFee ?? undefined,
    comment: input.comment ?? undefined,
    discount: input.discount ? { discount_type: input.discount.type, discount_value: input.discount.value } : undefined,
    service_charge: input.serviceCharge ? { enabled: input.serviceCharge.enabled, value: input.serviceCharge.value } : undefined,
    auto_order_accept: input.autoAccept ?? undefined,
    auto_accept_terminal: input.autoAcceptTerminalId ? Number(input.autoAcceptTerminalId) : undefined,
    auto_order_sent_to_station: input.sendToStationOnAccept ?? undefined,
  });
}
