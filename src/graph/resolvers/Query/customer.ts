import type { QueryResolvers } from '../../../../generated/graphql.js';
import { badUserInput } from '../../errors.js';

export const customer: NonNullable<QueryResolvers['customer']> = (_parent, { id }, ctx) => {
  const expected = ctx.upstream.checkId(id);
  if (expected) throw badUserInput(`\`id\` must be ${expected}.`, 'id');
  return ctx.customerLoader.load(id);
};
