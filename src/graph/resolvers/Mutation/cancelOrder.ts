import type { MutationResolvers } from '../../../../generated/graphql.js';
import { isUpstreamError } from '../../../upstreams/errors.js';
import { checkedId, optionalId } from '../../ids.js';
import { failed, userError } from '../../write/payloads.js';

const notFound = () => failed([userError(['id'], 'NOT_FOUND', 'There is no such order.')]);

export const cancelOrder: NonNullable<MutationResolvers['cancelOrder']> = async (_parent, args, { upstream, orderLoader }) => {
  const id = checkedId(upstream.checkOrderId, args.id, 'id');
  const venueId = optionalId(upstream.checkVenueId, args.venueId, 'venueId');
  try {
    const cancelled = await upstream.cancel(id, { venueId });
    return cancelled ? { order: { id, venueId, known: cancelled }, userErrors: [] } : notFound();
  } catch (error) {
    if (!isUpstreamError(error) || error.code !== 'UPSTREAM_BAD_REQUEST') throw error;
    // The POS may refuse to cancel twice; an order that is already cancelled is what was asked for.
    const current = await orderLoader.load({ id, venueId, withReceipt: false });
    if (!current) return notFound();
    if (current.status === 'CANCELLED') return { order: { id, venueId, known: current }, userErrors: [] };
    return failed([userError(['id'], 'UPSTREAM_REJECTED', `The POS refused to cancel this ${current.status} order.`)]);
  }
};
