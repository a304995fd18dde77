// The controls over HTTP under /__sandbox (outside the API): no token, not logged, not rate
// limited, so a frontend developer or a test in another process can drive the sandbox.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloverFault, CloverOrder, CloverSandboxControl } from './contract.js';
import type { DemoRunner } from './demo.js';
import { readBody, sendJson } from './wire.js';

export const CONTROL_PREFIX = '/__sandbox';

export interface ControlDeps {
  control: CloverSandboxControl;
  demo: DemoRunner;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export async function handleControl({ control, demo }: ControlDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const send = (status: number, body: unknown) => sendJson(res, status, body);
  const raw = await readBody(req);
  if (raw === undefined) return send(413, { message: 'Request body is too large' });
  let body: unknown;
  try {
    body = raw.trim() === '' ? undefined : JSON.parse(raw);
  } catch {
    return send(400, { message: 'Body must be JSON' });
  }
  const route = `${req.method ?? 'GET'} ${path.slice(CONTROL_PREFIX.length)}`;
  try {
    switch (route) {
      case 'GET /faults':
        return send(200, control.faults());
      case 'POST /faults':
        control.injectFault(body as CloverFault);
        return send(201, control.faults());
      case 'DELETE /faults':
        control.clearFaults();
        return send(200, {});
      case 'GET /orders':
        return send(200, control.orders());
      case 'POST /orders':
        if (body !== undefined && !isObject(body)) return send(400, { message: 'Body must be a partial order object' });
        return send(201, control.addOrder(body as Partial<Omit<CloverOrder, 'id'>> | undefined));
      case 'GET /customers':
        return send(200, control.customers());
      case 'GET /catalogue':
        return send(200, control.catalogue());
      case 'GET /requests':
        return send(200, control.requests());
      case 'GET /requests/counts':
        return send(200, control.requestCounts());
      case 'DELETE /requests':
        control.clearRequests();
        return send(200, {});
      case 'POST /reset':
        control.reset();
        return send(200, {});
      case 'POST /permissions':
        if (!isObject(body) || typeof body.write !== 'boolean') return send(400, { message: 'Body must be {"write": boolean}' });
        control.setWritePermission(body.write);
        return send(200, body);
      case 'POST /oauth/expire':
        control.expireAccessTokens();
        return send(200, {});
      case 'GET /oauth':
        return send(200, { refreshToken: control.currentRefreshToken() });
      case 'GET /demo':
        return send(200, { enabled: demo.intervalMs !== undefined, intervalMs: demo.intervalMs ?? null });
      case 'POST /demo': {
        if (!isObject(body) || typeof body.enabled !== 'boolean') return send(400, { message: 'Body must be {"enabled": boolean, "intervalMs"?: number}' });
        if (body.intervalMs !== undefined && typeof body.intervalMs !== 'number') return send(400, { message: 'intervalMs must be a number' });
        if (body.enabled) control.startDemo(body.intervalMs as number | undefined);
        else control.stopDemo();
        return send(200, { enabled: body.enabled, intervalMs: demo.intervalMs ?? null });
      }
    }
    const update = /^POST \/orders\/([0-9A-Z]{13})$/.exec(route);
    if (update?.[1]) {
      if (!isObject(body)) return send(400, { message: 'Body must be {"state"?, "paymentState"?, "total"?, "note"?, "title"?}' });
      return send(200, control.updateOrder(update[1], body as Parameters<CloverSandboxControl['updateOrder']>[1]));
    }
    return send(404, { message: `No control route ${route}` });
  } catch (error) {
    if (error instanceof RangeError && /not found/.test(error.message)) return send(404, { message: error.message });
    if (error instanceof TypeError || error instanceof RangeError) return send(400, { message: error.message });
    throw error;
  }
}
