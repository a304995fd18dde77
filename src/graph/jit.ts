// Queries run compiled (graphql-jit through @envelop/graphql-jit): each distinct document is
// compiled once into plain JavaScript, kept per parsed document (Yoga's parse cache hands out the
// same one), which skips the generic executor's per-field work (resolve info, argument coercion,
// promise helpers) and allocates far less. Mutations and subscriptions keep the standard executor
// (the audit wrapper, live updates). Masking, coded errors, query limits and persisted documents act
// before or after execution and are unchanged.
import { useGraphQlJit } from '@envelop/graphql-jit';
import { getOperationAST, getVariableValues } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useCompiledQueries(): Plugin {
  return useGraphQlJit(
    {},
    {
      enableIf: ({ schema, document, operationName, variableValues }) => {
        const operation = getOperationAST(document, operationName);
        if (operation?.operation !== 'query') return false;
        if (!operation.variableDefinitions?.length) return true;
        // graphql-jit words a variable that does not coerce its own way ("Expected type Date."),
        // without the scalar's message: such a request runs on the standard executor instead.
        return !('errors' in getVariableValues(schema, operation.variableDefinitions, variableValues ?? {}));
      },
    },
  ) as unknown as Plugin;
}
