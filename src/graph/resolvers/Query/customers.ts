import type { QueryResolvers } from '../../../../generated/graphql.js';
import { pageWindow, toPage } from '../../catalog/page.js';
import { badUserInput, graphError } from '../../errors.js';

export const customers: NonNullable<QueryResolvers['customers']> = async (_parent, { filter, first, after }, ctx) => {
  const records = ctx.upstream.catalog;
  if (!records) throw graphError('UPSTREAM_UNAVAILABLE', 'This POS offers no customers to the gateway.');
  const phone = filter.phone?.replace(/[^\d]/g, '') || undefined;
  const name = filter.name?.trim() || undefined;
  if (filter.phone && !phone) throw badUserInput('`filter.phone` must contain digits.', 'filter');
  if (!phone && !name) throw badUserInput('Give `filter.phone` or `filter.name`.', 'filter');
  const window = pageWindow({ first, after }, ['customers', phone, name], 100, 20);
  if (window.size === 0) return toPage([], window.offset, 0, window.query);
  // The POS pages by page number: read the page holding the offset (and the next when it straddles).
  const page = Math.floor(window.offset / window.size) + 1;
  const skip = window.offset % window.size;
  const query = { ...(phone ? { phone } : {}), ...(name ? { name } : {}), limit: window.size };
  const found = await records.customers({ ...query, page });
  let list = found.customers.slice(skip);
  if (skip > 0 && window.offset + list.length < found.total) {
    const next = await records.customers({ ...query, page: page + 1 });
    list = [...list, ...next.customers].slice(0, window.size);
  }
  return toPage(list, window.offset, found.total, window.query);
};
