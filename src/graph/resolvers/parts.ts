// The small objects of an order.
import type { MoneyResolvers, OrderConnectionResolvers } from '../../../generated/graphql.js';
import { formatMoney } from '../../domain/money.js';

export const Money: MoneyResolvers = {
  amount: (money) => formatMoney(money),
  currencyCode: (money) => money.currency,
};

export const OrderConnection: OrderConnectionResolvers = {
  edges: (page) => page.edges,
  nodes: (page) => page.edges.map((edge) => edge.node),
  totalCount: (page) => page.totalCount,
  pageInfo: (page) => ({
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    startCursor: page.edges[0]?.cursor ?? null,
    endCursor: page.edges.at(-1)?.cursor ?? null,
  }),
};
