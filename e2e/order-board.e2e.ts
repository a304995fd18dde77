import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { buildOrderBoard, startStack, type Stack } from './stack.js';

let stack: Stack;
let page: Page;
const graphqlBodies: string[] = [];
const offsite: string[] = [];

beforeAll(async () => {
  buildOrderBoard();
  stack = await startStack();
  page = await stack.browser.newPage({ viewport: { width: 1360, height: 900 } });
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:') offsite.push(request.url());
    if (url.pathname === '/graphql' && request.method() === 'POST') graphqlBodies.push(request.postData() ?? '');
  });
});
afterAll(async () => {
  await stack?.stop();
});

const rows = () => page.getByTestId('order-row');
const count = () => page.getByTestId('order-count');
const attrs = (name: string) => rows().evaluateAll((els, a) => els.map((el) => el.getAttribute(a) ?? ''), name);

describe('GraphiQL at /graphql', () => {
  it('loads with no network beyond the gateway, opens with example tabs, and runs a query', async () => {
    const graphiql = await stack.browser.newPage();
    const requests: string[] = [];
    graphiql.on('request', (r) => requests.push(r.url()));
    await graphiql.goto(`${stack.graphiqlUrl}/graphql`);
    // The page carries GraphiQL's whole bundle inline (no CDN), so give it time to start.
    await graphiql.locator('.graphiql-execute-button').waitFor({ timeout: 45_000 });
    await expect.poll(() => graphiql.locator('.graphiql-tab').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    await graphiql.locator('.graphiql-execute-button').click();
    await expect
      .poll(() => graphiql.locator('.graphiql-response').innerText(), { timeout: 15_000 })
      .toContain('totalCount');
    const response = await graphiql.locator('.graphiql-response').innerText();
    expect(response).toContain('PENDING');
    expect(response).not.toContain('"errors"');
    expect(requests.filter((u) => !u.startsWith(stack.graphiqlUrl) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    await graphiql.close();
  });
});

describe('the order board (persisted-only gateway)', () => {
  it('lists the newest orders, ten at a time', async () => {
    await page.goto(stack.appUrl);
    await expect.poll(() => rows().count()).toBe(10);
    const total = stack.sandbox.control.orders().length;
    await expect.poll(() => count().innerText()).toBe(`Showing 10 of ${total} orders`);
    const created = await attrs('data-created');
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('pages on with "Load more"', async () => {
    const firstPage = await attrs('data-created');
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows().count()).toBe(20);
    const ids = await rows().evaluateAll((els) => els.map((el) => el.firstElementChild?.textContent));
    expect(new Set(ids).size).toBe(20);
    expect((await attrs('data-created')).slice(0, 10)).toEqual(firstPage);
  });

  it('filters by status', async () => {
    await page.getByLabel('Status').selectOption('PENDING');
    const pending = stack.sandbox.control.orders().filter((o) => o.status === 'PENDING').length;
    await expect.poll(() => count().innerText()).toBe(`Showing ${Math.min(10, pending)} of ${pending} orders`);
    expect(new Set(await attrs('data-status'))).toEqual(new Set(['PENDING']));
  });

  it('filters by a creation date range', async () => {
    await page.getByLabel('Status').selectOption('');
    await expect.poll(() => rows().count()).toBeGreaterThanOrEqual(10);
    const days = (await attrs('data-created')).map((iso) => iso.slice(0, 10));
    const to = days[9]!;
    const from = new Date(Date.parse(to) - 6 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Created from').fill(from);
    await page.getByLabel('Created to').fill(to);
    const inRange = stack.sandbox.control
      .orders()
      .filter((o) => String(o.created_at).slice(0, 10) >= from && String(o.created_at).slice(0, 10) <= to).length;
    await expect.poll(() => count().innerText()).toContain(`of ${inRange} orders`);
    for (const day of (await attrs('data-created')).map((iso) => iso.slice(0, 10))) {
      expect(day >= from && day <= to).toBe(true);
    }
    await page.getByLabel('Created from').fill('');
    await page.getByLabel('Created to').fill('');
  });

  it('sorts oldest first', async () => {
    await page.getByLabel('Sort').selectOption('oldest');
    await expect.poll(async () => {
      const created = await attrs('data-created');
      return created.length === 10 && [...created].sort().join() === created.join();
    }).toBe(true);
    await page.getByLabel('Sort').selectOption('newest');
  });

  it('shows an order with its lines and modifiers', async () => {
    await page.getByLabel('Status').selectOption('');
    await rows().first().click();
    await page.getByTestId('order-detail').waitFor();
    const detail = page.getByTestId('order-detail');
    await expect.poll(() => detail.innerText()).toMatch(/Total \d+\.\d\d/);
    expect(await detail.locator('.lines > li').count()).toBeGreaterThan(0);
  });

  it('walks the call-center flow: phone lookup, venue and sale type, menu with modifiers, totals, a field error, then places the order', async () => {
    const form = page.getByRole('form', { name: 'New order' });
    // Find the caller by phone and fill in name, phone and address from the POS's record.
    await form.getByLabel('Caller phone').pressSequentially('994502218834', { delay: 20 });
    await form.getByRole('button', { name: 'Find caller' }).click();
    await form.getByRole('button', { name: /^Use Aysel Mammadova/ }).click();
    await expect.poll(() => form.getByLabel('Customer address').inputValue()).toBe('28 Nizami St, Baku');
    // Venue and sale type by name.
    await form.getByLabel('Venue').selectOption({ label: 'Nizami Street' });
    await form.getByLabel('Sale type').selectOption({ label: 'Catdirilma' });
    // The menu: availability from the stop-list.
    const items = form.getByTestId('menu-item');
    await expect.poll(() => items.count()).toBeGreaterThan(30);
    expect(await form.locator('[data-testid="menu-item"][data-available="false"]').innerText()).toContain('Shakarbura');
    await form.getByLabel('Search the menu').pressSequentially('margherita', { delay: 20 });
    await expect.poll(() => items.count()).toBe(1);
    await form.getByRole('button', { name: 'Add Pizza Margherita' }).click();
    const line = form.getByTestId('line-0');
    await line.getByLabel('Extra Cheese (+0.50)').check();
    await line.getByLabel('Quantity').fill('2');
    // Totals with currency, from the graph's prices: (8.50 + 0.50) × 2.
    await expect.poll(() => form.getByTestId('line-total-0').innerText()).toBe('18.00 AZN');
    expect(await form.getByTestId('order-total').innerText()).toBe('Lines total 18.00 AZN');

    await line.getByLabel('Quantity').fill('0');
    await form.getByRole('button', { name: 'Place order' }).click();
    const quantityError = form.locator('[data-field="input.lines.0.quantity"]');
    await expect.poll(() => quantityError.innerText()).toBe('Must be above 0.');

    const before = stack.sandbox.control.orders().length;
    await line.getByLabel('Quantity').fill('2');
    await form.getByRole('button', { name: 'Place order' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/^Order #\d+ created$/);
    expect(stack.sandbox.control.orders().length).toBe(before + 1);
    const created = stack.sandbox.control.orders()[0]!;
    // The gateway priced it from the catalog.
    expect(created.payload?.products?.[0]?.meta?.price).toBe(8.5);
    const detail = page.getByTestId('order-detail');
    await expect.poll(() => detail.innerText()).toContain('2× Pizza Margherita');
    expect(await detail.innerText()).toContain('+ Extra Cheese');
    expect(await detail.innerText()).toContain('18.00 AZN');
    expect(await detail.innerText()).toContain('PENDING');
    const id = /#(\d+)/.exec(await page.getByRole('status').innerText())![1]!;
    await expect.poll(() => rows().first().locator('td').first().innerText()).toBe(id);
    // The live update: the POS accepts it, and the board shows it without a reload.
    stack.sandbox.control.setOrderStatus(Number(id), 'RECEIVED');
    await expect.poll(() => rows().first().getAttribute('data-status'), { timeout: 20_000 }).toBe('RECEIVED');
  });

  it('cancels an order only after confirming', async () => {
    const detail = page.getByTestId('order-detail');
    const id = /Order #(\d+)/.exec(await detail.innerText())![1]!;
    await detail.getByRole('button', { name: 'Cancel order' }).click();
    await detail.getByRole('button', { name: 'Keep it' }).click();
    expect(stack.sandbox.control.orders().find((o) => String(o.id) === id)?.status).not.toBe('IGNORE');
    await detail.getByRole('button', { name: 'Cancel order' }).click();
    await detail.getByRole('button', { name: 'Yes, cancel' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toBe(`Order #${id} cancelled`);
    await expect.poll(() => detail.innerText()).toContain('CANCELLED');
    await expect.poll(() => rows().first().getAttribute('data-status')).toBe('CANCELLED');
    expect(stack.sandbox.control.orders().find((o) => String(o.id) === id)?.status).toBe('IGNORE');
  });

  it('sent every operation by hash, never as text, and nothing off the machine', async () => {
    if (process.env.ORDER_BOARD_SCREENSHOT) {
      // An order with modifiers shows what the detail view is for.
      for (let i = 1; i < 10; i++) {
        await rows().nth(i).click();
        await page.getByTestId('order-detail').locator('.lines').waitFor();
        if ((await page.locator('.modifiers li').count()) > 0) break;
      }
      await page.mouse.move(0, 0);
      await page.screenshot({ path: process.env.ORDER_BOARD_SCREENSHOT, fullPage: true });
    }
    expect(graphqlBodies.length).toBeGreaterThan(5);
    for (const body of graphqlBodies) {
      const parsed = JSON.parse(body) as { query?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } };
      expect(parsed.query).toBeUndefined();
      expect(parsed.extensions?.persistedQuery?.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(offsite).toEqual([]);
  });
});

describe('the order board live status', () => {
  it('shows Live while the feed is fresh, Stale while Clopos does not answer, then Live again', async () => {
    await page.goto(stack.appUrl);
    const status = page.getByTestId('live-status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('● Live');
    // The poller's reads fail: the stream stays open (heartbeats) but the feed falls behind.
    stack.sandbox.control.injectFault({ method: 'GET', path: '/orders', status: 503 });
    try {
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('Stale');
      expect(await status.getAttribute('data-connected')).toBe('true');
    } finally {
      stack.sandbox.control.clearFaults();
    }
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('● Live');
  });

  it('refetches on a RESYNC: orders the feed could not tell apart still appear', async () => {
    await page.goto(stack.appUrl);
    await expect.poll(() => page.getByTestId('live-status').textContent(), { timeout: 20_000 }).toContain('● Live');
    const sent = graphqlBodies.length;
    // Twelve new orders between two polls: more than the poller reads (5 × 2), so no change is
    // published for them, only a RESYNC. The board shows them only because it refetches on it.
    const created = Array.from({ length: 12 }, () => stack.sandbox.control.addOrder());
    const ids = created.map((o) => String(o.id));
    await expect.poll(async () => ids.includes((await rows().first().locator('td').first().textContent()) ?? ''), { timeout: 20_000 }).toBe(true);
    expect(graphqlBodies.slice(sent).some((body) => body.includes('OrderBoard'))).toBe(true);
  });
});
