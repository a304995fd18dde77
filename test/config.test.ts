import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration from the environment', () => {
  it('has the documented defaults and no Clopos upstream (the sandbox) when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({
      port: 4000,
      clopos: undefined,
      cloposTimeoutMs: 10_000,
      commitWindowMs: 10_000,
      cloposBudgetPerMinute: 280,
      apiKeys: [],
      allowAnonymous: false,
      rateLimitPerMinute: 6000,
      maxBodyBytes: 1_048_576,
      introspection: true,
      persistedOnly: false,
      requestTimeoutMs: 15_000,
      maxSubscriptionsPerKey: 500,
      subscriptionQueueLimit: 1000,
      cacheTtlMs: 2000,
      pollIntervalMs: 3000,
      redisUrl: undefined,
      logLevel: 'info',
    });
  });

  it('needs all four credentials with CLOPOS_BASE_URL, naming the missing one', () => {
    const error = configError({ CLOPOS_BASE_URL: 'https://integrations.clopos.com/open-api/v2', CLOPOS_CLIENT_ID: 'a', CLOPOS_CLIENT_SECRET: 'b', CLOPOS_BRAND: 'c' });
    expect(error.variable).toBe('CLOPOS_INTEGRATOR_ID');
    const ok = loadConfig({
      CLOPOS_BASE_URL: 'https://integrations.clopos.com/open-api/v2/',
      CLOPOS_CLIENT_ID: 'a', CLOPOS_CLIENT_SECRET: 'b', CLOPOS_BRAND: 'c', CLOPOS_INTEGRATOR_ID: 'd',
    });
    expect(ok.clopos).toEqual({
      baseUrl: 'https://integrations.clopos.com/open-api/v2',
      credentials: { clientId: 'a', clientSecret: 'b', brand: 'c', integratorId: 'd' },
    });
  });

  it.each([
    ['PORT', 'http'],
    ['PORT', '70000'],
    ['CLOPOS_TIMEOUT_MS', '-5'],
    ['CLOPOS_COMMIT_WINDOW_MS', '8s'],
    ['CACHE_TTL_MS', '2s'],
    ['GATEWAY_INTROSPECTION', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['REDIS_URL', 'localhost:6379'],
    ['CLOPOS_BASE_URL', 'integrations.clopos.com'],
    ['GATEWAY_API_KEYS', 'board:k:admin'],
    ['HOST', 'http://127.0.0.1'],
    ['HOST', '127.0.0.1:4000'],
  ])('refuses %s=%s with a message naming the variable', (variable, value) => {
    const error = configError({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it('reads HOST: unset listens on every interface (as before), an address or a host name as given', () => {
    expect(loadConfig({}).host).toBeUndefined();
    expect(loadConfig({ HOST: ' 127.0.0.1 ' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
    expect(loadConfig({ HOST: 'gateway.internal' }).host).toBe('gateway.internal');
  });

  it('reads CLOPOS_CURRENCY (default AZN) and refuses a code that is not ISO 4217, naming the variable', () => {
    expect(loadConfig({}).cloposCurrency).toBe('AZN');
    expect(loadConfig({ CLOPOS_CURRENCY: 'usd' }).cloposCurrency).toBe('USD');
    const error = configError({ CLOPOS_CURRENCY: 'MANAT' });
    expect(error.variable).toBe('CLOPOS_CURRENCY');
    expect(error.message).toMatch(/ISO 4217/);
  });

  it('reads API keys bare, named, and scoped', () => {
    expect(loadConfig({ GATEWAY_API_KEYS: 'plain, board:k2:read , desk:k3:write,ops:k4' }).apiKeys).toEqual([
      { name: 'key1', key: 'plain', scope: 'write' },
      { name: 'board', key: 'k2', scope: 'read' },
      { name: 'desk', key: 'k3', scope: 'write' },
      { name: 'ops', key: 'k4', scope: 'write' },
    ]);
  });

  it('takes 0 to turn the caches and the per-key rate limit off', () => {
    expect(loadConfig({ CACHE_TTL_MS: '0', GATEWAY_RATE_LIMIT_PER_MINUTE: '0' })).toMatchObject({ cacheTtlMs: 0, rateLimitPerMinute: 0 });
  });
});
