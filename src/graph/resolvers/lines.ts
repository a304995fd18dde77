// Order lines and their modifiers. A line's count and price appear both on the line and in
// `meta.order_product`: the line's own values win. Filled modifiers are never shown in the docs,
// so each key is read from its documented alternatives with the defaults the docs give.
import type { OrderLineModifierResolvers, OrderLineResolvers } from '../../../generated/graphql.js';
import type { ClopModifier } from '../../clopos/types.js';

function modifierId(modifier: ClopModifier): number | undefined {
  return modifier.modifier_id ?? modifier.modificator_id ?? modifier.id;
}

export const OrderLine: OrderLineResolvers = {
  productId: (line) => {
    const id = line.product_id ?? line.meta?.order_product?.product?.id;
    if (id === undefined) throw new Error('Clopos order line has no product_id');
    return String(id);
  },
  name: (line) => line.meta?.order_product?.product?.name ?? '',
  quantity: (line) => line.count ?? line.meta?.order_product?.count ?? 1,
  unitPrice: (line) => line.meta?.price ?? line.meta?.order_product?.product?.price ?? 0,
  portionSize: (line) => line.portion_size ?? 1,
  status: (line) => line.meta?.order_product?.status ?? null,
  productHash: (line) => line.meta?.order_product?.product_hash ?? null,
  note: (line) => line.meta?.order_product?.note ?? null,
  // A modifier without any id cannot be shown faithfully; it is left out rather than failing the order.
  modifiers: (line) =>
    (line.product_modificators ?? line.meta?.order_product?.product_modificators ?? []).filter(
      (modifier) => modifierId(modifier) !== undefined,
    ),
};

export const OrderLineModifier: OrderLineModifierResolvers = {
  modifierId: (modifier) => String(modifierId(modifier)),
  name: (modifier) => modifier.modifier_name ?? modifier.name ?? '',
  quantity: (modifier) => modifier.count ?? 1,
  unitPrice: (modifier) => modifier.price ?? 0,
  portionSize: (modifier) => modifier.portion_size ?? 1,
};
