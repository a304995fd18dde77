import type { SubscriptionResolvers } from '../../../../generated/graphql.js';
import type { OrderChangeEvent } from '../../../live/types.js';
import { parseVenueId } from '../../ids.js';

export const orderChanged: NonNullable<SubscriptionResolvers['orderChanged']> = {
  subscribe: (_parent, { filter, since }, { live, caller }) => {
    // A plain Error (masked): a gateway without live updates is a wiring bug, not the caller's fault.
    if (!live) throw new Error('Live order updates are not wired into this gateway.');
    const venueId = parseVenueId(filter?.venueId, 'filter.venueId');
    return live.subscribe(caller, { ...filter, venueId: venueId ?? null }, since);
  },
  resolve: (event: OrderChangeEvent) => event,
};
