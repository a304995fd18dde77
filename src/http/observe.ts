// One log line per request (request id, key name, operation, status, time), operation metrics,
// the x-request-id response header, and an audit line per mutation (key name, operation, order
// id, outcome). Never logs headers, variables, tokens or keys.
import { getOperationAST, Kind, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { isUpstreamError } from '../upstreams/errors.js';
import type { OrderPayloadModel } from '../graph/write/payloads.js';
import { withoutRedaction, type Logger } from '../observability/logger.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import { stateOf } from './request-state.js';

const requestOf = (context: unknown) => (context as { request?: Request }).request;
const safeName = (name: string | null | undefined) => (name && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) ? name : undefined);

export function useObservability(options: { logger: Logger; metrics: GatewayMetrics }): Plugin[] {
  const { metrics } = options;
  // Every line written here is built from known, non-secret fields (never headers, variables,
  // tokens or keys), so it skips the redaction pass; other components' lines keep it.
  const logger = withoutRedaction(options.logger);
  const requestPlugin: Plugin = {
    onRequest({ request }) {
      stateOf(request); // fixes the request id and start time
    },
    onValidate({ context, params }) {
      return ({ valid }) => {
        if (valid) return;
        const request = requestOf(context);
        const given = (context as { params?: { operationName?: string | null } }).params?.operationName ?? undefined;
        const name = given ?? getOperationAST(params.documentAST, given)?.name?.value;
        if (request) Object.assign(stateOf(request), { operation: safeName(name), outcome: 'invalid' });
        metrics.operation(name, 'invalid');
      };
    },
    onExecute({ args }) {
      const started = performance.now();
      const operation = getOperationAST(args.document, args.operationName);
      const name = args.operationName ?? operation?.name?.value;
      const request = requestOf(args.contextValue);
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) && !('data' in result)) return; // a stream
          const errors = (result as { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }).errors ?? [];
          const forbidden = errors.some((e) => e.extensions?.code === 'FORBIDDEN');
          const outcome = forbidden ? 'forbidden' : errors.length ? 'error' : 'ok';
          metrics.operation(name, outcome, (performance.now() - started) / 1000);
          const state = request ? stateOf(request) : undefined;
          if (state) Object.assign(state, { operation: safeName(name), outcome });
          // A refused mutation never reaches its resolver: its audit line is written here.
          if (forbidden && operation?.operation === 'mutation') {
            for (const selection of operation.selectionSet.selections) {
              if (selection.kind !== Kind.FIELD) continue;
              logger.info(
                { audit: true, requestId: state?.requestId, keyName: state?.caller?.name ?? 'anonymous', operation: selection.name.value, outcome: 'forbidden' },
                'audit',
              );
            }
          }
        },
      };
    },
    onResponse({ request, response }) {
      const url = new URL(request.url);
      const state = stateOf(request);
      metrics.httpRequest(response.status);
      try {
        response.headers.set('x-request-id', state.requestId);
      } catch {
        // immutable headers (a static response): the id is still in the log
      }
      if (url.pathname === '/metrics' || url.pathname === '/health' || url.pathname === '/readiness') return;
      logger.info(
        {
          requestId: state.requestId,
          method: request.method,
          path: url.pathname,
          status: response.status,
          ms: Math.round(performance.now() - state.startedAt),
          keyName: state.caller?.name,
          operation: state.operation,
          outcome: state.outcome,
          passThrough: state.caller?.cloposToken ? state.caller.cloposToken.digest : undefined,
        },
        'request',
      );
    },
  };

  const audit = useMutationAudit(
    ({ info, args, context }) => {
      const request = requestOf(context);
      const state = request ? stateOf(request) : undefined;
      return ({ result }) => {
        const payload = result as Partial<OrderPayloadModel> | Error;
        let outcome: string;
        let orderId: string | undefined = typeof args.id === 'string' ? args.id.slice(0, 64) : undefined;
        if (payload instanceof Error) {
          const cause = (payload as { originalError?: unknown }).originalError ?? payload;
          outcome = isUpstreamError(cause) ? `error:${cause.code}` : 'error';
        } else if (payload?.userErrors?.length) {
          outcome = `rejected:${[...new Set(payload.userErrors.map((e) => e.code))].join(',')}`;
          if (payload.order) orderId = String(payload.order.id);
        } else {
          outcome = 'ok';
          if (payload?.order) orderId = String(payload.order.id);
        }
        logger.info(
          {
            audit: true,
            requestId: state?.requestId,
            keyName: state?.caller?.name ?? 'anonymous',
            passThrough: state?.caller?.cloposToken?.digest,
            operation: info.fieldName,
            orderId,
            outcome,
          },
          'audit',
        );
      };
    },
  );
  return [requestPlugin, audit];
}

type AuditStart = (field: { info: GraphQLResolveInfo; args: Record<string, unknown>; context: unknown }) => (done: { result: unknown }) => void;

/**
 * Wraps the resolvers of the Mutation type's fields only: `start` runs before the resolver and
 * the function it returns gets the result (or the error, which is thrown on). Queries' fields are
 * left alone; a generic per-field wrapper (@envelop/on-resolve) cost a closure and a promise
 * helper on every resolved field of every query.
 */
function useMutationAudit(start: AuditStart): Plugin {
  const wrapped = Symbol('audited');
  return {
    onSchemaChange({ schema }) {
      const mutation = schema?.getMutationType();
      if (!mutation) return;
      for (const field of Object.values(mutation.getFields()) as Array<{ resolve?: GraphQLFieldResolver<unknown, unknown>; [wrapped]?: true }>) {
        const resolve = field.resolve;
        if (!resolve || field[wrapped]) continue;
        field.resolve = (root, args, context, info) => {
          const done = start({ info, args, context });
          let result: unknown;
          try {
            result = resolve(root, args, context, info);
          } catch (error) {
            done({ result: error });
            throw error;
          }
          if (!(result instanceof Promise)) {
            done({ result });
            return result;
          }
          return result.then(
            (value: unknown) => (done({ result: value }), value),
            (error: unknown) => {
              done({ result: error });
              throw error;
            },
          );
        };
        field[wrapped] = true;
      }
    },
  };
}
