// GET /schema.graphql: the gateway's schema as SDL, for frontends that generate their own typed
// documents (The Guild's client preset points `schema` at this URL). It needs the same API key as
// /graphql when GATEWAY_API_KEYS is set, and is off (404) with GATEWAY_INTROSPECTION=false, which
// hides the schema; then teams take the file `npm run schema:sdl` writes.
import { lexicographicSortSchema, printSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ApiKey } from '../config.js';
import { httpRefusal } from '../errors.js';
import { buildSchema } from '../graph/schema.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import { keyCheck } from './auth.js';

export const SCHEMA_SDL_PATH = '/schema.graphql';

/** The executable schema as SDL, sorted (the same text as `npm run schema:sdl`). */
export function schemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
}

export function useSchemaSdl(options: { keys: ApiKey[]; introspection: boolean; metrics: GatewayMetrics }): Plugin {
  const check = keyCheck(options.keys);
  let sdl: string | undefined; // built on the first request, not with every gateway
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== SCHEMA_SDL_PATH) return;
      if (!options.introspection) {
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({ errors: [{ message: 'The schema is not published here (GATEWAY_INTROSPECTION=false).', extensions: { code: 'NOT_FOUND' } }] }),
            { status: 404, headers: { 'content-type': 'application/json' } },
          ),
        );
        return;
      }
      if (!check(request.headers.get('authorization'))) {
        options.metrics.rejected('unauthenticated');
        endResponse(
          httpRefusal(fetchAPI, 'UNAUTHENTICATED', 'A valid API key is required: Authorization: Bearer <key>.', { headers: { 'www-authenticate': 'Bearer' } }),
        );
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      sdl ??= schemaSdl();
      endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : sdl, { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } }));
    },
  };
}
