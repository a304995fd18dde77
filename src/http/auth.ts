// Who may call: API keys from GATEWAY_API_KEYS compared in constant time (over digests, so the
// length of a key leaks nothing either), their scope (`read` keys may not run mutations), and
// the pass-through Clopos token, which only a caller holding a gateway key may bring.
import { ERROR_CODES, httpRefusal, type ErrorCode } from '../errors.js';
import { timingSafeEqual } from 'node:crypto';
import { getOperationAST } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { parseApiKeys, type ApiKey } from '../config.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import { digestOf, shortDigest, stateOf, type Caller } from './request-state.js';

export const PASS_THROUGH_HEADER = 'x-clopos-token';


/** Strings read like GATEWAY_API_KEYS entries: `key`, `name:key`, `name:key:read`, `name:key:write`. */
export function normalizeKeys(keys: Array<string | ApiKey>): ApiKey[] {
  const strings = parseApiKeys(keys.filter((k) => typeof k === 'string'));
  return keys.map((k) => (typeof k === 'string' ? strings.shift()! : k));
}

/**
 * The key check on its own (HTTP requests and WebSocket connections share it): the caller an
 * `Authorization` value names, or undefined when it names none. No keys configured: anonymous.
 */
export function keyCheck(keys: ApiKey[]): (authorization: string | null | undefined) => Caller | undefined {
  const known = keys.map((k) => ({ digest: digestOf(k.key), name: k.name, scope: k.scope }));
  return (authorization) => {
    if (known.length === 0) return { name: 'anonymous', scope: 'write', id: 'anonymous' };
    const match = /^Bearer (.+)$/.exec(authorization ?? '');
    if (!match) return undefined;
    const given = digestOf(match[1]!);
    // Every key is compared, so the time taken does not depend on which one matched.
    let found: (typeof known)[number] | undefined;
    for (const k of known) if (timingSafeEqual(k.digest, given) && !found) found = k;
    return found ? { name: found.name, scope: found.scope, id: shortDigest(match[1]!) } : undefined;
  };
}

export function useApiKeys(options: { keys: ApiKey[]; passThrough: boolean; metrics: GatewayMetrics; endpoint: string }): Plugin {
  const check = keyCheck(options.keys);
  const anyKeys = options.keys.length > 0;
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== options.endpoint) return;
      // The GraphiQL page itself is public; the operations it sends carry the key.
      if (request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html')) return;
      const state = stateOf(request);
      let caller = check(request.headers.get('authorization'));
      if (!caller) {
        options.metrics.rejected('unauthenticated');
        endResponse(
          httpRefusal(fetchAPI, 'UNAUTHENTICATED', 'A valid API key is required: Authorization: Bearer <key>.', { headers: { 'www-authenticate': 'Bearer' } }),
        );
        return;
      }
      const token = request.headers.get(PASS_THROUGH_HEADER);
      if (token !== null) {
        if (!options.passThrough || !anyKeys) {
          options.metrics.rejected('forbidden');
          endResponse(httpRefusal(fetchAPI, 'FORBIDDEN', `${PASS_THROUGH_HEADER} is accepted only with a gateway API key.`));
          return;
        }
        if (!/^[\x21-\x7e]{1,4096}$/.test(token)) {
          endResponse(httpRefusal(fetchAPI, 'BAD_USER_INPUT', `${PASS_THROUGH_HEADER} is not a valid token.`));
          return;
        }
        const digest = shortDigest(token);
        // Idempotency keys and caches belong to the key and the token together.
        caller = { ...caller, id: `${caller.id}.${digest}`, cloposToken: { token, digest } };
      }
      state.caller = caller;
    },
    onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      const caller = request ? stateOf(request).caller : undefined;
      if (caller?.scope !== 'read') return;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      options.metrics.rejected('forbidden');
      setResultAndStopExecution({
        errors: [
          createGraphQLError(`The API key "${caller.name}" may only run queries.`, {
            extensions: { code: 'FORBIDDEN' satisfies ErrorCode, http: { status: ERROR_CODES.FORBIDDEN } },
          }),
        ],
      });
    },
  };
}

/**
 * Against a real Clopos (CLOPOS_BASE_URL set) with no GATEWAY_API_KEYS, anyone who reaches the
 * port could read and place orders with the gateway's credentials: refuse to start unless
 * GATEWAY_ALLOW_ANONYMOUS=true says so on purpose. The message to print, or undefined.
 */
export function anonymousRefusal(config: { clopos: unknown; apiKeys: unknown[]; allowAnonymous: boolean }): string | undefined {
  if (!config.clopos || config.apiKeys.length > 0 || config.allowAnonymous) return undefined;
  return (
    'Refusing to start: CLOPOS_BASE_URL is set but GATEWAY_API_KEYS is empty, so anyone could use the ' +
    "gateway's Clopos credentials. Set GATEWAY_API_KEYS (e.g. GATEWAY_API_KEYS=board:<key>:read,desk:<key>), " +
    'or set GATEWAY_ALLOW_ANONYMOUS=true to run without keys on purpose.'
  );
}
