// Everything one running sandbox holds, passed to the route handlers and the controls.
import type { SandboxCredentials, SandboxOptions } from './contract.js';
import { FaultRegistry } from './faults.js';
import { JwtIssuer } from './jwt.js';
import { RateLimiter } from './rate-limit.js';
import { RequestLog } from './request-log.js';
import { OrderStore } from './store.js';
import { CatalogStore } from './catalog-store.js';
import { nowSeconds } from './time.js';

export const DEFAULT_CREDENTIALS: Readonly<SandboxCredentials> = Object.freeze({
  client_id: 'sandbox-client',
  client_secret: 'sandbox-secret',
  brand: 'sandbox',
  integrator_id: 'sandbox-integrator',
});

export const DEFAULT_SEED = 20_260_202;
export const DEFAULT_DEMO_INTERVAL_MS = 5000;

export interface ResolvedOptions {
  port: number;
  host: string;
  credentials: SandboxCredentials;
  tokenLifetimeSeconds: number;
  enforceRateLimits: boolean;
  rateLimitPerMinute: number;
  authRateLimitPerMinute: number;
  seed: number;
  demoIntervalMs: number | undefined;
}

export interface SandboxContext {
  options: ResolvedOptions;
  store: OrderStore;
  /** Venues, sale types, products, the stop-list and customers. */
  catalog: CatalogStore;
  faults: FaultRegistry;
  log: RequestLog;
  tenantLimits: RateLimiter;
  authLimits: RateLimiter;
  jwt: JwtIssuer;
}

function check(name: string, value: number, ok: boolean): number {
  if (!ok) throw new RangeError(`Sandbox option ${name} is invalid: ${String(value)}`);
  return value;
}

export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const port = options.port ?? 0;
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const perMinute = options.rateLimitPerMinute ?? 300;
  const authPerMinute = options.authRateLimitPerMinute ?? 60;
  const seed = options.seed ?? DEFAULT_SEED;
  const credentials = { ...(options.credentials ?? DEFAULT_CREDENTIALS) };
  for (const [key, value] of Object.entries(credentials)) {
    if (typeof value !== 'string' || value === '') throw new RangeError(`Sandbox credential ${key} must be a non-empty string`);
  }
  const demo = options.demo;
  const demoIntervalMs = demo === undefined || demo === false ? undefined : demo === true ? DEFAULT_DEMO_INTERVAL_MS : (demo.intervalMs ?? DEFAULT_DEMO_INTERVAL_MS);
  return {
    port: check('port', port, Number.isInteger(port) && port >= 0 && port <= 65_535),
    host: options.host ?? '127.0.0.1',
    credentials,
    tokenLifetimeSeconds: check('tokenLifetimeSeconds', lifetime, Number.isInteger(lifetime) && lifetime >= 1),
    enforceRateLimits: options.enforceRateLimits ?? false,
    rateLimitPerMinute: check('rateLimitPerMinute', perMinute, Number.isInteger(perMinute) && perMinute >= 1),
    authRateLimitPerMinute: check('authRateLimitPerMinute', authPerMinute, Number.isInteger(authPerMinute) && authPerMinute >= 1),
    seed: check('seed', seed, Number.isInteger(seed)),
    demoIntervalMs,
  };
}

export function createContext(options: ResolvedOptions): SandboxContext {
  return {
    options,
    // Seed dates are relative to this moment, so the data always covers "the last five weeks".
    store: new OrderStore(options.seed, nowSeconds()),
    catalog: new CatalogStore(),
    faults: new FaultRegistry(),
    log: new RequestLog(),
    tenantLimits: new RateLimiter(options.rateLimitPerMinute, options.enforceRateLimits),
    authLimits: new RateLimiter(options.authRateLimitPerMinute, options.enforceRateLimits),
    jwt: new JwtIssuer(),
  };
}
