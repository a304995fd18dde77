import type { MutationResolvers } from '../../../../generated/graphql.js';
import { placeOrder } from '../../write/placeOrder.js';

export const createOrder: NonNullable<MutationResolvers['createOrder']> = (_parent, { input }, ctx) =>
  placeOrder(input, {
    upstream: ctx.upstream,
    ...(ctx.catalog ? { catalog: ctx.catalog } : {}),
    store: ctx.idempotency,
    scope: ctx.idempotencyScope,
    ...(ctx.commitWindowMs === undefined ? {} : { commitWindowMs: ctx.commitWindowMs }),
  });
