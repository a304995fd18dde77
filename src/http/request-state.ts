// What the gateway's HTTP plugins learn about one request (who calls, its id, when it started),
// kept beside the Request object so the context factory, the log line and the audit can read it.
import { createHash, randomUUID } from 'node:crypto';
import type { ApiKeyScope } from '../config.js';

export interface Caller {
  /** The key's name from GATEWAY_API_KEYS, or `anonymous`; safe to log. */
  name: string;
  scope: ApiKeyScope;
  /** A digest of the API key (or `anonymous`): idempotency keys and caches are per caller. */
  id: string;
  /** Pass-through: the caller's own Clopos token and its digest (the digest is safe to log and key by). */
  cloposToken?: { token: string; digest: string };
}

export interface RequestState {
  requestId: string;
  startedAt: number;
  caller?: Caller;
  operation?: string;
  outcome?: string;
  /** Sent over graphql-ws (the request is one websocket.ts made up, not an HTTP one). */
  webSocket?: boolean;
}

const states = new WeakMap<Request, RequestState>();

/** A caller's `x-request-id` is kept when it looks like one, so logs line up across services. */
export function stateOf(request: Request): RequestState {
  let state = states.get(request);
  if (!state) {
    const given = request.headers.get('x-request-id');
    state = { requestId: given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID(), startedAt: performance.now() };
    states.set(request, state);
  }
  return state;
}

/**
 * The key check hashes the presented key, then names a matching caller by its short digest: the
 * last digest is remembered so that is one SHA-256 per request, not two. (Callers must not
 * modify the Buffer.)
 */
let last: { secret: string; digest: Buffer } | undefined;

export function digestOf(secret: string): Buffer {
  if (last?.secret === secret) return last.digest;
  const digest = createHash('sha256').update(secret).digest();
  last = { secret, digest };
  return digest;
}

/** A short, stable, non-secret name for a secret. */
export function shortDigest(secret: string): string {
  return digestOf(secret).toString('base64url').slice(0, 16);
}
