// GraphiQL as a new user meets it: the gateway started exactly as `npm start` starts it (compiled
// dist/, the embedded sandbox with demo mode, live updates), GraphiQL driven in headless Chromium by
// clicking and typing. Every preloaded tab runs as shipped; an anonymous query typed key by key
// over the first tab runs; the subscription tab streams a demo-mode change. Each step checks the
// response pane has data and no errors.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = new URL('..', import.meta.url).pathname;
let gateway: ChildProcess;
let origin: string;
let browser: Browser;
let page: Page;
const graphqlRequests: Array<{ method: string; body: string }> = [];

/** `npm start`'s own command (package.json), with a free port and none of the caller's gateway settings. */
async function startGateway(): Promise<string> {
  const [node, ...args] = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).scripts.start as string).split(/\s+/);
  if (node !== 'node') throw new Error(`npm start is not a node command: ${node}`);
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(GATEWAY_|CLOPOS_|METRICS_|LOG_LEVEL|PORT|REDIS_|CACHE_|OTEL_|POLL_|NODE_ENV)/.test(name)),
  );
  gateway = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, PORT: '0', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the gateway did not start:\n${output}`)), 170_000);
    gateway.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    gateway.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.includes('"msg":"listening"'));
      if (line) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`);
      }
    });
    gateway.once('exit', (code) => reject(new Error(`the gateway exited (${code}):\n${output}`)));
  });
}

beforeAll(async () => {
  origin = await startGateway();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/graphql' && request.resourceType() !== 'document') {
      graphqlRequests.push({ method: request.method(), body: request.postData() ?? '' });
    }
  });
  await page.goto(`${origin}/graphql`);
  // The page carries GraphiQL's whole bundle inline, so give it time to start.
  await page.locator('.graphiql-execute-button').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  if (gateway && gateway.exitCode === null) {
    const exited = new Promise((resolve) => gateway.once('exit', resolve));
    gateway.kill('SIGTERM');
    await exited;
  }
});

const tabs = () => page.locator('.graphiql-tab');
/** What the response pane shows (Monaco renders spaces as no-break spaces). */
const responseText = async () => (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');
/** What the query editor shows, whitespace collapsed (Monaco renders spaces as no-break spaces). */
const editorText = async () => (await page.locator('.graphiql-query-editor .view-lines').innerText()).replace(/\s+/g, ' ').trim();

/** Runs the active tab and waits for an answer in the response pane that has data and no errors. */
async function runAndExpectData(expected: string, timeout = 20_000): Promise<string> {
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(responseText, { timeout }).toContain(expected);
  const text = await responseText();
  expect(text).toContain('"data"');
  expect(text).not.toContain('"errors"');
  return text;
}

/** Selects a tab by its title. A DOM click: the tab strip is reorderable by dragging, and a
 * pointer click at a tab's box can land on a neighbour while the strip settles. */
async function openTab(title: string): Promise<void> {
  const button = page.locator(`.graphiql-tab-button[title="${title}"]`);
  await button.evaluate((b) => (b as HTMLElement).click());
  await expect.poll(() => button.evaluate((b) => b.parentElement!.getAttribute('aria-selected'))).toBe('true');
}

/** Select all in the query editor and type `text` key by key. Monaco closes brackets as they are
 * typed and types over them as they are closed; a closer it added that is left over after the
 * cursor is deleted, as a user would. */
async function typeQuery(text: string): Promise<void> {
  await page.locator('.graphiql-query-editor .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text, { delay: 15 });
  await page.keyboard.press('Shift+ControlOrMeta+End');
  await page.keyboard.press('Delete');
  await expect.poll(editorText).toBe(text);
}

describe('GraphiQL tabs as shipped (the gateway as npm start runs it)', () => {
  it('opens with five tabs', async () => {
    await expect.poll(() => tabs().count(), { timeout: 15_000 }).toBe(5);
  });

  it('Orders: pending orders through the variables defaults', async () => {
    await openTab('Orders');
    expect(await runAndExpectData('"totalCount"')).toContain('PENDING');
  });

  it('Order: a non-null variable with a default, omitted', async () => {
    await openTab('Order');
    expect(await runAndExpectData('"order"')).toContain('"id": "1"');
  });

  it('CreateOrder: places an order', async () => {
    await openTab('CreateOrder');
    const text = await runAndExpectData('"createOrder"');
    expect(text).toContain('"status": "PENDING"');
    expect(text).toContain('"userErrors": []');
  });

  it('CancelOrder: cancels its default order, and again on a second run', async () => {
    await openTab('CancelOrder');
    for (let run = 0; run < 2; run++) {
      const text = await runAndExpectData('"cancelOrder"');
      expect(text).toContain('"status": "CANCELLED"');
      expect(text).toContain('"userErrors": []');
    }
  });

  it('OrderChanged: streams a demo-mode change over POST', async () => {
    await openTab('OrderChanged');
    // Demo mode moves orders every 5 s and the poller reads every 3 s.
    const text = await runAndExpectData('"kind"', 40_000);
    expect(text).toContain('"orderChanged"');
    await page.locator('.graphiql-execute-button').click(); // stop
    // Nothing GraphiQL sent was a GET: the CSRF check never had to let one through.
    expect(graphqlRequests.length).toBeGreaterThan(5);
    expect(graphqlRequests.filter((r) => r.method !== 'POST')).toEqual([]);
  });
});

describe('typing over a tab', () => {
  it('replaces the first tab with an anonymous query typed key by key, and Run runs it', async () => {
    const query = '{ orders(first: 3) { totalCount nodes { id status customer { name } } } }';
    await openTab('Orders');
    await typeQuery(query);
    const before = graphqlRequests.length;
    const text = await runAndExpectData('"totalCount"');
    expect(text).toContain('"customer"');
    // Exactly what the editor shows, with no stale operation name.
    const sent = graphqlRequests.slice(before).map((r) => JSON.parse(r.body) as { query: string; operationName?: string });
    expect(sent).toEqual([{ query }]);
  });

  it('then a named query of another name, typed over it', async () => {
    const query = 'query Latest { orders(first: 1) { nodes { id createdAt } } }';
    await typeQuery(query);
    const before = graphqlRequests.length;
    await runAndExpectData('"createdAt"');
    expect(graphqlRequests.slice(before).map((r) => JSON.parse(r.body))).toEqual([{ query, operationName: 'Latest' }]);
  });
});
