// Token lifecycle. Clopos has no refresh endpoint and allows 60 /auth calls a minute per IP, so
// one token is shared by every call, reused until shortly before it expires, and fetched by at
// most one request at a time. The token is opaque: its lifetime comes from `expires_at`
// (`expires_in` as a fallback), never from decoding the JWT.
import { CLOPOS_OPERATIONS } from './operations.js';
import type { Client } from 'openapi-fetch';
import type { CloposCredentials } from './api.js';
import { UpstreamError, fromThrown, malformed, retryAfterSeconds } from '../errors.js';
import type { paths } from './types.js';
import { runDetached } from '../../request-scope.js';

export interface TokenSource {
  /** A token believed valid; fetched (once, shared by concurrent callers) when there is none. */
  token(): Promise<string>;
  /** Drops `token` after Clopos rejected it, unless a newer one already replaced it. */
  invalidate(token: string): void;
}

export interface TokenSourceOptions {
  /** An openapi-fetch client for Clopos without the auth middleware. */
  http: Client<paths>;
  credentials: CloposCredentials;
  timeoutMs: number;
  /** Renew this long before `expires_at`; default 60, at most half the token's lifetime. */
  renewMarginSeconds?: number;
  /** Epoch milliseconds; injectable for tests. */
  now?: () => number;
}

export const DEFAULT_RENEW_MARGIN_SECONDS = 60;

interface HeldToken {
  token: string;
  /** Epoch ms after which callers fetch a new one. */
  renewAt: number;
}

export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const now = options.now ?? Date.now;
  const marginMs = Math.max(0, options.renewMarginSeconds ?? DEFAULT_RENEW_MARGIN_SECONDS) * 1000;
  let current: HeldToken | undefined;
  let pending: Promise<string> | undefined;

  async function renew(): Promise<string> {
    const issued = await requestToken(options);
    const receivedAt = now();
    let expiresAt = issued.expiresAt * 1000;
    // A token that looks expired on arrival means our clock is ahead of Clopos's: trust the
    // relative lifetime instead, or every call would fetch a new token.
    if (expiresAt <= receivedAt && issued.expiresIn !== undefined) expiresAt = receivedAt + issued.expiresIn * 1000;
    const lifetime = issued.expiresIn !== undefined ? issued.expiresIn * 1000 : expiresAt - receivedAt;
    // With a short-lived token (a test brand, the sandbox) a 60 s margin would make every call
    // renew; half the lifetime keeps each token in use for a while.
    const margin = Math.min(marginMs, Math.max(0, lifetime / 2));
    current = { token: issued.token, renewAt: expiresAt - margin };
    return issued.token;
  }

  return {
    token() {
      if (current && now() < current.renewAt) return Promise.resolve(current.token);
      // Single flight: everyone who finds the token missing or stale waits on the same /auth.
      // A failure is not cached: `pending` clears and the next call asks again.
      // Detached: the renewal serves every waiting caller, so it must not end at the deadline of
      // the request that happened to start it (each caller still waits only until its own).
      pending ??= runDetached(() => renew()).finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate(token) {
      // Only the token that failed: when several calls get 401 on the same token, the first
      // drops it and the rest find the renewal already under way (or done).
      if (current?.token === token) current = undefined;
    },
  };
}

interface IssuedToken {
  token: string;
  /** Epoch seconds. */
  expiresAt: number;
  /** Seconds, when Clopos sends it. */
  expiresIn?: number;
}

/** One `POST /auth`. Clopos answers a test/production mismatch with HTTP 200 and `success:false`. */
async function requestToken(options: TokenSourceOptions): Promise<IssuedToken> {
  const { credentials, http, timeoutMs } = options;
  let result;
  try {
    result = await http.POST(CLOPOS_OPERATIONS.auth.route, {
      body: {
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        brand: credentials.brand,
        integrator_id: credentials.integratorId,
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw fromThrown('auth', e);
  }
  const { data, response } = result;
  const status = response.status;
  // No upstreamMessage on auth failures: /auth messages may echo what we sent.
  if (status === 400 || status === 401 || status === 403) {
    throw new UpstreamError({ operation: 'auth', code: 'UPSTREAM_AUTH_FAILED', reason: 'http', status });
  }
  if (status === 429) {
    throw new UpstreamError({
      operation: 'auth',
      code: 'UPSTREAM_RATE_LIMITED',
      reason: 'http',
      status,
      retryAfterSeconds: retryAfterSeconds(response.headers),
    });
  }
  if (!response.ok) throw new UpstreamError({ operation: 'auth', code: 'UPSTREAM_UNAVAILABLE', reason: 'http', status });
  if (typeof data !== 'object' || data === null) throw malformed('auth', status);
  if (data.success === false) {
    throw new UpstreamError({ operation: 'auth', code: 'UPSTREAM_AUTH_FAILED', reason: 'unsuccessful', status });
  }
  if (data.success !== true || typeof data.token !== 'string' || data.token === '') throw malformed('auth', status);
  const expiresIn = positiveNumber(data.expires_in);
  const expiresAt =
    typeof data.expires_at === 'number' && Number.isFinite(data.expires_at)
      ? data.expires_at
      : expiresIn !== undefined
        ? Math.floor((options.now ?? Date.now)() / 1000) + expiresIn
        : undefined;
  if (expiresAt === undefined) throw malformed('auth', status);
  return expiresIn === undefined ? { token: data.token, expiresAt } : { token: data.token, expiresAt, expiresIn };
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
