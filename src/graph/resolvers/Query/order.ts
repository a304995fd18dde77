import type { QueryResolvers } from '../../../../generated/graphql.js';
import { parseNumericId, parseVenueId } from '../../ids.js';
import { selectsField } from '../../selection.js';

export const order: NonNullable<QueryResolvers['order']> = (_parent, args, { orderLoader }, info) =>
  orderLoader.load({
    id: parseNumericId(args.id, 'id'),
    venueId: parseVenueId(args.venueId, 'venueId'),
    withReceipt: selectsField(info, 'receipt'),
  });
