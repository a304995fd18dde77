// Requests under /open-api/v2: logged, then faults, then /auth or token + tenant rate limit + orders.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestLogEntry } from './contract.js';
import type { SandboxContext } from './context.js';
import { handleAuth, type Reply } from './auth-route.js';
import { answerFault } from './fault-response.js';
import { apiError, flatHeaders, parseJson, readBody, sendJson } from './http.js';
import { handleOrders } from './orders-routes.js';
import { handleCatalog, isCatalogPath } from './catalog-routes.js';
import { VENUE_IDS } from './catalog.js';
import { rateLimitHeaders } from './rate-limit.js';

export interface ApiRequest {
  /** Path after the base, e.g. "/orders/12". */
  path: string;
  rawQuery: string;
  query: Record<string, unknown>;
  started: number;
}

const INVALID_TOKEN = apiError('unauthorized', 'Missing or invalid authentication headers');
const EXPIRED_TOKEN = apiError('unauthorized', 'Token expired');

export async function handleApi(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, r: ApiRequest): Promise<void> {
  const method = req.method ?? 'GET';
  const entry: RequestLogEntry = {
    method,
    path: r.path,
    rawQuery: r.rawQuery,
    query: r.query,
    headers: flatHeaders(req),
    status: 0,
    at: r.started,
  };
  ctx.log.add(entry);
  let reply: Reply = (status, body, headers) => {
    entry.status = status;
    sendJson(res, status, body, headers);
  };

  const raw = method === 'GET' || method === 'HEAD' ? { ok: true as const, raw: '' } : await readBody(req);
  if (!raw.ok) return reply(413, apiError('payload_too_large', 'Request body is too large'));
  const json = parseJson(raw.raw);
  if (raw.raw !== '') entry.body = json.ok ? json.value : raw.raw;

  const fault = ctx.faults.take(method, r.path);
  const limit = r.path === '/auth' ? ctx.options.authRateLimitPerMinute : ctx.options.rateLimitPerMinute;
  if (fault?.afterStore) {
    // Served (and stored) now; the answer the client gets is the fault's.
    const real = reply;
    reply = (status, body, headers) => {
      answerFault(fault, req, res, limit).then(
        (faulted) => (faulted === undefined ? real(status, body, headers) : (entry.status = faulted)),
        () => res.destroy(),
      );
    };
  } else if (fault) {
    const status = await answerFault(fault, req, res, limit);
    if (status !== undefined) {
      entry.status = status;
      return;
    }
  }

  if (r.path === '/auth') return handleAuth(ctx, req, json.ok ? json.value : undefined, reply);

  const tokenHeader = req.headers['x-token'];
  const verified = typeof tokenHeader === 'string' && tokenHeader !== '' ? ctx.jwt.verify(tokenHeader) : undefined;
  if (!verified?.ok) return reply(401, verified?.reason === 'expired' ? EXPIRED_TOKEN : INVALID_TOKEN);

  // Tier 3 of the docs' limits: per integrator and brand, whatever token or IP they use.
  const rate = ctx.tenantLimits.hit(`${verified.claims.integrator_id}:${verified.claims.brand}`);
  const headers = rateLimitHeaders(rate);
  if (!rate.allowed) return reply(429, apiError('rate_limited', 'Too many requests. Retry later.'), headers);
  const withHeaders: Reply = (status, body) => reply(status, body, headers);
  if (!json.ok) return withHeaders(400, apiError('validation_failed', 'Request body must be valid JSON'));

  const venue = req.headers['x-venue'];
  if (isCatalogPath(r.path)) {
    const raw = Array.isArray(venue) ? venue.join(',') : venue;
    const venueId = raw === undefined ? undefined : /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (venueId !== undefined && !VENUE_IDS.includes(venueId)) {
      return withHeaders(400, apiError('invalid_parameter', `x-venue must be one of the brand's venues: ${VENUE_IDS.join(', ')}`));
    }
    return handleCatalog(ctx, { method, path: r.path, query: r.query, body: json.value, started: r.started }, venueId, withHeaders);
  }
  handleOrders(
    ctx,
    { method, path: r.path, query: r.query, body: json.value, venue: Array.isArray(venue) ? venue.join(',') : venue, started: r.started },
    withHeaders,
  );
}
