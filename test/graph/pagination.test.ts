import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Order, Page as UpstreamPage } from '../../src/domain/order.js';
import { paginate, type ConnectionArgs } from '../../src/graph/connection.js';
import { planPages, type PageRequest } from '../../src/graph/pagination.js';

/** A Clopos-like list (page/limit over an array) that counts requests. */
function fakeList(ids: number[]) {
  const list = { ids, requests: [] as PageRequest[] };
  const fetchPage = async ({ page, limit }: PageRequest): Promise<UpstreamPage> => {
    list.requests.push({ page, limit });
    const slice = list.ids.slice((page - 1) * limit, page * limit);
    return { orders: slice.map((id) => ({ id: String(id), status: 'PENDING' }) as Order), total: list.ids.length };
  };
  return { list, fetchPage };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const ids = (page: { edges: Array<{ node: Order }> }) => page.edges.map((edge) => Number(edge.node.id));

async function expectBadInput(promise: Promise<unknown>, argument: string) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(GraphQLError);
  expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
}

describe('planPages', () => {
  it('covers any range of up to 200 orders with at most two Clopos pages, exactly', () => {
    for (let start = 0; start < 450; start += 7) {
      for (const count of [1, 2, 19, 20, 21, 50, 51, 99, 100, 101, 150, 199, 200]) {
        const pages = planPages(start, start + count);
        expect(pages.length).toBeGreaterThan(0);
        expect(pages.length).toBeLessThanOrEqual(2);
        const first = pages[0]!;
        const last = pages.at(-1)!;
        expect((first.page - 1) * first.limit).toBeLessThanOrEqual(start);
        expect(last.page * last.limit).toBeGreaterThanOrEqual(start + count);
        for (const page of pages) expect(page.limit).toBeLessThanOrEqual(200);
      }
    }
  });

  it('uses one request when a single page can hold the range', () => {
    expect(planPages(0, 20)).toEqual([{ page: 1, limit: 20 }]);
    expect(planPages(40, 60)).toEqual([{ page: 3, limit: 20 }]);
    expect(planPages(13, 63)).toHaveLength(1);
  });
});

describe('orders connection over a page/limit list', () => {
  it('returns 20 orders by default with the total and page flags', async () => {
    const { list, fetchPage } = fakeList(range(1, 150));
    const page = await paginate({}, 'q', fetchPage);
    expect(ids(page)).toEqual(range(1, 20));
    expect(page).toMatchObject({ totalCount: 150, hasNextPage: true, hasPreviousPage: false });
    expect(list.requests).toHaveLength(1);
  });

  it('pages forward through the whole list with no order repeated or skipped, at most two requests a page', async () => {
    const { list, fetchPage } = fakeList(range(1, 150));
    const seen: number[] = [];
    let after: string | undefined;
    for (;;) {
      list.requests = [];
      const page = await paginate({ first: 13, after }, 'q', fetchPage);
      expect(list.requests.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page));
      if (!page.hasNextPage) break;
      after = page.edges.at(-1)!.cursor;
    }
    expect(seen).toEqual(range(1, 150));
  });

  it('returns exactly the right orders when the cursor falls mid-way through a Clopos page', async () => {
    const { list, fetchPage } = fakeList(range(1, 150));
    const first = await paginate({ first: 7 }, 'q', fetchPage);
    list.requests = [];
    const next = await paginate({ first: 50, after: first.edges.at(-1)!.cursor }, 'q', fetchPage);
    expect(ids(next)).toEqual(range(8, 57));
    expect(next.hasPreviousPage).toBe(true);
    expect(list.requests.length).toBeLessThanOrEqual(2);
  });

  it('pages backward with last/before to the start of the list', async () => {
    const { fetchPage } = fakeList(range(1, 45));
    const tail = await paginate({ last: 10 }, 'q', fetchPage);
    expect(ids(tail)).toEqual(range(36, 45));
    expect(tail).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const seen = ids(tail);
    let before = tail.edges[0]!.cursor;
    for (;;) {
      const page = await paginate({ last: 10, before }, 'q', fetchPage);
      seen.unshift(...ids(page));
      if (!page.hasPreviousPage) break;
      before = page.edges[0]!.cursor;
    }
    expect(seen).toEqual(range(1, 45));
  });

  it('supports first with before, and last with after', async () => {
    const { fetchPage } = fakeList(range(1, 30));
    const all = await paginate({ first: 30 }, 'q', fetchPage);
    const cursorAt = (id: number) => all.edges[id - 1]!.cursor;
    expect(ids(await paginate({ first: 5, before: cursorAt(3) }, 'q', fetchPage))).toEqual([1, 2]);
    expect(ids(await paginate({ last: 5, after: cursorAt(27) }, 'q', fetchPage))).toEqual([28, 29, 30]);
  });

  it('answers an empty list with no edges and both flags false', async () => {
    const { fetchPage } = fakeList([]);
    const page = await paginate({ first: 10 }, 'q', fetchPage);
    expect(page).toMatchObject({ edges: [], totalCount: 0, hasNextPage: false, hasPreviousPage: false });
    const backward = await paginate({ last: 10 }, 'q', fetchPage);
    expect(backward).toMatchObject({ edges: [], totalCount: 0, hasNextPage: false, hasPreviousPage: false });
  });

  it('answers past the end with no edges', async () => {
    const { fetchPage } = fakeList(range(1, 25));
    const all = await paginate({ first: 25 }, 'q', fetchPage);
    const page = await paginate({ first: 10, after: all.edges.at(-1)!.cursor }, 'q', fetchPage);
    expect(page).toMatchObject({ edges: [], totalCount: 25, hasNextPage: false, hasPreviousPage: true });
  });

  it('answers first: 0 with the total and no edges', async () => {
    const { fetchPage } = fakeList(range(1, 25));
    expect(await paginate({ first: 0 }, 'q', fetchPage)).toMatchObject({ edges: [], totalCount: 25, hasNextPage: true });
  });

  it('re-aligns on the anchor when new orders pushed the list down since the cursor was issued', async () => {
    const { list, fetchPage } = fakeList(range(1, 100));
    const first = await paginate({ first: 10 }, 'q', fetchPage);
    list.ids = [1003, 1002, 1001, ...list.ids]; // newest first: three orders arrived on top
    const next = await paginate({ first: 10, after: first.edges.at(-1)!.cursor }, 'q', fetchPage);
    expect(ids(next)).toEqual(range(11, 20));
  });

  it('re-aligns even when more new orders arrived than a page holds', async () => {
    const { list, fetchPage } = fakeList(range(1, 100));
    const first = await paginate({ first: 5 }, 'q', fetchPage);
    list.ids = [...range(2001, 2040).reverse(), ...list.ids];
    const next = await paginate({ first: 5, after: first.edges.at(-1)!.cursor }, 'q', fetchPage);
    expect(ids(next)).toEqual(range(6, 10));
  });

  it('continues without skipping when the anchor left the list', async () => {
    const { list, fetchPage } = fakeList(range(1, 50));
    const first = await paginate({ first: 10 }, 'q', fetchPage);
    list.ids = list.ids.filter((id) => id !== 10);
    const next = await paginate({ first: 5, after: first.edges.at(-1)!.cursor }, 'q', fetchPage);
    expect(ids(next)).toEqual(range(11, 15));
  });

  it('re-aligns a before cursor after new orders arrived', async () => {
    const { list, fetchPage } = fakeList(range(1, 60));
    const page = await paginate({ first: 10, after: (await paginate({ first: 30 }, 'q', fetchPage)).edges.at(-1)!.cursor }, 'q', fetchPage);
    list.ids = [502, 501, ...list.ids];
    const back = await paginate({ last: 5, before: page.edges[0]!.cursor }, 'q', fetchPage);
    expect(ids(back)).toEqual(range(26, 30));
  });

  it.each<[ConnectionArgs, string]>([
    [{ first: 5, last: 5 }, 'last'],
    [{ first: 101 }, 'first'],
    [{ last: 101 }, 'last'],
    [{ first: -1 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ before: 'e30' }, 'before'],
  ])('rejects %j as BAD_USER_INPUT on %s', async (args, argument) => {
    const { list, fetchPage } = fakeList(range(1, 10));
    await expectBadInput(paginate(args, 'q', fetchPage), argument);
    expect(list.requests).toHaveLength(0);
  });

  it('rejects a cursor reused with another filter or sort', async () => {
    const { fetchPage } = fakeList(range(1, 10));
    const page = await paginate({ first: 2 }, 'query-a', fetchPage);
    await expectBadInput(paginate({ first: 2, after: page.edges[1]!.cursor }, 'query-b', fetchPage), 'after');
  });
});
