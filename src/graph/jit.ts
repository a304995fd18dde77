// Queries run compiled (graphql-jit): each distinct operation is compiled once into plain
// JavaScript, which skips the generic executor's per-field work (resolve info, argument coercion,
// promise helpers) and allocates far less. Mutations and subscriptions keep the standard executor
// (the audit wrapper, live updates). Masking, coded errors, query limits and persisted documents act
// before or after execution and are unchanged.
//
// Spec first: graphql-jit coerces variables with its own code, which gets CoerceVariableValues
// wrong in places (a non-null variable with a default, `$id: ID! = "1"`, is "not provided" when
// omitted; defaults go through JSON.stringify; errors are worded its own way). So variables are
// coerced here with graphql's own getVariableValues (the reference implementation), and jit is
// handed the coerced values. That is equivalent only if jit's coercion maps every coerced value to
// itself, which holds type by type (see roundTrips): built-in scalars (a coerced ID is a string,
// an Int a 32-bit integer, a Float finite...), enums whose internal value is their name, custom
// scalars whose parseValue is idempotent on its own output (Date, DateTime, Decimal), and lists and input
// objects of those (every default and null is already in place, absent fields stay absent). An
// operation with a variable of any other type, a request whose variables do not coerce, a
// document with @skip or @include (see hasConditions), and a document graphql-jit cannot compile
// run on the standard executor. test/graph/differential.test.ts holds both executors to the same
// answers.
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import {
  BREAK,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isEnumType,
  isInputObjectType,
  isSpecifiedScalarType,
  typeFromAST,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Custom scalars whose parseValue(parseValue(x)) === parseValue(x): re-coercing by jit is a no-op. */
const IDEMPOTENT_SCALARS = new Set(['Date', 'DateTime', 'Decimal']);

type Entry = { query: CompiledQuery; operation: OperationDefinitionNode } | null;

/** Does graphql-jit's variable coercion map every value graphql coerced for this type to itself? */
export function roundTrips(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (seen.has(named.name)) return true;
  seen.add(named.name);
  if (isSpecifiedScalarType(named)) return true;
  if (isEnumType(named)) return named.getValues().every((v) => v.value === v.name);
  if (isInputObjectType(named)) return Object.values(named.getFields()).every((f) => roundTrips(f.type, seen));
  return IDEMPOTENT_SCALARS.has(named.name);
}

/**
 * graphql-jit decides @skip / @include per field at run time but collects fields without them: a
 * field selected twice, once skipped, keeps the skipped one's place in the answer, and a skipped
 * selection's sub-fields (e.g. __typename) leak into its included twin. The spec's CollectFields
 * drops a skipped selection entirely, so documents with either directive run on the standard
 * executor.
 */
function hasConditions(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === 'skip' || node.name.value === 'include') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Entry {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'query') return null;
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type);
    if (!type || !roundTrips(type as GraphQLInputType)) return null;
  }
  if (hasConditions(document)) return null;
  const query = compileQuery(schema, document, operationName);
  return isCompiledQuery(query) ? { query, operation } : null;
}

export interface CompiledQueriesOptions {
  /** Told which executor ran each operation (the differential test checks the corpus is compiled). */
  onRoute?: (route: 'compiled' | 'standard') => void;
}

export function useCompiledQueries(options: CompiledQueriesOptions = {}): Plugin {
  const route = options.onRoute ?? (() => {});
  // Per parsed document (Yoga's parse cache hands out the same one), then per operation name: a
  // document may hold several operations.
  const cache = new WeakMap<DocumentNode, Map<string | undefined, Entry>>();
  const entryFor = (args: ExecutionArgs): Entry => {
    const operationName = args.operationName ?? undefined;
    let byName = cache.get(args.document);
    if (!byName) cache.set(args.document, (byName = new Map()));
    let entry = byName.get(operationName);
    if (entry === undefined) byName.set(operationName, (entry = compile(args.schema, args.document, operationName)));
    return entry;
  };
  return {
    onExecute({ executeFn, setExecuteFn }) {
      const standard = executeFn;
      // Decided on the arguments the executor is finally called with.
      setExecuteFn((args) => {
        const entry = entryFor(args);
        const definitions = entry?.operation.variableDefinitions;
        const variables = definitions?.length ? getVariableValues(args.schema, definitions, args.variableValues ?? {}) : { coerced: {} };
        // Not compilable, or variables that do not coerce: the standard executor answers (with
        // graphql's own errors).
        if (!entry || variables.errors) {
          route('standard');
          return standard(args);
        }
        route('compiled');
        return entry.query.query(args.rootValue, args.contextValue, variables.coerced);
      });
    },
  } as Plugin;
}
