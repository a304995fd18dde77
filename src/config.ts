// The gateway's settings, read from the environment once, validated, and failing fast with a
// message that names the variable. Only src/main.ts passes process.env here.
import type { CloposCredentials } from './clopos/api.js';

export interface Config {
  port: number;
  /** Unset: the gateway starts the embedded sandbox and talks to it. */
  clopos: { baseUrl: string; credentials: CloposCredentials } | undefined;
  cloposTimeoutMs: number;
  /** Empty: no key needed. */
  apiKeys: string[];
}

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

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return value;
}

function cloposUpstream(env: Env): Config['clopos'] {
  const baseUrl = text(env, 'CLOPOS_BASE_URL');
  if (baseUrl === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigError('CLOPOS_BASE_URL', `must be an absolute http(s) URL, got "${baseUrl}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('CLOPOS_BASE_URL', `must be an http(s) URL, got "${url.protocol}".`);
  }
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

export function loadConfig(env: Env): Config {
  const apiKeys = (env.GATEWAY_API_KEYS ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    clopos: cloposUpstream(env),
    cloposTimeoutMs: integer(env, 'CLOPOS_TIMEOUT_MS', 10_000, 1, 600_000),
    apiKeys,
  };
}
