import type { MutationResolvers } from '../../../../generated/graphql.js';
import { isUpstreamError } from '../../../clopos/errors.js';
import { parseNumericId, parseVenueId } from '../../ids.js';
import { failed, userError } from '../../write/payloads.js';

const notFound = () => failed([userError(['id'], 'NOT_FOUND', 'There is no such order.')]);

export const cancelOrder: NonNullable<MutationResolvers['cancelOrder']> = async (_parent, args, { clopos, orderLoader }) => {
  const id = parseNumericId(args.id, 'id');
  const venueId = parseVenueId(args.venueId, 'venueId');
  try {
    const cancelled = await clopos.cancelOrder(id, { venueId });
    return cancelled ? { order: { id, venueId, known: cancelled }, userErrors: [] } : notFound();
  } catch (error) {
    if (!isUpstreamError(error) || error.code !== 'UPSTREAM_BAD_REQUEST') throw error;
    // Clopos may refuse to cancel twice; an order that is already cancelled is what was asked for.
    const current = await orderLoader.load({ id, venueId, withReceipt: false });
    if (!current) return notFound();
    if (current.status === 'IGNORE') return { order: { id, venueId, known: current }, userErrors: [] };
    return failed([userError(['id'], 'UPSTREAM_REJECTED', `Clopos refused to cancel this ${current.status} order.`)]);
  }
};
