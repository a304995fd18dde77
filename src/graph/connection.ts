// Query.orders' arguments → the range of the list to return, per the Relay connection spec.
import type { Page as UpstreamPage } from '../domain/order.js';
import { decodeCursor, encodeCursor, type Cursor } from './cursor.js';
import { badUserInput } from './errors.js';
import { OrderWindow, type OrderPage, type PageRequest } from './pagination.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

function pageSize(value: number, argument: string): number {
  if (value < 0 || value > MAX_PAGE_SIZE) {
    throw badUserInput(`\`${argument}\` must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`, argument);
  }
  return value;
}

export async function paginate(
  args: ConnectionArgs,
  query: string,
  fetchPage: (request: PageRequest) => Promise<UpstreamPage>,
): Promise<OrderPage> {
  const hasFirst = args.first !== null && args.first !== undefined;
  const hasLast = args.last !== null && args.last !== undefined;
  if (hasFirst && hasLast) throw badUserInput('Give `first` or `last`, not both.', 'last');
  const after = args.after ? decodeCursor(args.after, 'after', query) : undefined;
  const before = args.before ? decodeCursor(args.before, 'before', query) : undefined;
  const window = new OrderWindow(fetchPage);

  let start: number;
  let end: number;
  if (!hasLast) {
    const first = hasFirst ? pageSize(args.first!, 'first') : DEFAULT_PAGE_SIZE;
    // One load covers the anchor and the page, so an unshifted list costs one or two requests.
    if (after) await window.load(after.offset, first + 1);
    else await window.load(0, Math.max(first, 1));
    start = after ? await afterPosition(window, after) : 0;
    const upper = before ? await beforePosition(window, before) : Infinity;
    end = Math.min(start + first, upper);
  } else {
    const last = pageSize(args.last!, 'last');
    let upper: number;
    if (before) {
      await window.load(before.offset - last, last + 1);
      upper = await beforePosition(window, before);
    } else {
      await window.load(0, Math.max(last, 1));
      upper = window.total ?? 0;
    }
    const lower = after ? await afterPosition(window, after) : 0;
    end = upper;
    start = Math.max(lower, end - last);
  }

  await window.load(start, end - start);
  const items = window.range(start, end);
  const total = await window.loadTotal();
  // The cursor is encoded only when read (edges.cursor, pageInfo): a `nodes`-only query skips it.
  const edges = items.map(({ offset, order }) => ({
    get cursor() {
      return encodeCursor({ query, offset, id: order.id });
    },
    node: order,
  }));
  // Whether the list holds orders before and after this page, whichever way the client pages.
  return {
    edges,
    totalCount: total,
    hasPreviousPage: start > 0 && total > 0,
    hasNextPage: start + items.length < total,
  };
}

async function afterPosition(window: OrderWindow, cursor: Cursor): Promise<number> {
  const { offset, found } = await window.locate(cursor.offset, cursor.id);
  // An anchor that left the list leaves its successor at its old offset.
  return found ? offset + 1 : offset;
}

async function beforePosition(window: OrderWindow, cursor: Cursor): Promise<number> {
  const { offset } = await window.locate(cursor.offset, cursor.id);
  return offset;
}
