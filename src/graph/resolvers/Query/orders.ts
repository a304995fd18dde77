import type { ListQuery, SortField } from '../../../domain/upstream.js';
import type { OrderFilter, OrderSort, QueryResolvers } from '../../../../generated/graphql.js';
import { paginate } from '../../connection.js';
import { queryKey } from '../../cursor.js';
import { badUserInput } from '../../errors.js';
import { optionalId } from '../../ids.js';
import { selectsField } from '../../selection.js';
import type { GraphContext } from '../../context.js';

const SORT_FIELDS: Record<OrderSort['field'], SortField> = { ID: 'id', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' };

function listQuery(filter: OrderFilter | null | undefined, orderBy: OrderSort | null | undefined, { upstream }: GraphContext) {
  if (filter?.createdFrom && filter.createdTo && filter.createdFrom > filter.createdTo) {
    throw badUserInput('`filter.createdFrom` is after `filter.createdTo`.', 'filter.createdFrom');
  }
  const query: Omit<ListQuery, 'page' | 'limit'> = {
    status: filter?.status ?? undefined,
    createdFrom: filter?.createdFrom ?? undefined,
    createdTo: filter?.createdTo ?? undefined,
    venueId: optionalId(upstream.checkVenueId, filter?.venueId, 'filter.venueId'),
    sort: { field: SORT_FIELDS[orderBy?.field ?? 'CREATED_AT'], direction: orderBy?.direction === 'ASC' ? 'ASC' : 'DESC' },
  };
  return query;
}

export const orders: NonNullable<QueryResolvers['orders']> = (_parent, args, ctx, info) => {
  const query = listQuery(args.filter, args.orderBy, ctx);
  // Cursors belong to the filter and sort, not to the page size or the fields selected.
  const key = queryKey(query);
  const withReceipt = selectsField(info, 'receipt');
  return paginate(args, key, ({ page, limit }) => ctx.upstream.list({ ...query, page, limit, withReceipt }));
};
