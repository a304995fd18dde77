import type { QueryResolvers } from '../../../../generated/graphql.js';
import { catalogOf } from '../../catalog/page.js';

// Without a catalog, the adapter's own venues when it has them (Clover: the merchant).
export const venues: NonNullable<QueryResolvers['venues']> = (_parent, _args, ctx) =>
  !ctx.catalog && ctx.upstream.venues ? ctx.upstream.venues() : catalogOf(ctx).venues();
