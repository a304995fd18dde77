// The Clopos implementation of CloposApi: openapi-fetch typed by generated/clopos.ts, bracket
// query encoding, the x-token middleware with its one renew-and-resend on 401, and translation of
// every failure into an UpstreamError. No retries here: the quota shield (retries, budget,
// breaker, cache) wraps this client, or its injectable `fetch`, as a separate layer.
import { CLOPOS_OPERATIONS as OPS, type CloposCall, type OperationSpec, type Route, type Sent } from './operations.js';
import type { InputOf, OutputOf } from '../operation.js';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { CloposApi, CloposCredentials } from './api.js';

type Ops = typeof OPS;
import { type TokenSource, createTokenSource } from './auth.js';
export type { TokenSource } from './auth.js';
import {
  NotSentError,
  type UpstreamOperation,
  fromHttpStatus,
  fromThrown,
  fromUnsuccessful,
  malformed,
} from '../errors.js';
import { serializeQuery } from './query.js';
import { requestIdMiddleware, unsentAware } from '../http.js';
import type { paths } from './types.js';
import { markBounded } from '../bounded.js';

export interface CloposClientOptions {
  /** e.g. `https://integrations.clopos.com/open-api/v2` (no trailing path after the version). */
  baseUrl: string;
  credentials: CloposCredentials;
  /** The transport; the quota shield or a test can put its own here. Default: global fetch. */
  fetch?: typeof fetch;
  /** Deadline of each call, token wait and 401 resend included. Default 10000. */
  timeoutMs?: number;
  /** Renew the token this long before `expires_at`. Default 60. */
  renewMarginSeconds?: number;
  /** Epoch milliseconds, for the token clock; injectable for tests. */
  now?: () => number;
  /** Another client's token source, so two clients (the poller's and the queries') share one token. */
  tokens?: TokenSource;
  /**
   * Pass-through: use this Clopos token (the caller's own) instead of fetching one with the
   * credentials. It is never renewed; a 401 is the caller's to fix (UPSTREAM_AUTH_FAILED).
   */
  token?: string;
  /**
   * Epoch ms by which the current request must be answered (the shield's). Each call's one
   * deadline signal then fires at the smaller of this and `timeoutMs`, and its Requests are marked
   * bounded so the transport adds no timer of its own.
   */
  deadline?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** The token source a client builds for itself (POST /auth through `options.fetch`), to share. */
export function createCloposTokens(options: CloposClientOptions): TokenSource {
  const transport = unsentAware(options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  const auth = createClient<paths>({ baseUrl: options.baseUrl, fetch: transport, querySerializer: serializeQuery });
  auth.use(requestIdMiddleware);
  return createTokenSource({
    http: auth,
    credentials: options.credentials,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.renewMarginSeconds === undefined ? {} : { renewMarginSeconds: options.renewMarginSeconds }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}

export function createCloposClient(options: CloposClientOptions): CloposApi {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = unsentAware(options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  const base = { baseUrl: options.baseUrl, fetch: transport, querySerializer: serializeQuery };
  const tokens = options.token === undefined ? (options.tokens ?? createCloposTokens(options)) : undefined;
  const http = createClient<paths>(base);
  http.use(requestIdMiddleware);
  http.use(tokens ? authMiddleware(tokens) : fixedTokenMiddleware(options.token!));
  const deadline = options.deadline;
  // Every request of this client carries call()'s signal, which fires by the deadline of the
  // moment it was made, so by deadline() now (it never moves earlier within a request).
  if (deadline) http.use({ onRequest: ({ request }) => void markBounded(request, deadline()) });
  return new CloposClient(http, timeoutMs, deadline);
}

/**
 * Sets `x-token` (Clopos ignores `Authorization`) and, on a 401, drops that token, fetches a new
 * one and resends the request once. A 401 means Clopos rejected the call unprocessed, so the
 * resend is safe even for a create. A second 401 is returned as is (the caller maps it).
 */
function authMiddleware(tokens: TokenSource): Middleware {
  // A copy of each request with a body, taken before sending: a sent Request's body is spent. A
  // bodyless request (every GET) is rebuilt from its url and headers instead, only on a 401.
  const spares = new WeakMap<Request, Request>();
  return {
    async onRequest({ request }) {
      const token = await beforeDeadline(tokens.token(), request.signal);
      request.headers.set('x-token', token);
      if (request.body !== null) spares.set(request, request.clone());
      return request;
    },
    async onResponse({ request, response, options }) {
      const spare = spares.get(request);
      spares.delete(request);
      if (response.status !== 401) return undefined;
      const token = request.headers.get('x-token');
      if (token === null) return undefined;
      await response.body?.cancel().catch(() => undefined);
      tokens.invalidate(token);
      const resend = spare ?? new Request(request.url, { method: request.method, headers: new Headers(request.headers), signal: request.signal });
      resend.headers.set('x-token', await beforeDeadline(tokens.token(), resend.signal));
      return options.fetch(resend);
    },
  };
}


/** Pass-through: the caller's token as is; nothing to renew, so a 401 is returned unchanged. */
function fixedTokenMiddleware(token: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('x-token', token);
      return request;
    },
  };
}

/** Waiting for a token counts against the call's deadline; nothing has been sent yet. */
function beforeDeadline<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new NotSentError('timeout', signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new NotSentError('timeout', signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}


class CloposClient implements CloposApi {
  constructor(
    private readonly http: Client<paths>,
    private readonly timeoutMs: number,
    private readonly deadline?: () => number,
  ) {}

  /** Any operation of the table: sent as its entry says, its answer read out of the envelope. */
  async call<N extends CloposCall>(name: N, input: InputOf<Ops, N>): Promise<OutputOf<Ops, N>> {
    const spec = OPS[name] as OperationSpec<Route, InputOf<Ops, N>, OutputOf<Ops, N>, { success: boolean }>;
    const create = spec.create === true;
    let sent: Sent<{ success: boolean }>;
    try {
      // One deadline signal per call: its own timeout, or the request's deadline when sooner.
      const left = this.deadline ? Math.min(this.timeoutMs, this.deadline() - Date.now()) : this.timeoutMs;
      sent = await spec.send!(this.http, input, AbortSignal.timeout(Math.max(0, left)));
    } catch (e) {
      // Anything thrown becomes an UpstreamError (or stays a bug).
      throw fromThrown(name, e, create);
    }
    const { data, error, response } = sent;
    if (spec.nullOn404 && response.status === 404) return null as OutputOf<Ops, N>;
    if (error !== undefined || !response.ok) throw fromHttpStatus(name, response, error, create);
    return spec.read!(envelope(name, response, data, create), input, response);
  }
}

/**
 * A 2xx body, checked: Clopos can answer 200 with `success:false` (always check it first), and a
 * body that is not an object with `success:true` is not the documented envelope.
 */
function envelope<T extends { success: boolean }>(
  operation: UpstreamOperation,
  response: Response,
  data: T | undefined,
  create = false,
): T {
  if (!isObject(data)) throw malformed(operation, response.status, create);
  if (data.success === false) throw fromUnsuccessful(operation, response, data);
  if (data.success !== true) throw malformed(operation, response.status, create);
  return data;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
