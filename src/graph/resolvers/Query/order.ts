import type { QueryResolvers } from '../../../../generated/graphql.js';
import { checkedId, optionalId } from '../../ids.js';
import { selectsField } from '../../selection.js';

export const order: NonNullable<QueryResolvers['order']> = (_parent, args, { upstream, orderLoader }, info) =>
  orderLoader.load({
    id: checkedId(upstream.checkOrderId, args.id, 'id'),
    venueId: optionalId(upstream.checkVenueId, args.venueId, 'venueId'),
    withReceipt: selectsField(info, 'receipt'),
  });
