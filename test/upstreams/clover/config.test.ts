// The Clover settings: UPSTREAM, CLOVER_* read once, a bad value named in the error.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';

const base = { UPSTREAM: 'clover', CLOVER_BASE_URL: 'https://apisandbox.dev.clover.com/', CLOVER_MERCHANT_ID: '8WAD6KV8D90KR' };
const fails = (env: Record<string, string>, variable: string) => {
  let error: unknown;
  try {
    loadConfig(env);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).variable).toBe(variable);
};

describe('Clover settings', () => {
  it('defaults to Clopos; UPSTREAM=clover without CLOVER_BASE_URL means the embedded Clover sandbox', () => {
    expect(loadConfig({}).upstream).toBe('clopos');
    expect(loadConfig({ UPSTREAM: 'Clover' })).toMatchObject({ upstream: 'clover', clover: undefined, cloverCurrency: 'USD' });
  });

  it('reads a token, or an OAuth app id and refresh token', () => {
    expect(loadConfig({ ...base, CLOVER_API_TOKEN: 't' }).clover).toEqual({
      baseUrl: 'https://apisandbox.dev.clover.com',
      merchantId: '8WAD6KV8D90KR',
      token: 't',
      oauth: undefined,
    });
    expect(loadConfig({ ...base, CLOVER_APP_ID: 'APP', CLOVER_REFRESH_TOKEN: 'r', CLOVER_CURRENCY: 'cad' })).toMatchObject({
      clover: { token: undefined, oauth: { appId: 'APP', refreshToken: 'r' } },
      cloverCurrency: 'CAD',
    });
  });

  it('names the variable at fault', () => {
    fails({ UPSTREAM: 'square' }, 'UPSTREAM');
    fails({ ...base, CLOVER_MERCHANT_ID: '' }, 'CLOVER_MERCHANT_ID');
    fails({ ...base, CLOVER_MERCHANT_ID: 'short' }, 'CLOVER_MERCHANT_ID');
    fails(base, 'CLOVER_API_TOKEN');
    fails({ ...base, CLOVER_APP_ID: 'APP' }, 'CLOVER_REFRESH_TOKEN');
    fails({ ...base, CLOVER_API_TOKEN: 't', CLOVER_CURRENCY: 'XX' }, 'CLOVER_CURRENCY');
    fails({ ...base, CLOVER_BASE_URL: 'ftp://x', CLOVER_API_TOKEN: 't' }, 'CLOVER_BASE_URL');
  });
});
