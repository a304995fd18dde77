// The order board over Clover: the same built board (persisted-only), served by a gateway built by
// createApp with UPSTREAM=clover against the embedded Clover sandbox, in headless Chromium. It
// lists, pages, filters, shows an order, cancels one, shows live status, and takes a phone order
// the Clover way: the merchant is the one venue (Query.venues) and, with no menu over Clover, the
// operator types free-form lines (name + unit price), Clover's custom-order flow.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { startCloverSandbox } from '../src/clover-sandbox/index.js';
import type { RunningCloverSandbox } from '../src/clover-sandbox/contract.js';
import { buildOrderBoard } from './stack.js';

const DIST = join(fileURLToPath(new URL('../examples/order-board/', import.meta.url)), 'dist');
const DAY = 86_400_000;

let sandbox: RunningCloverSandbox;
let app: App;
let server: Server;
let browser: Browser;
let page: Page;
let appUrl: string;

beforeAll(async () => {
  buildOrderBoard();
  sandbox = await startCloverSandbox({ seed: 7 });
  app = await createApp(
    { ...loadConfig({ UPSTREAM: 'clover', GATEWAY_PERSISTED_ONLY: 'true', POLL_INTERVAL_MS: '500', GATEWAY_REQUEST_TIMEOUT_MS: '600000' }), logLevel: 'silent', cacheTtlMs: 0 },
    { upstream: { clover: { baseUrl: sandbox.baseUrl, merchantId: sandbox.merchantId, token: sandbox.token } }, live: { heartbeatMs: 1000 } },
  );
  server = createServer((req, res) => {
    if (req.url?.startsWith('/graphql')) return void app.yoga(req, res);
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) file = join(DIST, 'index.html');
    const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await app?.close();
  await sandbox?.close();
});

/** Types as a person does, key by key, after clearing what the field holds (select all, Backspace). */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.press('Backspace');
  if (text) await field.pressSequentially(text, { delay: 20 });
  expect(await field.inputValue()).toBe(text);
}

const rows = () => page.getByTestId('order-row');
const count = () => page.getByTestId('order-count');
const attrs = (name: string) => rows().evaluateAll((els, a) => els.map((el) => el.getAttribute(a) ?? ''), name);
const listable = () => sandbox.control.orders().filter((o) => o.state !== null && o.deletedTime === undefined && o.createdTime >= Date.now() - 90 * DAY);

describe('the order board over Clover', () => {
  it('lists the newest orders, ten at a time, with Clover’s count', async () => {
    await page.goto(appUrl);
    await expect.poll(() => rows().count()).toBe(10);
    await expect.poll(() => count().innerText()).toBe(`Showing 10 of ${listable().length} orders`);
    const created = await attrs('data-created');
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('pages on with "Load more"', async () => {
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows().count()).toBe(20);
    const ids = await rows().evaluateAll((els) => els.map((el) => el.firstElementChild?.textContent));
    expect(new Set(ids).size).toBe(20);
  });

  it('filters by status (locked orders are DELIVERED)', async () => {
    await page.getByLabel('Status').selectOption('DELIVERED');
    const delivered = listable().filter((o) => o.state === 'locked').length;
    await expect.poll(() => count().innerText()).toBe(`Showing ${Math.min(10, delivered)} of ${delivered} orders`);
    expect(new Set(await attrs('data-status'))).toEqual(new Set(['DELIVERED']));
    await page.getByLabel('Status').selectOption('');
  });

  it('shows an order with its lines and total, and cancels it', async () => {
    await page.getByLabel('Status').selectOption('RECEIVED');
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    await rows().first().click();
    const detail = page.getByTestId('order-detail');
    await detail.waitFor();
    await expect.poll(() => detail.innerText()).toMatch(/Total \d+\.\d\d/);
    expect(await detail.locator('.lines > li').count()).toBeGreaterThan(0);
    const id = (await rows().first().locator('td').first().innerText()).trim();
    await detail.getByRole('button', { name: 'Cancel order' }).click();
    await detail.getByRole('button', { name: 'Yes, cancel' }).click();
    await expect.poll(() => detail.innerText()).toContain('CANCELLED');
    expect(sandbox.control.order(id)?.state).toBe('cancelled');
    await page.getByLabel('Status').selectOption('');
  });

  it('offers the merchant as the venue and free-form lines, and shows Clover’s refusal placing nothing', async () => {
    const before = sandbox.control.orders().length;
    const form = page.getByRole('form', { name: 'New order' });
    await expect.poll(() => form.getByLabel('Venue').inputValue()).toBe(sandbox.merchantId);
    expect(await form.getByLabel('Venue').locator('option').allInnerTexts()).toEqual([`Clover merchant ${sandbox.merchantId}`]);
    await form.getByTestId('free-form').waitFor();
    await typeInto(form.getByLabel('Sale type'), '8ZV1A2B3C4D5E');
    await typeInto(form.getByLabel('Customer name'), 'Maya Chen');
    await typeInto(form.getByLabel('Customer phone'), '+15550123');
    await typeInto(form.getByLabel('Customer address'), '12 Main St');
    await typeInto(form.getByLabel('Item name'), 'Lahmacun');
    await typeInto(form.getByLabel('Unit price'), '8.50');
    await form.getByRole('button', { name: 'Add line' }).click();
    await typeInto(form.getByTestId('line-0').getByLabel('Quantity'), '2');
    await expect.poll(() => form.getByTestId('line-total-0').innerText()).toBe('17.00');
    expect(await form.getByTestId('order-total').innerText()).toBe('Lines total 17.00');
    // Clover keeps no delivery address on an order: refused next to the form, nothing placed.
    await form.getByRole('button', { name: 'Place order' }).click();
    await expect.poll(() => form.innerText()).toContain('customer.address does not map to Clover orders');
    expect(sandbox.control.orders().length).toBe(before);
  });

  it('places the free-form order on Clover, priced as typed', async () => {
    const before = new Set(sandbox.control.orders().map((o) => o.id));
    const form = page.getByRole('form', { name: 'New order' });
    await typeInto(form.getByLabel('Customer address'), '');
    await form.getByRole('button', { name: 'Place order' }).click();
    await expect.poll(() => sandbox.control.orders().filter((o) => !before.has(o.id)).length, { timeout: 20_000 }).toBe(1);
    const placed = sandbox.control.orders().find((o) => !before.has(o.id))!;
    await expect.poll(() => sandbox.control.order(placed.id)?.state, { timeout: 20_000 }).toBe('open');
    const order = sandbox.control.order(placed.id)!;
    expect(order.lineItems.map((l) => [l.name, l.price])).toEqual([['Lahmacun', 850], ['Lahmacun', 850]]);
    expect(order.total).toBe(1700);
    expect(order.orderType).toEqual({ id: '8ZV1A2B3C4D5E' });
    await expect.poll(() => page.getByTestId('order-detail').innerText(), { timeout: 20_000 }).toContain(`#${placed.id}`);
  });

  it('shows Live, and a device’s new order appears', async () => {
    await page.goto(appUrl);
    await expect.poll(() => page.getByTestId('live-status').textContent(), { timeout: 20_000 }).toContain('● Live');
    const added = sandbox.control.addOrder({ state: 'open', total: 999 });
    await expect.poll(async () => (await rows().first().locator('td').first().textContent())?.trim(), { timeout: 20_000 }).toBe(added.id);
  });
});
