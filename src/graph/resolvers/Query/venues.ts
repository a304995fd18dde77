import type { QueryResolvers } from '../../../../generated/graphql.js';
import { catalogOf } from '../../catalog/page.js';

export const venues: NonNullable<QueryResolvers['venues']> = (_parent, _args, ctx) => catalogOf(ctx).venues();
