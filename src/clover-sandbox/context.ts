// Everything one running Clover sandbox holds.
import type { CloverRequestLogEntry, CloverSandboxOptions } from './contract.js';
import { FaultRegistry } from './faults.js';
import { TokenLimits } from './limits.js';
import { OAuthTokens } from './oauth.js';
import { ID_PATTERN } from './ids.js';
import { CloverStore } from './store.js';

export const DEFAULT_SEED = 20_261_203;
export const DEFAULT_DEMO_INTERVAL_MS = 5000;
export const REQUEST_LOG_LIMIT = 5000;

export interface CloverContext {
  store: CloverStore;
  faults: FaultRegistry;
  log: CloverRequestLogEntry[];
  limits: TokenLimits;
  oauth: OAuthTokens;
  token: string;
  merchantId: string;
  writeAllowed: boolean;
  host: string;
  port: number;
  demoIntervalMs: number | undefined;
}

export function createContext(options: CloverSandboxOptions): CloverContext {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new RangeError(`Clover sandbox option seed must be an integer, got ${String(seed)}`);
  if (options.merchantId !== undefined && !ID_PATTERN.test(options.merchantId)) {
    throw new RangeError('Clover sandbox option merchantId must be 13 characters of 0-9 and A-Z');
  }
  if (options.token !== undefined && !/^[\x21-\x7e]+$/.test(options.token)) throw new RangeError('Clover sandbox option token must be non-empty printable ASCII');
  const currency = (options.currency ?? 'USD').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError('Clover sandbox option currency must be a three-letter ISO 4217 code');
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`Clover sandbox option port is invalid: ${port}`);
  const perSecond = options.requestsPerSecond ?? 16;
  const concurrent = options.concurrentPerToken ?? 5;
  if (!(Number.isInteger(perSecond) && perSecond > 0 && Number.isInteger(concurrent) && concurrent > 0)) {
    throw new RangeError('Clover sandbox options requestsPerSecond and concurrentPerToken must be positive integers');
  }
  const store = new CloverStore(seed, Date.now(), currency, { merchantId: options.merchantId, token: options.token });
  const demo = options.demo;
  const oauth = options.oauth ?? {};
  return {
    store,
    faults: new FaultRegistry(),
    log: [],
    limits: new TokenLimits(perSecond, concurrent, options.enforceRateLimits ?? false),
    oauth: new OAuthTokens(
      {
        appId: oauth.appId ?? 'SANDBOXAPP001',
        firstRefreshToken: oauth.refreshToken ?? `refresh-${store.merchantId.toLowerCase()}-0`,
        accessLifetimeMs: (oauth.accessTokenLifetimeSeconds ?? 1800) * 1000,
        refreshLifetimeMs: (oauth.refreshTokenLifetimeSeconds ?? 365 * 86_400) * 1000,
      },
      () => store.ids,
    ),
    token: store.token,
    merchantId: store.merchantId,
    writeAllowed: true,
    host: options.host ?? '127.0.0.1',
    port,
    demoIntervalMs: demo === undefined || demo === false ? undefined : demo === true ? DEFAULT_DEMO_INTERVAL_MS : (demo.intervalMs ?? DEFAULT_DEMO_INTERVAL_MS),
  };
}

export function logRequest(ctx: CloverContext, entry: CloverRequestLogEntry): void {
  ctx.log.push(entry);
  if (ctx.log.length > REQUEST_LOG_LIMIT + 500) ctx.log.splice(0, ctx.log.length - REQUEST_LOG_LIMIT);
}
