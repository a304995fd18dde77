// The controls over HTTP, under /__sandbox/ (outside the API base): not logged, not rate limited,
// no token, so a frontend developer or a test in another process can drive the sandbox.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClopOrder, ClopOrderStatus } from '../upstreams/clopos/types.js';
import type { Fault, SandboxControl } from './contract.js';
import type { SandboxContext } from './context.js';
import type { DemoRunner } from './demo.js';
import { apiError, parseJson, readBody, sendJson } from './http.js';

export const CONTROL_PREFIX = '/__sandbox';

const ok = (data?: unknown) => (data === undefined ? { success: true } : { success: true, data });
const invalid = (message: string) => apiError('invalid_control', message);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export async function handleControl(
  ctx: SandboxContext,
  control: SandboxControl,
  demo: DemoRunner,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const send = (status: number, body: unknown) => sendJson(res, status, body);
  const raw = await readBody(req);
  if (!raw.ok) return send(413, apiError('payload_too_large', 'Request body is too large'));
  const json = parseJson(raw.raw);
  if (!json.ok) return send(400, invalid('Body must be JSON'));
  const body = json.value;
  const route = `${req.method ?? 'GET'} ${path.slice(CONTROL_PREFIX.length)}`;
  try {
    switch (route) {
      case 'GET /faults':
        return send(200, ok(ctx.faults.list()));
      case 'POST /faults':
        control.injectFault(body as Fault);
        return send(201, ok(ctx.faults.list()));
      case 'DELETE /faults':
        control.clearFaults();
        return send(200, ok());
      case 'GET /orders':
        return send(200, ok(control.orders()));
      case 'POST /orders':
        if (body !== undefined && !isObject(body)) return send(400, invalid('Body must be a partial order object'));
        return send(201, ok(control.addOrder(body as Partial<ClopOrder> | undefined)));
      case 'GET /stop-list':
        return send(200, ok(control.stopList()));
      case 'POST /stop-list': {
        // {"productId": 75, "limit": 0} puts it on the stop-list; "limit": null takes it off.
        if (!isObject(body) || typeof body.productId !== 'number' || (body.limit !== null && typeof body.limit !== 'number')) {
          return send(400, invalid('Body must be {"productId": number, "limit": number | null}'));
        }
        control.setStock(body.productId, body.limit === null ? undefined : body.limit);
        return send(200, ok(control.stopList()));
      }
      case 'GET /requests':
        return send(200, ok(control.requests()));
      case 'DELETE /requests':
        control.clearRequests();
        return send(200, ok());
      case 'POST /reset':
        control.reset();
        return send(200, ok());
      case 'GET /demo':
        return send(200, ok({ enabled: demo.intervalMs !== undefined, intervalMs: demo.intervalMs ?? null }));
      case 'POST /demo': {
        if (!isObject(body) || typeof body.enabled !== 'boolean') return send(400, invalid('Body must be {"enabled": boolean, "intervalMs"?: number}'));
        if (body.intervalMs !== undefined && typeof body.intervalMs !== 'number') return send(400, invalid('intervalMs must be a number'));
        if (body.enabled) control.startDemo(body.intervalMs);
        else control.stopDemo();
        return send(200, ok({ enabled: body.enabled, intervalMs: demo.intervalMs ?? null }));
      }
    }
    const status = /^POST \/orders\/(\d+)\/status$/.exec(route);
    if (status) {
      if (!isObject(body) || typeof body.status !== 'string') return send(400, invalid('Body must be {"status": "PENDING"|"RECEIVED"|"IGNORE"|"DELIVERED"}'));
      return send(200, ok(control.setOrderStatus(Number(status[1]), body.status as ClopOrderStatus)));
    }
    return send(404, apiError('not_found', `No control route ${route}`));
  } catch (error) {
    // The programmatic controls throw RangeError for unknown orders and TypeError for bad input.
    if (error instanceof RangeError && /not found/.test(error.message)) return send(404, apiError('not_found', error.message));
    if (error instanceof TypeError || error instanceof RangeError) return send(400, invalid(error.message));
    throw error;
  }
}
