// Small node:http helpers: JSON answers, the documented error bodies, body reading.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { ClopError } from '../upstreams/clopos/types.js';

export const MAX_BODY_BYTES = 1_000_000;

export function apiError(error: string, message: string): ClopError {
  return { success: false, error, message };
}

/** The error body Clopos documents (or, for statuses it never shows, one in the same envelope). */
const DOCUMENTED: Record<number, [string, string]> = {
  400: ['invalid_parameter', 'Invalid parameters'],
  401: ['unauthorized', 'Missing or invalid authentication headers'],
  403: ['forbidden', 'Access denied'],
  404: ['not_found', 'Not found'],
  429: ['rate_limited', 'Too many requests. Retry later.'],
  500: ['server_error', 'Internal server error'],
  502: ['bad_gateway', 'Bad gateway'],
  503: ['service_unavailable', 'Service temporarily unavailable'],
  504: ['gateway_timeout', 'Upstream did not respond within 8 seconds'],
};

export function errorForStatus(status: number): ClopError {
  const known = DOCUMENTED[status];
  if (known) return apiError(known[0], known[1]);
  const text = STATUS_CODES[status] ?? `Status ${status}`;
  return apiError(text.toLowerCase().replace(/[^a-z0-9]+/g, '_'), text);
}

/** JSON text already serialised (lists are assembled from per-order cached JSON). */
export class RawJson {
  constructor(readonly text: string) {}
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body instanceof RawJson ? body.text : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export type BodyResult = { ok: true; raw: string } | { ok: false; tooLarge: true };

export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { ok: false, tooLarge: true } : { ok: true, raw: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}

export type JsonResult = { ok: true; value: unknown } | { ok: false };

/** Empty bodies read as undefined; the caller decides whether that is allowed. */
export function parseJson(raw: string): JsonResult {
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}

export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
