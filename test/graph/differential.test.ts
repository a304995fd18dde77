// Differential test: every document of the corpus runs through the compiled executor (graphql-jit,
// src/graph/jit.ts) and the standard one, against the same resolvers and the same sandbox, and
// the answers must be the same: HTTP status, data (with its field order) and errors (message,
// path, extensions.code). The corpus: a document or more per spec rule (corpus.ts), every
// operation in operations/, every README example, and seeded random documents from the schema
// (generate.ts; DIFF_SEED=<n> to try another seed, DIFF_COUNT=<n> for more).
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloposClient } from '../../src/upstreams/clopos/client.js';
import { useCompiledQueries } from '../../src/graph/jit.js';
import { buildSchema } from '../../src/graph/schema.js';
import { cloposCredentials, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/contract.js';
import { createGateway, type Gateway } from '../../src/server.js';
import { handWritten, type Case } from './differential/corpus.js';
import { generate } from './differential/generate.js';

const SEED = Number(process.env.DIFF_SEED ?? 14);
const GENERATED = Number(process.env.DIFF_COUNT ?? 160);

let sandbox: RunningSandbox;
let compiled: Gateway;
let standard: Gateway;
const routes = { compiled: 0, standard: 0 };

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7 });
  const clopos = createCloposClient({ baseUrl: sandbox.baseUrl, credentials: cloposCredentials(sandbox.credentials) });
  // The compiled side is the default composition (useCompiledQueries at the same place), with a
  // counter of which executor ran, so the test knows the corpus did exercise the compiled path.
  compiled = createGateway({ clopos, compiledQueries: false, plugins: [useCompiledQueries({ onRoute: (r) => routes[r]++ })] });
  standard = createGateway({ clopos, compiledQueries: false });
});
afterAll(() => sandbox?.close());

interface Answer {
  status: number;
  data: string | undefined;
  errors: string[];
}

async function run(yoga: Gateway, c: Case): Promise<Answer> {
  const response = await yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: c.query, variables: c.variables, operationName: c.operationName }),
  });
  const text = await response.text();
  let body: { data?: unknown; errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string } }> };
  try {
    body = JSON.parse(text);
  } catch {
    return { status: response.status, data: text, errors: [] };
  }
  return {
    status: response.status,
    // Serialized as is: the order of the fields is part of the answer.
    data: body.data === undefined ? undefined : JSON.stringify(body.data),
    // The order of errors is not specified; their content is.
    errors: (body.errors ?? []).map((e) => JSON.stringify({ message: e.message, path: e.path ?? null, code: e.extensions?.code ?? null })).sort(),
  };
}

async function both(c: Case): Promise<[Answer, Answer]> {
  if (c.kind === 'write') {
    // Each side on the same seeded data.
    sandbox.control.reset();
    const a = await run(compiled, c);
    sandbox.control.reset();
    const b = await run(standard, c);
    sandbox.control.reset();
    return [a, b];
  }
  if (c.kind === 'fault') {
    sandbox.control.injectFault(c.fault!);
    const a = await run(compiled, c);
    sandbox.control.clearFaults();
    sandbox.control.injectFault(c.fault!);
    const b = await run(standard, c);
    sandbox.control.clearFaults();
    return [a, b];
  }
  return Promise.all([run(compiled, c), run(standard, c)]);
}

describe('compiled and standard execution give the same answers', () => {
  it(`over the hand-written corpus and ${GENERATED} generated documents (seed ${SEED})`, { timeout: 60_000 }, async () => {
    const corpus = [...handWritten(), ...generate(buildSchema(), SEED, GENERATED)];
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const differences: Array<{ name: string; query: string; variables?: unknown; compiled: Answer; standard: Answer }> = [];
    const check = async (c: Case) => {
      let [a, b] = await both(c);
      // A created order's createdAt is the sandbox's clock in seconds: one more try across a tick.
      if (c.kind === 'write' && JSON.stringify(a) !== JSON.stringify(b)) [a, b] = await both(c);
      if (JSON.stringify(a) !== JSON.stringify(b)) differences.push({ name: c.name, query: c.query, variables: c.variables, compiled: a, standard: b });
    };
    const reads = corpus.filter((c) => !c.kind || c.kind === 'read');
    for (let i = 0; i < reads.length; i += 8) await Promise.all(reads.slice(i, i + 8).map(check));
    for (const c of corpus.filter((c) => c.kind === 'write' || c.kind === 'fault')) await check(c);
    if (process.env.DIFF_DUMP) writeFileSync(process.env.DIFF_DUMP, JSON.stringify(differences, null, 2));
    expect(differences).toEqual([]);
    // Most of the corpus must really have run compiled, or the comparison proves little.
    expect(routes.compiled).toBeGreaterThan(0.5 * reads.length);
    console.log(`differential: ${corpus.length} documents, ${routes.compiled} ran compiled, ${routes.standard} on the standard executor`);
  });
});
