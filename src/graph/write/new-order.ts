// CreateOrderInput → the domain's NewOrder, with the gateway's product hash (and attempt marker)
// on every line. Amounts keep the caller's exact value as a decimal string; the adapter sends
// them in its POS's own form.
import { createHash } from 'node:crypto';
import type { CreateOrderInput, OrderLineInput } from '../../../generated/graphql.js';
import { formatDecimal } from '../../domain/money.js';
import type { NewLine, NewOrder } from '../../domain/upstream.js';

/** Copies only the fields that have a value. */
function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as T;
}

const decimal = (value: number | null | undefined) => (value === null || value === undefined ? undefined : formatDecimal(value));

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
  // name and unitPrice are always set here: placeOrder fills them from the catalog (or requires them).
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}

/**
 * The product hash sent: the caller's own, kept verbatim; otherwise the content hash, followed by
 * the attempt's marker when there is one (`<16 hex>-<16 hex>`). The POS echoes it on reads, so the
 * marker is how a repeat recognises the order its first attempt created.
 */
export function lineHash(line: OrderLineInput, marker?: string): string {
  if (line.productHash) return line.productHash;
  return marker ? `${deriveProductHash(line)}-${marker}` : deriveProductHash(line);
}

const MARKED = /^[0-9a-f]{16}-([0-9a-f]{16})$/;

/** The attempt marker a product hash read back carries, if it has the gateway's form. */
export function markerOf(hash: string | null | undefined): string | undefined {
  return hash ? MARKED.exec(hash)?.[1] : undefined;
}

function toLine(line: OrderLineInput, marker?: string): NewLine {
  return defined<NewLine>({
    productId: line.productId,
    name: line.name ?? '',
    quantity: line.quantity,
    unitPrice: formatDecimal(line.unitPrice ?? 0),
    status: line.status ?? undefined,
    productHash: lineHash(line, marker),
    portionSize: line.portionSize ?? undefined,
    note: line.note ?? undefined,
    modifiers: line.modifiers?.map((m) =>
      defined({
        modifierId: m.modifierId,
        name: m.name ?? '',
        quantity: m.quantity,
        unitPrice: decimal(m.unitPrice),
        portionSize: m.portionSize ?? undefined,
      }),
    ),
  });
}

/** `marker`: the attempt's marker, added to the product hash of every line the caller gave none. */
export function toNewOrder(input: CreateOrderInput, marker?: string): NewOrder {
  const { customer } = input;
  return defined<NewOrder>({
    venueId: input.venueId,
    saleTypeId: input.saleTypeId,
    customer: defined({
      id: customer.id ?? undefined,
      phone: customer.phone ?? undefined,
      address: customer.address ?? undefined,
      discountType: customer.discountType ?? undefined,
      name: customer.name ?? undefined,
    }),
    lines: input.lines.map((line) => toLine(line, marker)),
    deliveryFee: decimal(input.deliveryFee),
    comment: input.comment ?? undefined,
    discount: input.discount ? { type: input.discount.type, value: formatDecimal(input.discount.value) } : undefined,
    serviceCharge: input.serviceCharge ? { enabled: input.serviceCharge.enabled, value: formatDecimal(input.serviceCharge.value) } : undefined,
    autoAccept: input.autoAccept ?? undefined,
    autoAcceptTerminalId: input.autoAcceptTerminalId ?? undefined,
    sendToStationOnAccept: input.sendToStationOnAccept ?? undefined,
  });
}
