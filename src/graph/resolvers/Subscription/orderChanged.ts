import type { SubscriptionResolvers } from '../../../../generated/graphql.js';
import type { OrderChange } from '../../../domain/order.js';
import { optionalId } from '../../ids.js';

export const orderChanged: NonNullable<SubscriptionResolvers['orderChanged']> = {
  subscribe: (_parent, { filter, since }, { live, caller, upstream, subscriptionPool, disconnect }) => {
    // A plain Error (masked): a gateway without live updates is a wiring bug, not the caller's fault.
    if (!live) throw new Error('Live order updates are not wired into this gateway.');
    const venueId = optionalId(upstream.checkVenueId, filter?.venueId, 'filter.venueId');
    return live.subscribe(subscriptionPool ?? caller, { ...filter, venueId: venueId ?? null }, since, disconnect ? { disconnect } : {});
  },
  // The poller publishes domain changes as plain data (they cross Redis as JSON): shown as they are.
  resolve: (message: OrderChange) => message,
};
