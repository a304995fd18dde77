// Every ```graphql example of README.md runs against the sandbox through the gateway, and its
// answer has the shape the example selects (and, where the README shows the answer in a ```json
// block right after it, the shape of that answer too). The examples are read from README.md at
// test time: a new one is picked up without touching this file. Variables, when an example needs
// them, come from VARIABLES below (by operation name).
import { Kind, parse, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveGateway, type LiveGateway } from './live/support.js';
import { readmeExamples } from './support/readme.js';

const VARIABLES: Record<string, Record<string, unknown>> = {
  PendingCount: { venueId: '1' },
};

const examples = readmeExamples();
let gw: LiveGateway;
beforeAll(async () => {
  gw = await startLiveGateway();
});
afterAll(() => gw?.close());

/** Problems of `value` against the selection: every selected key present, no other key. */
function shapeProblems(selectionSet: SelectionSetNode, value: unknown, path: string): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => shapeProblems(selectionSet, item, `${path}[${i}]`));
  if (typeof value !== 'object') return [`${path}: expected an object, got ${JSON.stringify(value)}`];
  const fields = new Map<string, SelectionSetNode | undefined>();
  const collect = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) fields.set(s.alias?.value ?? s.name.value, s.selectionSet);
      else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet);
    }
  };
  collect(selectionSet);
  const object = value as Record<string, unknown>;
  const problems = Object.keys(object)
    .filter((k) => !fields.has(k))
    .map((k) => `${path}.${k}: not selected`);
  for (const [key, sub] of fields) {
    if (!(key in object)) problems.push(`${path}.${key}: missing`);
    else if (sub) problems.push(...shapeProblems(sub, object[key], `${path}.${key}`));
  }
  return problems;
}

/** Keys and JSON types, recursively (an array by its elements; null matches anything). */
function sameShape(documented: unknown, actual: unknown, path: string): string[] {
  if (documented === null || actual === null) return [];
  if (Array.isArray(documented)) {
    if (!Array.isArray(actual)) return [`${path}: documented a list`];
    return documented.flatMap((d, i) => (actual.length ? sameShape(d, actual[Math.min(i, actual.length - 1)], `${path}[${i}]`) : []));
  }
  if (typeof documented === 'object') {
    if (typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: documented an object`];
    const d = documented as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(d), ...Object.keys(a)])];
    return keys.flatMap((k) => (k in d && k in a ? sameShape(d[k], a[k], `${path}.${k}`) : [`${path}.${k}: ${k in d ? 'documented, not answered' : 'answered, not documented'}`]));
  }
  return typeof documented === typeof actual ? [] : [`${path}: documented ${typeof documented}, got ${typeof actual}`];
}

async function subscribeFirst(query: string, variables: Record<string, unknown> | undefined, change: () => void): Promise<{ data?: unknown; errors?: unknown }> {
  const controller = new AbortController();
  const response = await gw.yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  // The poller takes its baseline first; then the change is made until one arrives.
  const nudge = setInterval(change, 300);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended without an event');
      buffer += value;
      const data = /^data: (.+)$/m.exec(buffer.split('\n\n').find((b) => b.includes('event: next')) ?? '');
      if (data) return JSON.parse(data[1]!) as { data?: unknown; errors?: unknown };
    }
  } finally {
    clearInterval(nudge);
    controller.abort();
  }
}

describe('README examples', () => {
  it('are found (the ```graphql blocks of README.md)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  for (const example of examples) {
    it(`${example.operation} ${example.name.startsWith("line ") ? "" : `${example.name} `}at README line ${example.line} answers with the selected shape`, async () => {
      const operation = parse(example.source).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
      const variables = VARIABLES[operation.name?.value ?? ''];
      let result: { data?: unknown; errors?: unknown };
      if (example.operation === 'subscription') {
        // Something the example's filter (if any) lets through: an order moved to RECEIVED.
        const pending = () => gw.sandbox.control.orders().find((o) => o.status === 'PENDING');
        result = await subscribeFirst(example.source, variables, () => {
          const order = pending();
          if (order) gw.sandbox.control.setOrderStatus(order.id, 'RECEIVED');
        });
      } else {
        gw.sandbox.control.reset();
        const response = await gw.yoga.fetch('http://gateway.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: example.source, variables }),
        });
        expect(response.status).toBe(200);
        result = (await response.json()) as typeof result;
      }
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
      expect(shapeProblems(operation.selectionSet, result.data, 'data')).toEqual([]);
      // Every root field answered with something (not null).
      for (const value of Object.values(result.data as Record<string, unknown>)) expect(value).not.toBeNull();
      const documented = (example.answer as { data?: unknown } | undefined)?.data;
      if (documented) expect(sameShape(documented, result.data, 'data')).toEqual([]);
    });
  }
});
