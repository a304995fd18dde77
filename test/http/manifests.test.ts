// GATEWAY_PERSISTED_MANIFESTS: several apps register their own trusted documents. Checked at
// start-up (in process, through createApp, and as `npm start`'s process on the wire).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { buildSchema } from '../../src/graph/schema.js';
import { loadPersistedManifests } from '../../src/http/manifests.js';
import { loadPersistedDocuments } from '../../src/http/persisted.js';
import { cloposCredentials, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/contract.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const KITCHEN = 'query KitchenCount { orders(first: 1) { totalCount } }';
const TILL = 'query TillOrders($first: Int!) { orders(first: $first) { nodes { id } } }';
const schema = buildSchema();

let dir: string;
/** Writes a manifest file under the temp folder and returns its path. */
const manifest = (name: string, entries: Record<string, string>) => {
  const file = join(dir, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify(entries));
  return file;
};
const problem = (entries: string[]) => {
  try {
    loadPersistedManifests(entries, schema);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'manifests-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loading manifests', () => {
  it('adds each app manifest (a file, or every .json in a folder) to the gateway’s own; keys with or without "sha256:"', () => {
    const kitchen = manifest('kitchen.json', { [`sha256:${sha(KITCHEN)}`]: KITCHEN });
    manifest('apps/till.json', { [sha(TILL).toUpperCase()]: TILL });
    manifest('apps/notes.txt', { nope: 'not read: not .json' });
    const documents = loadPersistedManifests([kitchen, join(dir, 'apps')], schema);
    expect(documents.get(sha(KITCHEN))).toBe(KITCHEN);
    expect(documents.get(sha(TILL))).toBe(TILL);
    const own = loadPersistedDocuments();
    expect(documents.size).toBe(own.size + 2);
    for (const hash of own.keys()) expect(documents.has(hash)).toBe(true);
  });

  it('accepts the same document registered by two apps', () => {
    const a = manifest('shared-a.json', { [sha(KITCHEN)]: KITCHEN });
    const b = manifest('shared-b.json', { [`sha256:${sha(KITCHEN)}`]: KITCHEN });
    expect(loadPersistedManifests([a, b], schema).get(sha(KITCHEN))).toBe(KITCHEN);
  });

  it('refuses a hash two manifests map to different documents, naming both files', () => {
    const a = manifest('conflict-a.json', { [sha(KITCHEN)]: KITCHEN });
    const b = manifest('conflict-b.json', { [sha(KITCHEN)]: TILL });
    const message = problem([a, b]);
    expect(message).toContain('GATEWAY_PERSISTED_MANIFESTS');
    expect(message).toContain(`the hash ${sha(KITCHEN)} maps to different documents in ${a} and ${b}`);
  });

  it.each([
    ['a path that does not exist', () => join(dir, 'missing.json'), 'does not exist'],
    ['a folder with no .json', () => (mkdirSync(join(dir, 'empty'), { recursive: true }), join(dir, 'empty')), 'has no .json manifest'],
    ['a file that is not JSON', () => (writeFileSync(join(dir, 'broken.json'), '{"a":'), join(dir, 'broken.json')), 'is not valid JSON'],
    ['an array', () => (writeFileSync(join(dir, 'array.json'), '[]'), join(dir, 'array.json')), 'must be a JSON object'],
    ['a key that is not a sha256', () => manifest('sha1.json', { [sha(KITCHEN).slice(0, 40)]: KITCHEN }), "hashAlgorithm to 'sha256'"],
    ['a hash that is not the document’s', () => manifest('wrong.json', { [sha(TILL)]: KITCHEN }), `is not the sha256 of its document (that is ${sha(KITCHEN)})`],
    ['a document that does not parse', () => manifest('parse.json', { [sha('query {')]: 'query {' }), 'does not parse'],
    [
      'a document the schema does not have',
      () => manifest('invalid.json', { [sha('query Q { pantry { id } }')]: 'query Q { pantry { id } }' }),
      'is not valid against the gateway\'s schema (Cannot query field "pantry"',
    ],
  ])('refuses %s with a message naming the file', (_, entry, expected) => {
    const path = entry();
    const message = problem([path]);
    expect(message).toContain(expected);
    expect(message).toContain(path);
  });
});

describe('through createApp, in persisted-only mode', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 7 });
  });
  afterAll(() => sandbox.close());

  it('runs an app’s operation by its hash, and still refuses one in no manifest', async () => {
    const file = manifest('run/kitchen.json', { [sha(KITCHEN)]: KITCHEN });
    const config = { ...loadConfig({ GATEWAY_PERSISTED_ONLY: 'true', GATEWAY_PERSISTED_MANIFESTS: file }), logLevel: 'silent' as const };
    const app = await createApp(config, { upstream: { baseUrl: sandbox.baseUrl, credentials: cloposCredentials(sandbox.credentials) } });
    try {
      const byHash = (hash: string) =>
        app.yoga.fetch('http://gateway.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
        });
      const ran = await byHash(sha(KITCHEN));
      expect(ran.status).toBe(200);
      expect(await ran.json()).toMatchObject({ data: { orders: { totalCount: expect.any(Number) } } });
      const unknown = (await (await byHash(sha(TILL))).json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(unknown.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    } finally {
      await app.close();
    }
  });

  it('runs an app’s operation by its hash over graphql-ws too', async () => {
    const file = manifest('run/ws.json', { [sha(KITCHEN)]: KITCHEN });
    // The default response cache stays on: a query over graphql-ws once failed inside it.
    const config = { ...loadConfig({ GATEWAY_PERSISTED_ONLY: 'true', GATEWAY_PERSISTED_MANIFESTS: file }), logLevel: 'silent' as const };
    const app = await createApp(config, { upstream: { baseUrl: sandbox.baseUrl, credentials: cloposCredentials(sandbox.credentials) } });
    const server = createServer(app.yoga);
    const socket = app.attach(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = createClient({ url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const byHash = (hash: string) =>
        new Promise<{ data?: unknown; errors?: Array<{ extensions?: { code?: string } }> }>((resolve, reject) => {
          let result: { data?: unknown } = {};
          client.subscribe({ query: '', extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, {
            next: (value) => (result = value as typeof result),
            error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
            complete: () => resolve(result),
          });
        });
      expect(await byHash(sha(KITCHEN))).toMatchObject({ data: { orders: { totalCount: expect.any(Number) } } });
      expect(await byHash(sha(KITCHEN))).toMatchObject({ data: { orders: { totalCount: expect.any(Number) } } });
      expect((await byHash(sha(TILL))).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    } finally {
      await client.dispose();
      await socket.close();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    }
  });

  it('does not start with a conflicting manifest', async () => {
    const a = manifest('run/a.json', { [sha(KITCHEN)]: KITCHEN });
    const b = manifest('run/b.json', { [sha(KITCHEN)]: TILL });
    const config = { ...loadConfig({ GATEWAY_PERSISTED_ONLY: 'true', GATEWAY_PERSISTED_MANIFESTS: `${a},${b}` }), logLevel: 'silent' as const };
    await expect(createApp(config, { upstream: { baseUrl: sandbox.baseUrl, credentials: cloposCredentials(sandbox.credentials) } })).rejects.toThrow(
      /maps to different documents/,
    );
  });
});

describe('as a process (src/main.ts)', () => {
  const ROOT = new URL('../..', import.meta.url).pathname;
  const environment = (env: Record<string, string>) => ({
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(GATEWAY_|CLOPOS_|METRICS_|LOG_LEVEL|PORT|HOST|REDIS_|CACHE_|OTEL_|NODE_ENV)/.test(name))),
    ...env,
  });

  it('a hash two manifests map to different documents: exit 1 with a clear message, nothing listening', async () => {
    const a = manifest('proc/a.json', { [sha(KITCHEN)]: KITCHEN });
    const b = manifest('proc/b.json', { [sha(KITCHEN)]: TILL });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: environment({ PORT: '0', GATEWAY_PERSISTED_ONLY: 'true', GATEWAY_PERSISTED_MANIFESTS: join(dir, 'proc') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(stderr).toContain(`Configuration error: GATEWAY_PERSISTED_MANIFESTS: the hash ${sha(KITCHEN)} maps to different documents in ${a} and ${b}.`);
    expect(stderr).not.toContain('    at '); // no stack trace
    expect(stdout).not.toContain('listening');
  }, 40_000);
});
