// The Clover REST client: openapi-fetch typed by generated/clover.ts, the bearer token with one
// renew-and-resend on 401 (a 401 on a token just refreshed is final: Clover answers 401 for a
// missing permission too, facts §2.1), and every failure as an UpstreamError named by the
// operation table. No retries or limits here: the Clover shield (shield.ts) wraps `fetch`.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from '../../../generated/clover.js';
import { UpstreamError, fromHttpStatus, fromThrown, malformed } from '../errors.js';
import { requestIdMiddleware, unsentAware } from '../http.js';
import type { CloverTokens, TokenPair } from './auth.js';
import { CLOVER_OPERATIONS as OPS, type CloverOperation } from './operations.js';

type Schemas = components['schemas'];
export type CloverOrder = Schemas['Order'];
export type CloverLineItem = Schemas['LineItem'];
export type CloverLineItemWrite = Schemas['LineItemWrite'];
export type CloverOrderWrite = Schemas['OrderWrite'];
export type CloverModification = Schemas['Modification'];

export interface CloverListParams {
  filters: string[];
  expand?: string[];
  limit: number;
  offset: number;
  orderBy?: string;
}

/** The calls the adapter makes; each is one Clover request. */
export interface CloverApi {
  readonly merchantId: string;
  listOrders(params: CloverListParams): Promise<CloverOrder[]>;
  /** Null on 404 (no such order, or deleted). */
  getOrder(id: string, expand?: string[]): Promise<CloverOrder | null>;
  listLineItems(id: string, offset: number, limit: number): Promise<CloverLineItem[]>;
  createOrder(body: CloverOrderWrite): Promise<CloverOrder>;
  /** Null on 404. */
  updateOrder(id: string, body: CloverOrderWrite): Promise<CloverOrder | null>;
  /** False on 404 (already gone). */
  deleteOrder(id: string): Promise<boolean>;
  addLineItems(id: string, items: CloverLineItemWrite[]): Promise<CloverLineItem[]>;
  addModification(orderId: string, lineItemId: string, body: { modifier: { id: string }; name?: string; amount?: number }): Promise<CloverModification>;
}

export interface CloverClientOptions {
  /** e.g. https://apisandbox.dev.clover.com (the API is under /v3/merchants/{mId}). */
  baseUrl: string;
  merchantId: string;
  tokens: CloverTokens;
  fetch?: typeof fetch;
  /** Each call's deadline, 401 resend included. Default 10000. */
  timeoutMs?: number;
}

export function createCloverClient(options: CloverClientOptions): CloverApi {
  const transport = unsentAware(options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  const http = createClient<paths>({ baseUrl: options.baseUrl, fetch: transport, querySerializer: serializeQuery });
  http.use(requestIdMiddleware, authMiddleware(options.tokens));
  return new CloverClient(http, options.merchantId, options.timeoutMs ?? 10_000);
}

/** POST /oauth/v2/refresh through `fetch` (not budgeted): the new pair, or an auth error. */
export function cloverRefresher(baseUrl: string, fetchFn: typeof fetch = (i, n) => globalThis.fetch(i, n), timeoutMs = 10_000) {
  const http = createClient<paths>({ baseUrl, fetch: unsentAware(fetchFn) });
  return async (appId: string, refreshToken: string): Promise<TokenPair> => {
    let answer;
    try {
      answer = await http.POST('/oauth/v2/refresh', { body: { client_id: appId, refresh_token: refreshToken }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      throw fromThrown('cloverRefresh', e);
    }
    const { data, error, response } = answer;
    if (error !== undefined || !response.ok) {
      // A refused refresh token is a credentials problem, whatever the status.
      if (response.status >= 400 && response.status < 500 && response.status !== 429) {
        throw new UpstreamError({ operation: 'cloverRefresh', code: 'UPSTREAM_AUTH_FAILED', reason: 'http', status: response.status });
      }
      throw fromHttpStatus('cloverRefresh', response, error);
    }
    if (!data || typeof data.access_token !== 'string' || typeof data.refresh_token !== 'string') throw malformed('cloverRefresh', response.status);
    return {
      accessToken: data.access_token,
      refreshToken: data.refresh_token,
      accessExpiresAt: typeof data.access_token_expiration === 'number' ? data.access_token_expiration * 1000 : 0,
    };
  };
}

/** `filter` repeated; `expand` comma-joined (facts §2.6). */
export function serializeQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  return params.toString();
}

function authMiddleware(tokens: CloverTokens): Middleware {
  const spares = new WeakMap<Request, { spare: Request; token: string }>();
  return {
    async onRequest({ request }) {
      const token = await tokens.token();
      request.headers.set('authorization', `Bearer ${token}`);
      spares.set(request, { spare: request.clone(), token });
      return request;
    },
    async onResponse({ request, response, options }) {
      const held = spares.get(request);
      spares.delete(request);
      if (response.status !== 401 || !held) return undefined;
      const next = await tokens.renew(held.token);
      // Final: a fixed token, or one just refreshed (Clover's 401 is also "no permission").
      if (next === undefined) return undefined;
      await response.body?.cancel().catch(() => undefined);
      held.spare.headers.set('authorization', `Bearer ${next}`);
      return options.fetch(held.spare);
    },
  };
}



const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class CloverClient implements CloverApi {
  constructor(
    private readonly http: Client<paths>,
    readonly merchantId: string,
    private readonly timeoutMs: number,
  ) {}

  private path<T extends object = object>(extra?: T) {
    return { mId: this.merchantId, ...(extra ?? ({} as T)) };
  }

  /** One call under its deadline. `write`: a failure after it may have left is outcome-unknown. */
  private async send<R extends { response: Response; error?: unknown }>(
    operation: CloverOperation,
    call: (signal: AbortSignal) => Promise<R>,
    notFoundIsNull = false,
  ): Promise<R | null> {
    const write = !OPS[operation].idempotent;
    let answer: R;
    try {
      answer = await call(AbortSignal.timeout(this.timeoutMs));
    } catch (e) {
      throw fromThrown(operation, e, write);
    }
    const { response, error } = answer;
    if (response.status === 404 && notFoundIsNull) return null;
    if (error !== undefined || !response.ok) throw fromHttpStatus(operation, response, error, write);
    return answer;
  }

  async listOrders(p: CloverListParams): Promise<CloverOrder[]> {
    const answer = await this.send('cloverListOrders', (signal) =>
      this.http.GET('/v3/merchants/{mId}/orders', {
        params: {
          path: this.path(),
          query: { filter: p.filters, expand: p.expand?.join(','), limit: p.limit, offset: p.offset, orderBy: p.orderBy },
        },
        signal,
      }),
    );
    const data = answer!.data;
    if (!isObject(data) || !Array.isArray(data.elements)) throw malformed('cloverListOrders', answer!.response.status);
    return data.elements;
  }

  async getOrder(id: string, expand?: string[]): Promise<CloverOrder | null> {
    const answer = await this.send(
      'cloverGetOrder',
      (signal) =>
        this.http.GET('/v3/merchants/{mId}/orders/{orderId}', {
          params: { path: this.path({ orderId: id }), query: { expand: expand?.join(',') } },
          signal,
        }),
      true,
    );
    if (answer === null) return null;
    if (!isObject(answer.data) || typeof answer.data.id !== 'string') throw malformed('cloverGetOrder', answer.response.status);
    return answer.data;
  }

  async listLineItems(id: string, offset: number, limit: number): Promise<CloverLineItem[]> {
    const answer = await this.send('cloverListLineItems', (signal) =>
      this.http.GET('/v3/merchants/{mId}/orders/{orderId}/line_items', {
        params: { path: this.path({ orderId: id }), query: { expand: 'modifications', offset, limit } },
        signal,
      }),
    );
    const data = answer!.data;
    if (!isObject(data) || !Array.isArray(data.elements)) throw malformed('cloverListLineItems', answer!.response.status);
    return data.elements;
  }

  async createOrder(body: CloverOrderWrite): Promise<CloverOrder> {
    const answer = await this.send('cloverCreateOrder', (signal) => this.http.POST('/v3/merchants/{mId}/orders', { params: { path: this.path() }, body, signal }));
    const data = answer!.data;
    // Stored, but we cannot tell which order it is.
    if (!isObject(data) || typeof data.id !== 'string') {
      throw new UpstreamError({ operation: 'cloverCreateOrder', code: 'UPSTREAM_OUTCOME_UNKNOWN', reason: 'unidentifiable', status: answer!.response.status });
    }
    return data;
  }

  async updateOrder(id: string, body: CloverOrderWrite): Promise<CloverOrder | null> {
    const answer = await this.send(
      'cloverUpdateOrder',
      (signal) => this.http.POST('/v3/merchants/{mId}/orders/{orderId}', { params: { path: this.path({ orderId: id }) }, body, signal }),
      true,
    );
    if (answer === null) return null;
    return isObject(answer.data) && typeof answer.data.id === 'string' ? answer.data : { id };
  }

  async deleteOrder(id: string): Promise<boolean> {
    const answer = await this.send(
      'cloverDeleteOrder',
      (signal) => this.http.DELETE('/v3/merchants/{mId}/orders/{orderId}', { params: { path: this.path({ orderId: id }) }, signal, parseAs: 'text' }),
      true,
    );
    return answer !== null;
  }

  async addLineItems(id: string, items: CloverLineItemWrite[]): Promise<CloverLineItem[]> {
    const answer = await this.send('cloverAddLineItems', (signal) =>
      this.http.POST('/v3/merchants/{mId}/orders/{orderId}/bulk_line_items', { params: { path: this.path({ orderId: id }) }, body: { items }, signal }),
    );
    const data = answer!.data;
    if (!isObject(data) || !Array.isArray(data.items) || data.items.length !== items.length) {
      throw malformed('cloverAddLineItems', answer!.response.status, true);
    }
    return data.items;
  }

  async addModification(orderId: string, lineItemId: string, body: { modifier: { id: string }; name?: string; amount?: number }): Promise<CloverModification> {
    const answer = await this.send('cloverAddModification', (signal) =>
      this.http.POST('/v3/merchants/{mId}/orders/{orderId}/line_items/{lineItemId}/modifications', { params: { path: this.path({ orderId, lineItemId }) }, body, signal }),
    );
    return isObject(answer!.data) ? answer!.data : {};
  }
}
