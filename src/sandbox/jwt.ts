// Tokens shaped like Clopos's: an HS256 JWT whose claims mirror the docs' decoded example, signed
// with a secret made per sandbox so a token from one sandbox never works on another.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  token: string;
  brand: string;
  stage: string;
  venue_id: number;
  integrator_id: string;
  iat: number;
  exp: number;
}

export type Verified = { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
/** Verified claims, so hot paths (benchmarks at thousands of req/s) skip the HMAC; bounded. */
const CACHE_LIMIT = 10_000;

function isClaims(v: unknown): v is TokenClaims {
  if (v === null || typeof v !== 'object') return false;
  const c = v as Record<string, unknown>;
  return typeof c.brand === 'string' && typeof c.integrator_id === 'string' && typeof c.exp === 'number' && typeof c.iat === 'number';
}

export class JwtIssuer {
  private readonly secret = randomBytes(32);
  private readonly cache = new Map<string, TokenClaims>();

  issue(brand: string, integratorId: string, lifetimeSeconds: number): { token: string; claims: TokenClaims } {
    // Rounded, not floored: the token lives lifetime ± 0.5 s, never a few ms when the second is about to tick.
    const exp = Math.round(Date.now() / 1000 + lifetimeSeconds);
    const claims: TokenClaims = {
      token: `oauth_${randomBytes(20).toString('hex')}`,
      brand,
      stage: 'sandbox',
      venue_id: 1,
      integrator_id: integratorId,
      iat: exp - lifetimeSeconds,
      exp,
    };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return { token: `${body}.${this.sign(body)}`, claims };
  }

  verify(token: string): Verified {
    let claims = this.cache.get(token);
    if (!claims) {
      const parsed = this.parse(token);
      if (!parsed) return { ok: false, reason: 'invalid' };
      claims = parsed;
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(token, claims);
    }
    if (Date.now() >= claims.exp * 1000) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }

  private parse(token: string): TokenClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return isClaims(claims) ? claims : undefined;
    } catch {
      return undefined;
    }
  }
}
