// OAuth v2 refresh (facts §2.1): POST /oauth/v2/refresh {client_id, refresh_token} gives a new
// access token and a new refresh token; the old refresh token is spent (single use). Access tokens
// expire; the fixed API token never does.
import type { IdMaker } from './ids.js';

export interface OAuthSettings {
  appId: string;
  firstRefreshToken: string;
  accessLifetimeMs: number;
  refreshLifetimeMs: number;
}

export class OAuthTokens {
  private refreshToken!: string;
  private refreshExpires!: number;
  private readonly access = new Map<string, number>();

  constructor(readonly settings: OAuthSettings, private readonly ids: () => IdMaker) {
    this.reset();
  }

  reset(): void {
    this.refreshToken = this.settings.firstRefreshToken;
    this.refreshExpires = Date.now() + this.settings.refreshLifetimeMs;
    this.access.clear();
  }

  current(): string {
    return this.refreshToken;
  }

  /** True while an issued access token has not expired. */
  validAccess(token: string, now = Date.now()): boolean {
    const expires = this.access.get(token);
    return expires !== undefined && expires > now;
  }

  expireAll(): void {
    for (const token of this.access.keys()) this.access.set(token, 0);
  }

  /** The answer to a refresh request: [status, body]. */
  refresh(body: unknown, now = Date.now()): [number, unknown] {
    const b = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    if (typeof b.client_id !== 'string' || typeof b.refresh_token !== 'string') {
      return [400, { message: 'client_id and refresh_token are required' }];
    }
    if (b.client_id !== this.settings.appId || b.refresh_token !== this.refreshToken || this.refreshExpires <= now) {
      return [401, { message: 'Invalid refresh token' }];
    }
    const accessToken = `oauth-${this.ids().next().toLowerCase()}`;
    const accessExpires = now + this.settings.accessLifetimeMs;
    this.access.set(accessToken, accessExpires);
    this.refreshToken = `refresh-${this.ids().next().toLowerCase()}`;
    this.refreshExpires = now + this.settings.refreshLifetimeMs;
    return [200, {
      access_token: accessToken,
      access_token_expiration: Math.floor(accessExpires / 1000),
      refresh_token: this.refreshToken,
      refresh_token_expiration: Math.floor(this.refreshExpires / 1000),
    }];
  }
}
