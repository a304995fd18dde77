// Relay cursor pagination over an upstream's page/limit lists.
//
// A Clopos list is addressed by offset; a GraphQL page is a range of offsets. `OrderWindow`
// remembers every order it has fetched by absolute offset and fetches only what is missing, with
// page sizes chosen so that any range of up to 200 orders costs at most two Clopos requests
// (usually one). Cursors carry an anchor id: when the order at a cursor's offset is no longer the
// anchor (new orders pushed the list down, or orders left it), the window looks for the anchor
// nearby and continues from where it is now.
import type { Order, Page as UpstreamPage } from '../domain/order.js';

export interface OrderEdgeModel {
  cursor: string;
  node: Order;
}

/** The parent of OrderConnection's fields. */
export interface OrderPage {
  edges: OrderEdgeModel[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** Largest `limit` Clopos accepts on GET /orders. */
export const MAX_CLOPOS_LIMIT = 200;
/** How far around a cursor's offset to look for its anchor when the list has shifted. */
const ANCHOR_SEARCH_BEFORE = 100;
const ANCHOR_SEARCH_AFTER = 300;

export interface PageRequest {
  page: number;
  limit: number;
}

/**
 * Clopos pages covering offsets [start, end): one page when some limit up to 200 holds the whole
 * range, otherwise consecutive pages of the range's size (two for a range of up to 200).
 */
export function planPages(start: number, end: number): PageRequest[] {
  const count = end - start;
  if (count <= 0) return [];
  for (let limit = count; limit <= MAX_CLOPOS_LIMIT; limit++) {
    if (Math.floor(start / limit) === Math.floor((end - 1) / limit)) {
      return [{ page: Math.floor(start / limit) + 1, limit }];
    }
  }
  const limit = Math.min(count, MAX_CLOPOS_LIMIT);
  const pages: PageRequest[] = [];
  for (let page = Math.floor(start / limit); page * limit < end; page++) {
    pages.push({ page: page + 1, limit });
  }
  return pages;
}

export class OrderWindow {
  private readonly byOffset = new Map<number, Order>();
  /** Matching orders in Clopos, as of the latest answer; unknown until the first request. */
  total: number | undefined;

  constructor(private readonly fetchPage: (request: PageRequest) => Promise<UpstreamPage>) {}

  /** Makes sure offsets [start, start + count) are loaded (those that exist). */
  async load(start: number, count: number): Promise<void> {
    let from = Math.max(0, start);
    let to = start + count;
    if (this.total !== undefined) to = Math.min(to, this.total);
    while (from < to && this.byOffset.has(from)) from++;
    while (to > from && this.byOffset.has(to - 1)) to--;
    if (from >= to) return;
    const requests = planPages(from, to);
    const answers = await Promise.all(requests.map((request) => this.fetchPage(request)));
    answers.forEach((answer, index) => {
      const { page, limit } = requests[index]!;
      answer.orders.forEach((order, i) => this.byOffset.set((page - 1) * limit + i, order));
      this.total = answer.total;
    });
  }

  /** Loads the total alone, at the cost of the smallest request, when no answer gave it yet. */
  async loadTotal(): Promise<number> {
    if (this.total === undefined) await this.load(0, 1);
    return this.total ?? 0;
  }

  at(offset: number): Order | undefined {
    return this.byOffset.get(offset);
  }

  range(start: number, end: number): Array<{ offset: number; order: Order }> {
    const out: Array<{ offset: number; order: Order }> = [];
    for (let offset = Math.max(0, start); offset < end; offset++) {
      const order = this.byOffset.get(offset);
      if (!order) break;
      out.push({ offset, order });
    }
    return out;
  }

  /**
   * Where the anchor order is now. `found: false` means it left the list (cancelled out of a
   * status filter, say): the caller continues from the cursor's offset.
   */
  async locate(offset: number, id: string): Promise<{ offset: number; found: boolean }> {
    if (this.at(offset)?.id === id) return { offset, found: true };
    const known = this.find(id);
    if (known !== undefined) return { offset: known, found: true };
    await this.load(offset - ANCHOR_SEARCH_BEFORE, ANCHOR_SEARCH_BEFORE + ANCHOR_SEARCH_AFTER);
    const searched = this.find(id);
    return searched === undefined ? { offset, found: false } : { offset: searched, found: true };
  }

  private find(id: string): number | undefined {
    for (const [offset, order] of this.byOffset) if (order.id === id) return offset;
    return undefined;
  }
}
