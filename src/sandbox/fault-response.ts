// Carries out an injected fault on the wire. Returns the status sent, or undefined when the fault
// only adds latency and the request should then be served normally.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Fault } from './contract.js';
import { errorForStatus, sendJson } from './http.js';

/** Cut off mid-array, so any JSON parser fails on it. */
const BROKEN_JSON = '{"success":true,"data":[{"id":1,"venue_id":1,"status":"PEND';

export async function answerFault(fault: Fault, req: IncomingMessage, res: ServerResponse, limit: number): Promise<number | undefined> {
  if (fault.latencyMs) await delay(fault.latencyMs, undefined, { ref: false });
  const status = fault.status ?? 200;
  if (fault.resetConnection) {
    // Promise more than we send, flush a fragment, then reset: the client sees headers, then ECONNRESET.
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': '4096' });
    res.write(BROKEN_JSON, () => req.socket.resetAndDestroy());
    return status;
  }
  if (fault.malformedJson) {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(BROKEN_JSON)) });
    res.end(BROKEN_JSON);
    return status;
  }
  if (fault.status === undefined && fault.body === undefined) return undefined;
  const headers: Record<string, string> = {};
  if (status === 429) {
    headers['RateLimit-Limit'] = String(limit);
    headers['RateLimit-Remaining'] = '0';
    headers['RateLimit-Reset'] = String(fault.rateLimitReset ?? 60);
  }
  sendJson(res, status, fault.body ?? errorForStatus(status), headers);
  return status;
}
