import type { MutationResolvers } from '../../../../generated/graphql.js';
import { catalogOf } from '../../catalog/page.js';

/** A mutation, so it needs a key with write scope (src/http/auth.ts refuses read keys). */
export const invalidateCatalog: NonNullable<MutationResolvers['invalidateCatalog']> = (_parent, _args, ctx) => ({
  dropped: catalogOf(ctx).invalidate(),
});
