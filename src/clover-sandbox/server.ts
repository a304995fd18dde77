// The HTTP front: /v3/merchants/{mId}/... (log, faults, token, merchant, limits, permission, route),
// POST /oauth/v2/refresh, and the /__sandbox controls. Everything else is a 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloverRequestLogEntry } from './contract.js';
import { logRequest, type CloverContext } from './context.js';
import { CONTROL_PREFIX, handleControl, type ControlDeps } from './control-routes.js';
import { answerFault, statusMessage } from './faults.js';
import { CloverHttpError } from './query.js';
import { handleMerchant, matchRoute, type Answer } from './routes.js';
import { flatHeaders, readBody, sendJson } from './wire.js';

export const REFRESH_PATH = '/oauth/v2/refresh';
const MERCHANT = /^\/v3\/merchants\/([^/]+)(\/.*)?$/;

type Send = (a: Answer) => void;

export function createHandler(ctx: CloverContext, deps: ControlDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    let work: Promise<void>;
    if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) work = handleControl(deps, req, res, url.pathname);
    else work = handleApi(ctx, req, res, url);
    work.catch((error: unknown) => {
      // A sandbox bug must show in the test output, not as a hung request.
      console.error('[clover-sandbox] request failed', error);
      if (!res.headersSent) sendJson(res, 500, statusMessage(500));
      else res.destroy();
    });
  };
}

async function handleApi(ctx: CloverContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const merchant = MERCHANT.exec(url.pathname);
  const path = merchant ? (merchant[2] ?? '/') : url.pathname;
  const matched = merchant ? matchRoute(method, path) : undefined;
  const route = url.pathname === REFRESH_PATH && method === 'POST' ? `POST ${REFRESH_PATH}` : (matched?.route ?? 'unmatched');
  const entry: CloverRequestLogEntry = { method, route, path, rawQuery: url.search.slice(1), headers: flatHeaders(req), status: 0, at: Date.now() };
  logRequest(ctx, entry);

  let send: Send = ({ status, body, headers }) => {
    entry.status = status;
    sendJson(res, status, body, headers);
  };
  const raw = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
  if (raw === undefined) return send({ status: 413, body: statusMessage(413) });
  let body: unknown;
  let badJson = false;
  if (raw.trim() !== '') {
    try {
      body = JSON.parse(raw);
    } catch {
      badJson = true;
    }
    entry.body = badJson ? raw : body;
  }

  if (route === `POST ${REFRESH_PATH}`) {
    const faulted = await applyFault(ctx, req, res, entry, send);
    if (!faulted) return;
    send = faulted;
    if (badJson) return send({ status: 400, body: { message: 'Request body must be JSON' } });
    const [status, answer] = ctx.oauth.refresh(body);
    return send({ status, body: answer });
  }
  if (!merchant) return send({ status: 404, body: { message: `Nothing here; the API is under /v3/merchants/{mId}` } });

  // Authorization: Bearer {token}; the legacy access_token query parameter too (facts §2.1).
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? url.searchParams.get('access_token') ?? '';
  const tokenOk = bearer !== '' && (bearer === ctx.token || ctx.oauth.validAccess(bearer));
  // A token for another merchant is as unauthorized as a bad one; so is a missing permission (facts §2.1).
  if (!tokenOk || merchant[1] !== ctx.merchantId) return send({ status: 401, body: statusMessage(401) });

  const hit = ctx.limits.hit(bearer);
  if (!hit.allowed) {
    const headers: Record<string, string> =
      hit.which === 'rate' ? { 'X-RateLimit-tokenLimit': String(ctx.limits.perSecond) } : { 'X-RateLimit-tokenConcurrentLimit': String(ctx.limits.concurrent) };
    headers['retry-after'] = String(hit.retryAfter);
    return send({ status: 429, body: statusMessage(429), headers });
  }
  res.once('close', hit.release);
  // Faults come after the token and the limits, so a slow fault holds its in-flight slot.
  const faulted = await applyFault(ctx, req, res, entry, send);
  if (!faulted) return;
  send = faulted;

  if (method !== 'GET' && !ctx.writeAllowed) return send({ status: 401, body: statusMessage(401) });
  if (!matched) return send({ status: 404, body: { message: `No route ${method} ${path}` } });
  if (badJson) return send({ status: 400, body: { message: 'Request body must be JSON' } });
  try {
    send(
      handleMerchant(
        ctx.store,
        { method, path, params: url.searchParams, body, base: `http://${req.headers.host ?? `${ctx.host}:${ctx.port}`}/v3/merchants/${ctx.merchantId}`, rawQuery: url.search.slice(1) },
        matched.route,
        matched.args,
        Date.now(),
      ),
    );
  } catch (error) {
    if (error instanceof CloverHttpError) return send({ status: error.status, body: { message: error.message }, headers: error.headers });
    throw error;
  }
}

/** Takes a matching fault: undefined when it answered instead; otherwise the send to use. */
async function applyFault(ctx: CloverContext, req: IncomingMessage, res: ServerResponse, entry: CloverRequestLogEntry, send: Send): Promise<Send | undefined> {
  const fault = ctx.faults.take(entry.method, entry.route, entry.path);
  if (!fault) return send;
  if (fault.afterStore) {
    // Served (and stored) now; the client gets the fault's answer instead of the real one.
    return (answer) => {
      answerFault(fault, req, res, ctx.limits.perSecond).then(
        (faulted) => (faulted === undefined ? send(answer) : (entry.status = faulted)),
        () => res.destroy(),
      );
    };
  }
  const status = await answerFault(fault, req, res, ctx.limits.perSecond);
  if (status === undefined) return send;
  entry.status = status;
  return undefined;
}
