// Order lines and their modifiers: the domain's, plus the deprecated Float prices.
import type { OrderLineModifierResolvers, OrderLineResolvers } from '../../../generated/graphql.js';
import { moneyToNumber } from '../../domain/money.js';

export const OrderLine: OrderLineResolvers = {
  productId: (line) => {
    if (line.productId === null) throw new Error('Upstream order line has no product id');
    return line.productId;
  },
  unitPrice: (line) => moneyToNumber(line.price),
};

export const OrderLineModifier: OrderLineModifierResolvers = {
  unitPrice: (modifier) => moneyToNumber(modifier.price),
};
