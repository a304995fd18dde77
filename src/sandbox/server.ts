// Splits traffic between the API base path and the control prefix; everything else is a 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import qs from 'qs';
import { handleApi } from './api.js';
import type { SandboxControl } from './contract.js';
import type { SandboxContext } from './context.js';
import { CONTROL_PREFIX, handleControl } from './control-routes.js';
import type { DemoRunner } from './demo.js';
import { apiError, errorForStatus, sendJson } from './http.js';

/** As in https://integrations.clopos.com/open-api/v2. */
export const BASE_PATH = '/open-api/v2';

/**
 * allowSparse keeps bracket indices where the client put them: `date[1]=x` alone must stay
 * index 1 (qs would otherwise compact it to date[0]). Large arrayLimit for long `in` filters.
 */
export function parseQuery(rawQuery: string): Record<string, unknown> {
  return rawQuery === '' ? {} : qs.parse(rawQuery, { allowSparse: true, arrayLimit: 1000, depth: 5 });
}

export function createHandler(ctx: SandboxContext, control: SandboxControl, demo: DemoRunner) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = Date.now();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q < 0 ? url : url.slice(0, q);
    const rawQuery = q < 0 ? '' : url.slice(q + 1);
    let work: Promise<void>;
    if (pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      work = handleControl(ctx, control, demo, req, res, pathname);
    } else if (pathname.startsWith(`${BASE_PATH}/`)) {
      work = handleApi(ctx, req, res, { path: pathname.slice(BASE_PATH.length), rawQuery, query: parseQuery(rawQuery), started });
    } else {
      sendJson(res, 404, apiError('not_found', `Nothing here; the API is under ${BASE_PATH}`));
      return;
    }
    work.catch((error: unknown) => {
      // A sandbox bug must show up in the test output, not as a hung request.
      console.error('[sandbox] request failed', error);
      if (!res.headersSent) sendJson(res, 500, errorForStatus(500));
      else res.destroy();
    });
  };
}
