// POST /auth (facts §1.2): four fields in, a JWT out. Limited per client IP, not per tenant.
import type { IncomingMessage } from 'node:http';
import type { ClopAuthResponse } from '../upstreams/clopos/types.js';
import type { SandboxContext } from './context.js';
import { apiError } from './http.js';
import { rateLimitHeaders } from './rate-limit.js';

export type Reply = (status: number, body: unknown, headers?: Record<string, string>) => void;

const FIELDS = ['client_id', 'client_secret', 'brand', 'integrator_id'] as const;
const MISSING = 'Missing client_id, client_secret, brand, or integrator_id';

export function handleAuth(ctx: SandboxContext, req: IncomingMessage, body: unknown, reply: Reply): void {
  const rate = ctx.authLimits.hit(req.socket.remoteAddress ?? 'unknown');
  const headers = rateLimitHeaders(rate);
  if (!rate.allowed) return reply(429, apiError('rate_limited', 'Too many requests. Retry later.'), headers);
  if (req.method !== 'POST') return reply(405, apiError('method_not_allowed', 'Use POST /auth'), headers);
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (FIELDS.some((f) => typeof fields[f] !== 'string' || fields[f] === '')) {
    // The docs put the sentence in `error` here, not an identifier (facts §1.2).
    return reply(400, apiError(MISSING, 'The authentication request is incomplete'), headers);
  }
  const expected = ctx.options.credentials;
  if (FIELDS.some((f) => fields[f] !== expected[f])) {
    return reply(401, apiError('unauthorized', 'Invalid client credentials'), headers);
  }
  const lifetime = ctx.options.tokenLifetimeSeconds;
  const { token, claims } = ctx.jwt.issue(expected.brand, expected.integrator_id, lifetime);
  const answer: ClopAuthResponse = {
    success: true,
    token,
    token_type: 'Bearer',
    expires_in: lifetime,
    expires_at: claims.exp,
    message: 'Authentication successful',
  };
  reply(200, answer, headers);
}
