// Query limits. graphql-armor bounds the shape of a document (tokens, depth, aliases, directives,
// a static cost); `upstreamCallsRule` bounds what it can cost Clopos. Clopos has no batch read, so
// every aliased `order(id)` is a GET of its own and every `orders` up to two list requests: the
// rule adds up the worst case of each root field and refuses the document before anything runs.
import { costOf } from '../upstreams/clopos/operations.js';
import type { ErrorCode } from '../errors.js';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type ASTVisitor,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Worst-case Clopos calls of one root field, from the operation table's costs; a root field not
 * listed counts 1.
 */
export const UPSTREAM_CALLS: Record<string, number> = {
  orders: costOf({ listOrders: 2 }), // a page never straddles more than two Clopos pages
  order: costOf({ getOrder: 1 }),
  // POST, a look-up of a lost order on an idempotent repeat, a read of the new order
  createOrder: costOf({ createOrder: 1, listOrders: 1, getOrder: 1 }),
  cancelOrder: costOf({ cancelOrder: 1, getOrder: 1 }), // PUT, a read when Clopos refuses to cancel twice
  // The catalog when its cache is cold: a menu of up to 100 products is one products page.
  venues: costOf({ listVenues: 1 }),
  saleTypes: costOf({ listSaleTypes: 1 }),
  menu: costOf({ listProducts: 1, getStopList: 1 }),
  customers: costOf({ listCustomers: 2 }), // a page that straddles two Clopos pages
  customer: costOf({ getCustomer: 1 }),
  invalidateCatalog: 0,
};
// createOrder prices from the catalog too: the menu and the stop-list when cold (none when warm).
UPSTREAM_CALLS.createOrder! += UPSTREAM_CALLS.menu!;

export const LIMITS = {
  /** Clopos calls one GraphQL request may cause at most. */
  upstreamCalls: 8,
  tokens: 2000,
  depth: 8,
  aliases: 10,
  directives: 10,
  cost: 3000,
} as const;

function rootCalls(context: ValidationContext, selectionSet: SelectionSetNode, seen: Set<string>): number {
  let calls = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (!name.startsWith('__')) calls += UPSTREAM_CALLS[name] ?? 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      calls += rootCalls(context, selection.selectionSet, seen);
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (fragment && !seen.has(name)) calls += rootCalls(context, fragment.selectionSet, new Set(seen).add(name));
    }
  }
  return calls;
}

/** Refuses an operation whose root fields could cost Clopos more than `max` calls. */
export function upstreamCallsRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const calls = rootCalls(context, operation.selectionSet, new Set());
      if (calls > max) {
        context.reportError(
          new GraphQLError(
            `This operation could cost up to ${calls} Clopos calls; the limit is ${max}. Split it into smaller requests.`,
            { nodes: [operation], extensions: { code: 'QUERY_TOO_EXPENSIVE' satisfies ErrorCode } },
          ),
        );
      }
    },
  });
}

export function useQueryLimits(options: { introspection: boolean }): Plugin[] {
  const rules: ValidationRule[] = [upstreamCallsRule(LIMITS.upstreamCalls)];
  if (!options.introspection) rules.push(NoSchemaIntrospectionCustomRule);
  return [
    EnvelopArmorPlugin({
      maxTokens: { n: LIMITS.tokens },
      maxDepth: { n: LIMITS.depth, ignoreIntrospection: true, flattenFragments: true },
      maxAliases: { n: LIMITS.aliases },
      maxDirectives: { n: LIMITS.directives },
      costLimit: { maxCost: LIMITS.cost, ignoreIntrospection: true },
      // Suggestions ("Did you mean ...?") would leak the schema that introspection hides.
      blockFieldSuggestion: { enabled: !options.introspection },
    }),
    { onValidate: ({ addValidationRule }) => rules.forEach((rule) => addValidationRule(rule)) },
  ];
}
