import type { ListOrdersParams, SortField } from '../../../clopos/api.js';
import type { OrderFilter, OrderSort, QueryResolvers } from '../../../../generated/graphql.js';
import { paginate } from '../../connection.js';
import { queryKey } from '../../cursor.js';
import { badUserInput } from '../../errors.js';
import { parseVenueId } from '../../ids.js';
import { selectsField } from '../../selection.js';

const SORT_FIELDS: Record<OrderSort['field'], SortField> = { ID: 'id', CREATED_AT: 'created_at', UPDATED_AT: 'updated_at' };

function listParams(filter: OrderFilter | null | undefined, orderBy: OrderSort | null | undefined) {
  if (filter?.createdFrom && filter.createdTo && filter.createdFrom > filter.createdTo) {
    throw badUserInput('`filter.createdFrom` is after `filter.createdTo`.', 'filter.createdFrom');
  }
  const params: Omit<ListOrdersParams, 'page' | 'limit'> = {
    status: filter?.status ?? undefined,
    createdFrom: filter?.createdFrom ?? undefined,
    createdTo: filter?.createdTo ?? undefined,
    venueId: parseVenueId(filter?.venueId, 'filter.venueId'),
    sort: { field: SORT_FIELDS[orderBy?.field ?? 'CREATED_AT'], direction: orderBy?.direction === 'ASC' ? 1 : -1 },
  };
  return params;
}

export const orders: NonNullable<QueryResolvers['orders']> = (_parent, args, { clopos }, info) => {
  const params = listParams(args.filter, args.orderBy);
  // Cursors belong to the filter and sort, not to the page size or the fields selected.
  const query = queryKey(params);
  const withReceipt = selectsField(info, 'receipt');
  return paginate(args, query, ({ page, limit }) => clopos.listOrders({ ...params, page, limit, withReceipt }));
};
