// The hooks plugin (packages/client/codegen.cjs) writes only per-operation parts: every hook is a
// call into the runtime with its document, types and the fields the runtime reads.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const plugin = require('../../packages/client/codegen.cjs') as {
  plugin(schema: unknown, documents: Array<{ document: ReturnType<typeof parse> }>, config: Record<string, string>): string;
};

const OPERATIONS = new URL('../../operations/', import.meta.url);
const documents = readdirSync(OPERATIONS).map((file) => ({ document: parse(readFileSync(new URL(file, OPERATIONS), 'utf8')) }));

describe('the hooks codegen plugin', () => {
  const output = plugin.plugin(undefined, documents, {});

  it('writes one hook per operation, importing the runtime from the package', () => {
    expect(output).toContain("} from '@clopos-graphql/client';");
    for (const hook of ['useOrderBoardQuery', 'useOrderBoardInfiniteQuery', 'useOrderDetailQuery', 'useCreateOrderMutation', 'useCancelOrderMutation', 'useOrderChangesSubscription']) {
      expect(output).toContain(`export function ${hook}(`.replace('(', ''));
    }
    expect(plugin.plugin(undefined, documents, { runtimeModule: '../runtime', typesModule: './types' })).toContain("from '../runtime';");
  });

  it('keeps no runtime logic in the generated code: each hook is one call into the runtime', () => {
    expect(output).not.toMatch(/\bfetch\(|JSON\.|useEffect|useState|new Promise|class |setTimeout|print\(/);
    const bodies = [...output.matchAll(/^export function \w+[^{]*\{\n([\s\S]*?)\n\}/gm)].map((m) => m[1]!.split('\n').map((line) => line.trim()));
    expect(bodies.length).toBe(11); // six board hooks, five of the call-center console
    for (const lines of bodies) {
      expect(lines.at(-1)).toMatch(/^return useGraphQL(Query|InfiniteQuery|Mutation|Subscription)\(/);
      expect(lines.length).toBeLessThanOrEqual(2); // an infinite query adds its `next` cursor reader
    }
  });

  it('passes the subscription its resume point and feed signals only when the operation selects them', () => {
    expect(output).toMatch(/useGraphQLSubscription\(OrderChangesDocument, variables, options, \{ resume: .*\.at, feed: /);
    const bare = plugin.plugin(undefined, [{ document: parse('subscription Bare { orderChanged { order { id } } }') }], {});
    expect(bare).toContain('useGraphQLSubscription(BareDocument, variables, options, {})');
    expect(bare).not.toContain('FeedFields');
  });
});
