// Injected faults, as in the Clopos sandbox (src/sandbox/faults.ts), with Clover's error bodies
// and 429 headers, and matching by route name or path prefix with `*` segments.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { CloverFault } from './contract.js';
import { sendJson } from './wire.js';

interface ActiveFault extends CloverFault {
  left: number;
  skipLeft?: number;
}

function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter((s) => s !== '');
  const got = path.split('/').filter((s) => s !== '');
  if (got.length < want.length) return false;
  return want.every((seg, i) => seg === '*' || seg === got[i]);
}

export class FaultRegistry {
  private faults: ActiveFault[] = [];

  add(fault: CloverFault): void {
    const problem = faultProblem(fault);
    if (problem) throw new TypeError(`Invalid fault: ${problem}`);
    this.faults.push({ ...fault, left: fault.times ?? Infinity, skipLeft: fault.skip ?? 0 });
  }

  clear(): void {
    this.faults = [];
  }

  list(): CloverFault[] {
    return this.faults.map(({ left: _left, skipLeft: _skip, ...f }) => ({ ...f }));
  }

  /** Takes one application of the first fault matching the request, if any. */
  take(method: string, route: string, path: string): CloverFault | undefined {
    for (let index = 0; index < this.faults.length; index++) {
      const fault = this.faults[index]!;
      const matches =
        (fault.method === undefined || fault.method.toUpperCase() === method) &&
        (fault.route === undefined || fault.route === route) &&
        (fault.path === undefined || pathMatches(fault.path, path));
      if (!matches) continue;
      // `skip`: let the first matching requests through (e.g. fail the second bulk call, not the first).
      if ((fault.skipLeft ?? 0) > 0) {
        fault.skipLeft = (fault.skipLeft ?? 0) - 1;
        continue;
      }
      fault.left -= 1;
      if (fault.left <= 0) this.faults.splice(index, 1);
      return fault;
    }
    return undefined;
  }
}

export function faultProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'fault must be a JSON object';
  const f = value as Record<string, unknown>;
  const checks: Array<[keyof CloverFault, (v: unknown) => boolean, string]> = [
    ['method', (v) => typeof v === 'string', 'a string'],
    ['route', (v) => typeof v === 'string' && /^[A-Z]+ \//.test(v), 'a route name such as "POST /orders/{orderId}/bulk_line_items"'],
    ['path', (v) => typeof v === 'string' && v.startsWith('/'), 'a path starting with "/" (after /v3/merchants/{mId}, e.g. "/orders")'],
    ['times', (v) => Number.isInteger(v) && (v as number) > 0, 'a positive integer'],
    ['skip', (v) => Number.isInteger(v) && (v as number) >= 0, 'a whole number'],
    ['latencyMs', (v) => typeof v === 'number' && v >= 0 && v <= 120_000, 'a number of milliseconds (0..120000)'],
    ['status', (v) => Number.isInteger(v) && (v as number) >= 100 && (v as number) <= 599, 'an HTTP status (100..599)'],
    ['retryAfter', (v) => Number.isInteger(v) && (v as number) >= 0, 'a whole number of seconds'],
    ['resetConnection', (v) => typeof v === 'boolean', 'a boolean'],
    ['malformedJson', (v) => typeof v === 'boolean', 'a boolean'],
    ['afterStore', (v) => typeof v === 'boolean', 'a boolean'],
  ];
  for (const [key, ok, what] of checks) {
    if (f[key] !== undefined && !ok(f[key])) return `${key} must be ${what}`;
  }
  return undefined;
}

/** Clover's observed error body: `{"message": "429 Too Many Requests"}` (facts §2.8). */
export function statusMessage(status: number): { message: string } {
  return { message: `${status} ${STATUS_CODES[status] ?? 'Error'}` };
}

const BROKEN_JSON = '{"elements":[{"id":"8WAD6KV8D90KR","state":"op';

/** Carries out a fault on the wire; undefined when it only adds latency (then serve normally). */
export async function answerFault(fault: CloverFault, req: IncomingMessage, res: ServerResponse, tokenLimit: number): Promise<number | undefined> {
  if (fault.latencyMs) await delay(fault.latencyMs, undefined, { ref: false });
  const status = fault.status ?? 200;
  if (fault.resetConnection) {
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
  const headers: Record<string, string> = status === 429 ? { 'X-RateLimit-tokenLimit': String(tokenLimit), 'retry-after': String(fault.retryAfter ?? 1) } : {};
  sendJson(res, status, fault.body ?? statusMessage(status), headers);
  return status;
}
