// GraphQL over WebSocket (graphql-ws) on the gateway's HTTP server, at the same /graphql path, for
// subscriptions (queries and mutations work too). The API key travels in `connectionParams`
// (`{"authorization": "Bearer <key>"}`, or `{"apiKey": "<key>"}`), checked like the HTTP header:
// a missing or unknown key closes the connection with 4403 before any operation. Operations then
// run through the same Yoga instance (its plugins: query limits, scope, masking, tracing), with
// the caller set as the HTTP key check sets it, so per-key limits count both transports together.
import type { ErrorCode } from '../errors.js';
import type { Server } from 'node:http';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { ApiKey } from '../config.js';
import { keyCheck, normalizeKeys } from './auth.js';
import { loadPersistedDocuments } from './persisted.js';
import { stateOf, type Caller } from './request-state.js';

/** The part of the Yoga instance this needs (createGateway's result). */
interface Enveloped {
  graphqlEndpoint: string;
  getEnveloped(initial: Record<string, unknown>): {
    schema: ExecutionArgs['schema'];
    parse(source: string): ExecutionArgs['document'];
    validate(schema: ExecutionArgs['schema'], document: ExecutionArgs['document']): readonly GraphQLError[];
    contextFactory(): Promise<unknown> | unknown;
    execute(args: ExecutionArgs): unknown;
    subscribe(args: ExecutionArgs): unknown;
  };
}

export interface WebSocketOptions {
  /** GATEWAY_API_KEYS, as createGateway got them. */
  apiKeys?: Array<string | ApiKey>;
  /** GATEWAY_PERSISTED_ONLY: only operations sent by hash (`extensions.persistedQuery.sha256Hash`). */
  persistedOnly?: boolean;
  documents?: Map<string, string>;
}

interface Runners {
  execute(args: ExecutionArgs): unknown;
  subscribe(args: ExecutionArgs): unknown;
}

function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const authorization = params?.authorization ?? params?.Authorization;
  if (typeof authorization === 'string') return authorization;
  return typeof params?.apiKey === 'string' ? `Bearer ${params.apiKey}` : undefined;
}

const refused = (message: string, code: ErrorCode) => [new GraphQLError(message, { extensions: { code } })];

export function attachWebSocket(server: Server, yoga: Enveloped, options: WebSocketOptions = {}): { close(): Promise<void> } {
  const check = keyCheck(normalizeKeys(options.apiKeys ?? []));
  const documents = options.documents ?? loadPersistedDocuments();
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  useServer<Record<string, unknown> | undefined, { caller?: Caller }>(
    {
      // false: graphql-ws closes the socket with 4403 Forbidden.
      onConnect: (ctx) => {
        const caller = check(authorizationOf(ctx.connectionParams));
        if (!caller) return false;
        ctx.extra.caller = caller;
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const persisted = (payload.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
        let query = payload.query;
        if (typeof persisted === 'string') {
          const found = documents.get(persisted.replace(/^sha256:/, ''));
          if (!found) return refused('No persisted operation has this hash.', 'PERSISTED_QUERY_NOT_FOUND');
          query = found;
        } else if (options.persistedOnly) {
          return refused('This gateway runs only persisted operations: send extensions.persistedQuery.sha256Hash.', 'PERSISTED_QUERY_ONLY');
        }
        // What the HTTP plugins would have attached to a request: the caller the key named.
        const request = new Request(`http://websocket${yoga.graphqlEndpoint}`, { method: 'POST' });
        stateOf(request).caller = ctx.extra.caller;
        stateOf(request).webSocket = true;
        // The upgrade request (client address: an anonymous caller's idempotency keys and
        // subscription pool are per address) and the socket (to drop a client that stopped
        // reading), as node's req/res are for HTTP.
        const enveloped = yoga.getEnveloped({ request, params: payload, req: ctx.extra.request, socket: ctx.extra.socket });
        let document: ExecutionArgs['document'];
        try {
          document = enveloped.parse(query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('Syntax error.')];
        }
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        const runners: Runners = { execute: enveloped.execute, subscribe: enveloped.subscribe };
        return {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: runners,
        };
      },
      execute: (args) => (args.rootValue as Runners).execute(args) as never,
      subscribe: (args) => (args.rootValue as Runners).subscribe(args) as never,
    },
    wss,
  );
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.close(1001, 'Going away');
        wss.close(() => resolve());
      }),
  };
}
