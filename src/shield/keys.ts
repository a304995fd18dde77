// Cache and coalescing keys. Two calls may share an answer only when everything that can make
// Clopos answer differently is the same: whose credentials (or, later, pass-through token) sent
// it, the x-venue header, and the query. The key carries digests, never a secret.
import { createHash } from 'node:crypto';
import type { CloposCredentials } from '../upstreams/clopos/api.js';

/** A short, stable, non-secret name for one set of Clopos credentials against one base URL. */
export function credentialsIdentity(baseUrl: string, credentials: CloposCredentials): string {
  const { clientId, clientSecret, brand, integratorId } = credentials;
  return createHash('sha256')
    .update(JSON.stringify([baseUrl, clientId, clientSecret, brand, integratorId]))
    .digest('base64url')
    .slice(0, 16);
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` name the same query. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Tags group keys for invalidation: every list, or everything about one order id. */
export const LISTS_TAG = 'lists';
export const orderTag = (id: number) => `order:${id}`;
