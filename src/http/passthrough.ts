// Pass-through: a caller with a gateway key and its own Clopos token (x-clopos-token) is served
// by a CloposApi of its own, built for that token and kept in a bounded LRU by the token's digest,
// so its calls (and whatever caches the upstream keeps) are never shared with other callers.
import type { CloposApi } from '../upstreams/clopos/api.js';

/** Builds the upstream for one token. `tokenDigest` is safe to log and to key caches by. */
export type UpstreamForToken = (token: string, tokenDigest: string) => CloposApi;

export class PassThroughUpstreams {
  private readonly clients = new Map<string, CloposApi>();

  constructor(
    private readonly build: UpstreamForToken,
    private readonly max = 256,
  ) {}

  get(token: string, tokenDigest: string): CloposApi {
    let client = this.clients.get(tokenDigest);
    if (client) {
      this.clients.delete(tokenDigest); // most recently used last
    } else {
      client = this.build(token, tokenDigest);
      if (this.clients.size >= this.max) this.clients.delete(this.clients.keys().next().value!);
    }
    this.clients.set(tokenDigest, client);
    return client;
  }

  get size(): number {
    return this.clients.size;
  }
}
