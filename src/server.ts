// createGateway builds the Yoga instance (no listen): main.ts serves it, tests call yoga.fetch.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { CloposApi } from './clopos/api.js';
import type { ApiKey } from './config.js';
import { createGraphContext, type GraphContext } from './graph/context.js';
import { maskError } from './graph/mask.js';
import { buildSchema } from './graph/schema.js';
import { MemoryIdempotencyStore, type IdempotencyStore } from './graph/write/idempotency.js';
import { GRAPHIQL_OPTIONS } from './http/graphiql.js';
import { persistedDocuments } from './http/persisted.js';
import { enterScope } from './request-scope.js';

export interface GatewayOptions {
  clopos: CloposApi;
  /** createOrder's idempotency keys; in memory by default. */
  idempotency?: IdempotencyStore;
  /** GATEWAY_REQUEST_TIMEOUT_MS: the deadline of each GraphQL request. */
  requestTimeoutMs?: number;
  /** When non-empty, every GraphQL request needs `Authorization: Bearer <one of them>`. */
  apiKeys?: Array<string | ApiKey>;
  /** GATEWAY_PERSISTED_ONLY: run only operations from generated/client/persisted-documents.json, by hash. */
  persistedOnly?: boolean;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** A stable, non-secret name for the caller: a digest of the API key they sent. */
function callerOf(request: Request): string {
  const match = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '');
  return match ? digest(match[1]!).toString('base64url').slice(0, 16) : 'anonymous';
}

/** Compares digests in constant time, so a key's bytes cannot be guessed from response timing. */
function apiKeyCheck(keys: Array<string | ApiKey>): Plugin {
  const digests = keys.map((k) => digest(typeof k === 'string' ? k : k.key));
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/graphql') return;
      // The GraphiQL page itself is public; the operations it sends carry the key.
      if (request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html')) return;
      const match = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '');
      const given = match ? digest(match[1]!) : undefined;
      if (given && digests.some((known) => timingSafeEqual(known, given))) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [{ message: 'A valid API key is required: Authorization: Bearer <key>.', extensions: { code: 'UNAUTHENTICATED' } }],
          }),
          { status: 401, headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' } },
        ),
      );
    },
  };
}

export function createGateway(options: GatewayOptions) {
  const idempotency = options.idempotency ?? new MemoryIdempotencyStore();
  return createYoga<object, GraphContext>({
    schema: buildSchema(),
    context: ({ request }) => {
      // A caller's request id is kept when it looks like one, so logs line up across services.
      const given = request.headers.get('x-request-id');
      enterScope({
        requestId: given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID(),
        deadline: Date.now() + (options.requestTimeoutMs ?? 15_000),
      });
      return createGraphContext(options.clopos, idempotency, callerOf(request));
    },
    maskedErrors: { maskError },
    graphiql: GRAPHIQL_OPTIONS,
    // Served from the package, not a CDN: works offline and on locked-down networks.
    renderGraphiQL,
    landingPage: false,
    plugins: [
      ...(options.apiKeys?.length ? [apiKeyCheck(options.apiKeys)] : []),
      persistedDocuments({ only: options.persistedOnly ?? false }),
    ],
  });
}

export type Gateway = ReturnType<typeof createGateway>;
