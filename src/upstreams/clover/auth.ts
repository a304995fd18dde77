// Clover tokens: a fixed API token (CLOVER_API_TOKEN), or OAuth with expiring access tokens
// (CLOVER_APP_ID + CLOVER_REFRESH_TOKEN). Refresh tokens are single-use (facts §2.1), so the
// current pair lives in one place: this process's memory, or with REDIS_URL a Redis key every
// instance reads, refreshed under a Redis lock so only one instance spends the refresh token.
import type { Redis } from 'ioredis';
import { UpstreamError } from '../errors.js';

export interface TokenPair {
  accessToken: string;
  /** Epoch ms; 0 when unknown. */
  accessExpiresAt: number;
  refreshToken: string;
  /** Epoch ms when the refresh that gave it answered (absent in pairs stored by older versions). */
  accessIssuedAt?: number;
}

export interface CloverTokens {
  /** The access token to send now. */
  token(): Promise<string>;
  /**
   * After a 401 with `used`: a new token to resend with once, or undefined when a 401 is final
   * (a fixed token, or `used` came from a refresh just made: then it is a permission error).
   */
  renew(used: string): Promise<string | undefined>;
}

export function fixedToken(token: string): CloverTokens {
  return { token: async () => token, renew: async () => undefined };
}

export interface PairStore {
  get(): Promise<TokenPair | undefined>;
  put(pair: TokenPair): Promise<void>;
  /** Runs `refresh` unless another holder is refreshing; then waits for its pair. */
  exclusive(refresh: () => Promise<TokenPair>): Promise<TokenPair>;
}

export class MemoryPairStore implements PairStore {
  private pair: TokenPair | undefined;
  private running: Promise<TokenPair> | undefined;
  constructor(initial?: TokenPair) {
    this.pair = initial;
  }
  async get() {
    return this.pair;
  }
  async put(pair: TokenPair) {
    this.pair = pair;
  }
  exclusive(refresh: () => Promise<TokenPair>): Promise<TokenPair> {
    this.running ??= refresh()
      .then((pair) => {
        this.pair = pair;
        return pair;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}

/** How long the refresher's Redis lock lasts unless it finishes first (the soak lists it). */
export const REFRESH_LOCK_MS = 10_000;
/** Refresh this long before the access token expires (at most half its life). */
export const REFRESH_MARGIN_MS = 60_000;

/** The pair in one Redis key; a short lock (SET NX PX) makes one instance the refresher. */
export class RedisPairStore implements PairStore {
  private readonly local = new MemoryPairStore();
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly lockMs = REFRESH_LOCK_MS,
  ) {}
  async get(): Promise<TokenPair | undefined> {
    const raw = await this.redis.get(this.key);
    return raw ? (JSON.parse(raw) as TokenPair) : undefined;
  }
  async put(pair: TokenPair): Promise<void> {
    await this.redis.set(this.key, JSON.stringify(pair));
  }
  exclusive(refresh: () => Promise<TokenPair>): Promise<TokenPair> {
    return this.local.exclusive(async () => {
      const before = await this.get();
      const lock = `${this.key}:lock`;
      for (let waited = 0; waited < this.lockMs; waited += 100) {
        if ((await this.redis.set(lock, '1', 'PX', this.lockMs, 'NX')) === 'OK') {
          try {
            // Another instance may have refreshed while we waited for the lock: use its pair.
            const now = await this.get();
            if (now && before && now.refreshToken !== before.refreshToken) return now;
            const pair = await refresh();
            await this.put(pair);
            return pair;
          } finally {
            await this.redis.del(lock);
          }
        }
        await new Promise((r) => setTimeout(r, 100));
        const now = await this.get();
        if (now && (!before || now.refreshToken !== before.refreshToken)) return now;
      }
      throw new UpstreamError({ operation: 'cloverRefresh', code: 'UPSTREAM_UNAVAILABLE', reason: 'timeout' });
    });
  }
}

export interface OAuthOptions {
  appId: string;
  /** The first refresh token (CLOVER_REFRESH_TOKEN); used only when the store holds no pair yet. */
  refreshToken: string;
  store: PairStore;
  /** POST /oauth/v2/refresh with the current refresh token: the new pair. */
  refresh(appId: string, refreshToken: string): Promise<TokenPair>;
  /** Refresh this long before the access token expires, at most half its life. Default 60 s. */
  marginMs?: number;
  now?: () => number;
}

/** A 401 this soon after the refresh that gave the token is a permission error (Clover says 401 for both). */
export const JUST_REFRESHED_MS = 1000;

export function oauthTokens(o: OAuthOptions): CloverTokens {
  const now = o.now ?? Date.now;
  const margin = o.marginMs ?? REFRESH_MARGIN_MS;
  /** When this process got each token from a refresh: a 401 on one just refreshed is final. */
  const fresh = new Map<string, number>();
  /** `stale`: the token the caller found unusable (or that got a 401); undefined: none was usable. */
  const doRefresh = (stale?: string) =>
    o.store.exclusive(async () => {
      const current = await o.store.get();
      // The caller read the pair before the previous refresh (here or on another instance) ended:
      // the pair stored now is newer and usable, so spending the refresh token again would only
      // waste it (under load that was one extra refresh per expiry on each instance).
      const valid = usable(current);
      if (current && valid && valid !== stale) return current;
      const pair = { ...(await o.refresh(o.appId, current?.refreshToken ?? o.refreshToken)), accessIssuedAt: now() };
      for (const [token, at] of fresh) if (now() - at >= JUST_REFRESHED_MS) fresh.delete(token);
      fresh.set(pair.accessToken, now());
      return pair;
    });
  // A token that lives less than twice the margin is renewed halfway through its life; with the
  // whole margin it would never be usable and every call would spend a refresh.
  const marginOf = (pair: TokenPair) => (pair.accessIssuedAt ? Math.min(margin, (pair.accessExpiresAt - pair.accessIssuedAt) / 2) : margin);
  const usable = (pair: TokenPair | undefined) =>
    pair && pair.accessToken && (pair.accessExpiresAt === 0 || pair.accessExpiresAt - marginOf(pair) > now()) ? pair.accessToken : undefined;
  return {
    async token() {
      return usable(await o.store.get()) ?? (await doRefresh()).accessToken;
    },
    async renew(used) {
      const at = fresh.get(used);
      if (at !== undefined && now() - at < JUST_REFRESHED_MS) return undefined;
      // Another holder may already have a newer token than the one that failed.
      const stored = usable(await o.store.get());
      if (stored && stored !== used) return stored;
      const pair = await doRefresh(used);
      return pair.accessToken;
    },
  };
}
