// An Order as plain data: every field read once (an adapter may compute lines and totals on first
// read, behind getters) and copied into plain objects, so it survives JSON unchanged (the live
// change log and Redis pub/sub carry orders as JSON). Money is already plain ({minor, currency}).
import type { Modifier, Order, OrderLine } from './order.js';

const plainModifier = (m: Modifier): Modifier => ({ modifierId: m.modifierId, name: m.name, quantity: m.quantity, price: { ...m.price }, portionSize: m.portionSize });

function plainLine(line: OrderLine): OrderLine {
  return {
    productId: line.productId,
    name: line.name,
    quantity: line.quantity,
    price: { ...line.price },
    portionSize: line.portionSize,
    status: line.status,
    productHash: line.productHash,
    note: line.note,
    modifiers: line.modifiers.map(plainModifier),
    total: { ...line.total },
  };
}

export function plainOrder(order: Order): Order {
  const plain: Order = {
    id: order.id,
    venueId: order.venueId,
    status: order.status,
    saleTypeId: order.saleTypeId,
    type: order.type,
    integration: order.integration,
    comment: order.comment,
    deliveryFee: order.deliveryFee && { ...order.deliveryFee },
    customer: order.customer && { ...order.customer },
    lines: order.lines.map(plainLine),
    discount: order.discount && { ...order.discount, amount: { ...order.discount.amount } },
    serviceCharge: order.serviceCharge && { ...order.serviceCharge, amount: { ...order.serviceCharge.amount } },
    autoAccept: order.autoAccept,
    sendToStationOnAccept: order.sendToStationOnAccept,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    total: order.total && { ...order.total },
  };
  // Undefined (read without its receipt) stays absent, as JSON would leave it.
  if (order.receipt !== undefined) plain.receipt = order.receipt && { ...order.receipt };
  return plain;
}
