// The gateway's settings, read from the environment once, validated, and failing fast with a
// message that names the variable. Only src/main.ts passes process.env here. Every name is fixed
// by the issues (ARCHITECTURE.md lists them); a number that turns a limit or cache off takes 0.
import { isIP } from 'node:net';
import type { CloposCredentials } from './upstreams/clopos/api.js';

export type ApiKeyScope = 'read' | 'write';

export interface ApiKey {
  /** Shown in logs and metrics; never the key itself. */
  name: string;
  key: string;
  scope: ApiKeyScope;
}

export interface Config {
  port: number;
  /** HOST: the address to listen on; undefined = every interface (Node's default, as before HOST existed). */
  host: string | undefined;
  /** GATEWAY_PERSISTED_MANIFESTS: more trusted-document manifests (files or folders), after the gateway's own. */
  persistedManifests: string[];
  /** Unset: the gateway starts the embedded sandbox and talks to it. */
  clopos: { baseUrl: string; credentials: CloposCredentials } | undefined;
  /** UPSTREAM: which POS the graph serves (default clopos). */
  upstream: 'clopos' | 'clover';
  /** CLOVER_*: with UPSTREAM=clover; unset CLOVER_BASE_URL: the embedded Clover sandbox. */
  clover: CloverSettings | undefined;
  /** CLOVER_CURRENCY: the currency new Clover orders are written in (reads use each order's own). */
  cloverCurrency: string;
  cloposTimeoutMs: number;
  /** How long after a create started Clopos may still commit it: repeats wait this out before searching. */
  commitWindowMs: number;
  cloposBudgetPerMinute: number;
  /** CLOPOS_CURRENCY: the ISO 4217 currency of every amount Clopos sends (Clopos does not say). */
  cloposCurrency: string;
  /** Empty: no key needed (see allowAnonymous). */
  apiKeys: ApiKey[];
  allowAnonymous: boolean;
  /** Per key per minute; 0 = off. */
  rateLimitPerMinute: number;
  maxBodyBytes: number;
  corsOrigins: string[];
  introspection: boolean;
  persistedOnly: boolean;
  requestTimeoutMs: number;
  maxSubscriptionsPerKey: number;
  /** GATEWAY_SUBSCRIPTION_QUEUE_LIMIT: messages a subscription may hold for a client that stopped reading. */
  subscriptionQueueLimit: number;
  /** 0 = both caches off. */
  cacheTtlMs: number;
  /** CATALOG_TTL_MS: venues, sale types and menus; 0 = off. */
  catalogTtlMs: number;
  /** STOP_LIST_TTL_MS: stop-lists; 0 = off. */
  stopListTtlMs: number;
  pollIntervalMs: number;
  /** Percent of cloposBudgetPerMinute only the live poller may spend (at least one call per poll interval); 0 = none. */
  pollBudgetShare: number;
  redisUrl: string | undefined;
  metricsToken: string | undefined;
  logLevel: LogLevel;
  /** NODE_ENV=development: error details in responses. */
  development: boolean;
}

/** Clopos's documented backend limit (8 s, facts §1.11) plus 2 s for the network and clocks. */
export const DEFAULT_COMMIT_WINDOW_MS = 10_000;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function list(env: Env, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}".`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an absolute URL, got "${raw}".`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must be a ${protocols.join(' or ')} URL, got "${parsed.protocol}".`);
  }
  return raw;
}

/** An ISO 4217 code the runtime knows (its minor unit decides how amounts are rounded). */
function currency(env: Env, name: string, fallback: string): string {
  const value = text(env, name)?.toUpperCase() ?? fallback;
  let known = /^[A-Z]{3}$/.test(value);
  if (known) known = Intl.supportedValuesOf('currency').includes(value);
  if (!known) throw new ConfigError(name, `must be an ISO 4217 currency code such as AZN, got "${env[name]}".`);
  return value;
}

/** redis[s]://[user:password@]host[:port][/db]: a URL ioredis would misread is refused here. */
function redisUrl(env: Env): string | undefined {
  const raw = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  if (raw === undefined) return undefined;
  const parsed = new URL(raw);
  if (!parsed.hostname) throw new ConfigError('REDIS_URL', 'must name a host, e.g. redis://127.0.0.1:6379.');
  if (!/^\/?(\d+)?$/.test(parsed.pathname)) {
    throw new ConfigError('REDIS_URL', `may end only in a database number (redis://host:6379/0), got path "${parsed.pathname}".`);
  }
  return raw;
}

/** An IP address or a host name (no scheme, no port): what server.listen(port, host) takes. */
function host(env: Env): string | undefined {
  const raw = text(env, 'HOST');
  if (raw === undefined) return undefined;
  const name = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
  if (isIP(raw) === 0 && !name.test(raw)) {
    throw new ConfigError('HOST', `must be an IP address (127.0.0.1, 0.0.0.0, ::) or a host name, without a scheme or port, got "${raw}".`);
  }
  return raw;
}

function cloposUpstream(env: Env): Config['clopos'] {
  const baseUrl = url(env, 'CLOPOS_BASE_URL', ['https:', 'http:']);
  if (baseUrl === undefined) return undefined;
  const need = (name: string) => {
    const value = text(env, name);
    if (value === undefined) throw new ConfigError(name, 'is required when CLOPOS_BASE_URL is set.');
    return value;
  };
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    credentials: {
      clientId: need('CLOPOS_CLIENT_ID'),
      clientSecret: need('CLOPOS_CLIENT_SECRET'),
      brand: need('CLOPOS_BRAND'),
      integratorId: need('CLOPOS_INTEGRATOR_ID'),
    },
  };
}

export interface CloverSettings {
  baseUrl: string;
  merchantId: string;
  /** CLOVER_API_TOKEN; may be absent when CLOVER_APP_ID and CLOVER_REFRESH_TOKEN are set. */
  token: string | undefined;
  /** CLOVER_APP_ID + CLOVER_REFRESH_TOKEN: OAuth with expiring tokens (the pair kept in Redis with REDIS_URL). */
  oauth: { appId: string; refreshToken: string } | undefined;
}

function cloverUpstreamSettings(env: Env): CloverSettings | undefined {
  const baseUrl = url(env, 'CLOVER_BASE_URL', ['https:', 'http:']);
  if (baseUrl === undefined) return undefined;
  const merchantId = text(env, 'CLOVER_MERCHANT_ID');
  if (merchantId === undefined) throw new ConfigError('CLOVER_MERCHANT_ID', 'is required when CLOVER_BASE_URL is set.');
  if (!/^[0-9A-Z]{13}$/.test(merchantId)) throw new ConfigError('CLOVER_MERCHANT_ID', `must be 13 capital letters and digits, got "${merchantId}".`);
  const appId = text(env, 'CLOVER_APP_ID');
  const refreshToken = text(env, 'CLOVER_REFRESH_TOKEN');
  if ((appId === undefined) !== (refreshToken === undefined)) {
    throw new ConfigError(appId === undefined ? 'CLOVER_APP_ID' : 'CLOVER_REFRESH_TOKEN', 'must be set together with the other (CLOVER_APP_ID and CLOVER_REFRESH_TOKEN).');
  }
  const token = text(env, 'CLOVER_API_TOKEN');
  if (token === undefined && appId === undefined) {
    throw new ConfigError('CLOVER_API_TOKEN', 'is required when CLOVER_BASE_URL is set (or CLOVER_APP_ID with CLOVER_REFRESH_TOKEN).');
  }
  return { baseUrl: baseUrl.replace(/\/+$/, ''), merchantId, token, oauth: appId && refreshToken ? { appId, refreshToken } : undefined };
}

function upstreamName(env: Env): 'clopos' | 'clover' {
  const raw = text(env, 'UPSTREAM')?.toLowerCase() ?? 'clopos';
  if (raw !== 'clopos' && raw !== 'clover') throw new ConfigError('UPSTREAM', `must be clopos or clover, got "${env.UPSTREAM}".`);
  return raw;
}

/** `key`, `name:key`, `name:key:write` (may query, create and cancel) or `name:key:read` (may only query). */
export function parseApiKeys(entries: string[]): ApiKey[] {
  const keys = entries.map((entry, index): ApiKey => {
    const parts = entry.split(':');
    if (parts.length === 1) return { name: `key${index + 1}`, key: parts[0]!, scope: 'write' };
    const [name, key, scope = 'write'] = parts;
    if (parts.length > 3 || !name || !key || (scope !== 'read' && scope !== 'write')) {
      throw new ConfigError('GATEWAY_API_KEYS', `entry ${index + 1} must be key, name:key, name:key:read or name:key:write.`);
    }
    return { name, key, scope };
  });
  if (new Set(keys.map((k) => k.name)).size !== keys.length) {
    throw new ConfigError('GATEWAY_API_KEYS', 'has two keys with the same name.');
  }
  return keys;
}

export function loadConfig(env: Env): Config {
  const clopos = cloposUpstream(env);
  const apiKeys = parseApiKeys(list(env, 'GATEWAY_API_KEYS'));
  const allowAnonymous = boolean(env, 'GATEWAY_ALLOW_ANONYMOUS', false);
  const logLevel = (text(env, 'LOG_LEVEL')?.toLowerCase() ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}".`);
  }
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: host(env),
    persistedManifests: list(env, 'GATEWAY_PERSISTED_MANIFESTS'),
    clopos,
    upstream: upstreamName(env),
    clover: cloverUpstreamSettings(env),
    cloverCurrency: currency(env, 'CLOVER_CURRENCY', 'USD'),
    cloposTimeoutMs: integer(env, 'CLOPOS_TIMEOUT_MS', 10_000, 1, 600_000),
    commitWindowMs: integer(env, 'CLOPOS_COMMIT_WINDOW_MS', DEFAULT_COMMIT_WINDOW_MS, 0, 3_600_000),
    cloposBudgetPerMinute: integer(env, 'CLOPOS_BUDGET_PER_MINUTE', 280, 1, 1_000_000_000),
    cloposCurrency: currency(env, 'CLOPOS_CURRENCY', 'AZN'),
    apiKeys,
    allowAnonymous,
    rateLimitPerMinute: integer(env, 'GATEWAY_RATE_LIMIT_PER_MINUTE', 6000, 0, 1_000_000_000),
    maxBodyBytes: integer(env, 'GATEWAY_MAX_BODY_BYTES', 1_048_576, 1, 1_073_741_824),
    corsOrigins: list(env, 'GATEWAY_CORS_ORIGINS'),
    introspection: boolean(env, 'GATEWAY_INTROSPECTION', true),
    persistedOnly: boolean(env, 'GATEWAY_PERSISTED_ONLY', false),
    requestTimeoutMs: integer(env, 'GATEWAY_REQUEST_TIMEOUT_MS', 15_000, 1, 600_000),
    maxSubscriptionsPerKey: integer(env, 'GATEWAY_MAX_SUBSCRIPTIONS_PER_KEY', 500, 0, 1_000_000),
    subscriptionQueueLimit: integer(env, 'GATEWAY_SUBSCRIPTION_QUEUE_LIMIT', 1000, 10, 1_000_000),
    cacheTtlMs: integer(env, 'CACHE_TTL_MS', 2000, 0, 86_400_000),
    catalogTtlMs: integer(env, 'CATALOG_TTL_MS', 300_000, 0, 86_400_000),
    stopListTtlMs: integer(env, 'STOP_LIST_TTL_MS', 30_000, 0, 86_400_000),
    pollIntervalMs: integer(env, 'POLL_INTERVAL_MS', 3000, 100, 3_600_000),
    pollBudgetShare: integer(env, 'POLL_BUDGET_SHARE', 10, 0, 90),
    redisUrl: redisUrl(env),
    metricsToken: text(env, 'METRICS_TOKEN'),
    logLevel,
    development: env.NODE_ENV === 'development',
  };
}
