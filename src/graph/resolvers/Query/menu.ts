import type { QueryResolvers } from '../../../../generated/graphql.js';
import { catalogOf, pageWindow, toPage } from '../../catalog/page.js';
import { badUserInput } from '../../errors.js';

export const MENU_PAGE_SIZE = 50;
export const MENU_MAX_PAGE_SIZE = 100;

export const menu: NonNullable<QueryResolvers['menu']> = async (_parent, { venueId, first, after, filter }, ctx) => {
  const catalog = catalogOf(ctx);
  const expected = ctx.upstream.checkVenueId(venueId);
  if (expected) throw badUserInput(`\`venueId\` must be ${expected}.`, 'venueId');
  const search = filter?.search?.trim().toLowerCase() || undefined;
  const categoryId = filter?.categoryId ?? undefined;
  const window = pageWindow({ first, after }, ['menu', venueId, search, categoryId], MENU_MAX_PAGE_SIZE, MENU_PAGE_SIZE);
  const [products, stock] = await Promise.all([catalog.menu(venueId), catalog.stock(venueId)]);
  const matching = products.filter(
    (p) => (!search || p.name.toLowerCase().includes(search)) && (categoryId === undefined || p.categoryId === categoryId),
  );
  const page = matching.slice(window.offset, window.offset + window.size).map((p) => ({ ...p, stockLimit: stock.get(p.id) ?? null }));
  return toPage(page, window.offset, matching.length, window.query);
};
