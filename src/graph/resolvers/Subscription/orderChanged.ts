import type { SubscriptionResolvers } from '../../../../generated/graphql.js';
import type { GraphContext } from '../../context.js';
import { optionalId } from '../../ids.js';

export const orderChanged: NonNullable<SubscriptionResolvers['orderChanged']> = {
  subscribe: (_parent, { filter, since }, { live, caller, upstream, subscriptionPool, disconnect }) => {
    // A plain Error (masked): a gateway without live updates is a wiring bug, not the caller's fault.
    if (!live) throw new Error('Live order updates are not wired into this gateway.');
    const venueId = optionalId(upstream.checkVenueId, filter?.venueId, 'filter.venueId');
    return live.subscribe(subscriptionPool ?? caller, { ...filter, venueId: venueId ?? null }, since, disconnect ? { disconnect } : {});
  },
  // The poller publishes the POS's own shape (it crosses Redis as is); the adapter maps it.
  resolve: (message: unknown, _args: unknown, { upstream }: GraphContext) => upstream.change(message),
};
