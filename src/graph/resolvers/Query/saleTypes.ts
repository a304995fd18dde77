import type { QueryResolvers } from '../../../../generated/graphql.js';
import { catalogOf } from '../../catalog/page.js';
import { badUserInput } from '../../errors.js';

export const saleTypes: NonNullable<QueryResolvers['saleTypes']> = async (_parent, { venueId }, ctx) => {
  const catalog = catalogOf(ctx);
  if (venueId !== null && venueId !== undefined) {
    const expected = ctx.upstream.checkVenueId(venueId);
    if (expected) throw badUserInput(`\`venueId\` must be ${expected}.`, 'venueId');
  }
  const all = await catalog.saleTypes();
  if (venueId === null || venueId === undefined) return all;
  // A sale type the POS gives no venue map for is offered everywhere.
  const plain = String(Number(venueId));
  return all.filter((s) => s.venueIds === null || s.venueIds.includes(plain));
};
