import type { SubscriptionResolvers } from '../../../../generated/graphql.js';
import type { FeedMessage } from '../../../live/types.js';
import { parseVenueId } from '../../ids.js';

export const orderChanged: NonNullable<SubscriptionResolvers['orderChanged']> = {
  subscribe: (_parent, { filter, since }, { live, caller, subscriptionPool, disconnect }) => {
    // A plain Error (masked): a gateway without live updates is a wiring bug, not the caller's fault.
    if (!live) throw new Error('Live order updates are not wired into this gateway.');
    const venueId = parseVenueId(filter?.venueId, 'filter.venueId');
    return live.subscribe(subscriptionPool ?? caller, { ...filter, venueId: venueId ?? null }, since, disconnect ? { disconnect } : {});
  },
  resolve: (message: FeedMessage) => message,
};
