// Offset pages over a list the gateway holds (a cached menu) or reads page by page (customers),
// with the same opaque cursors as Query.orders: a cursor belongs to the filter it was issued for.
import { decodeCursor, encodeCursor, queryKey } from '../cursor.js';
import { badUserInput, graphError } from '../errors.js';
import type { CatalogCache } from './cache.js';
import type { GraphContext } from '../context.js';
import type { PageModel } from './models.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** The offset and size a page starts at, from `first`/`after` and the query's own key. */
export function pageWindow(args: PageArgs, parts: unknown, max: number, fallback: number): { query: string; offset: number; size: number } {
  const query = queryKey(parts);
  const size = args.first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > max) throw badUserInput(`\`first\` must be between 0 and ${max}, got ${size}.`, 'first');
  const offset = args.after ? decodeCursor(args.after, 'after', query).offset + 1 : 0;
  return { query, offset, size };
}

/** A page of `items` (this page only) starting at `offset` of `total`, with cursors. */
export function toPage<T extends { id: string | null }>(items: T[], offset: number, total: number, query: string): PageModel<T> {
  return {
    edges: items.map((node, i) => ({
      get cursor() {
        return encodeCursor({ query, offset: offset + i, id: node.id ?? '' });
      },
      node,
    })),
    totalCount: total,
    hasPreviousPage: offset > 0 && total > 0,
    hasNextPage: offset + items.length < total,
  };
}

/** The request's catalog, or a coded error when the POS behind the gateway offers none. */
export function catalogOf(ctx: GraphContext): CatalogCache {
  // `reason` lets a client tell "never a catalog here" (offer free-form lines) from an outage.
  if (!ctx.catalog) throw graphError('UPSTREAM_UNAVAILABLE', 'This POS offers no catalog to the gateway.', { reason: 'NO_CATALOG' });
  return ctx.catalog;
}
