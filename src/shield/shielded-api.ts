// Any upstream client behind coalescing, the GET answer cache, the breaker and GET retries, driven
// by its operation table alone (POS-neutral: a second POS hands in its own table and client).
// Cacheable operations are coalesced and cached under their tags; other idempotent ones are
// coalesced and retried; non-idempotent ones (creates, cancels) go through the breaker once, never
// repeated, and drop the cache tags the table names (the GraphQL response cache is dropped by the
// graph, through `onChanged`).
import type { CallableName, InputOf, OperationApi, OperationInfo, OperationLookup, OutputOf } from '../upstreams/operation.js';
import { UpstreamError, type UpstreamOperation } from '../upstreams/errors.js';
import { currentScope, runDetached } from '../request-scope.js';
import type { Coalescer } from './coalescing.js';
import { type GetCacheStore, MISS } from './get-cache.js';
import { stableJson } from './keys.js';
import type { ShieldReporter } from './reporter.js';
import { type ResilienceDeps, resilient } from './retry.js';

export interface ShieldedApiOptions<T> {
  inner: OperationApi<T>;
  /** The upstream's operation table (what each operation is: cacheable, idempotent, what it drops). */
  operations: Pick<OperationLookup, 'operationSpec'>;
  /** credentialsIdentity() of the credentials `inner` uses: part of every key. */
  identity: string;
  coalescer: Coalescer;
  /** Absent, or cacheTtlMs 0: no GET cache. */
  cache?: GetCacheStore;
  cacheTtlMs: number;
  resilience: ResilienceDeps;
  /** After a write (create, cancel), whatever its outcome (the graph drops its response cache here). */
  onChanged?: () => Promise<void>;
  reporter?: ShieldReporter;
}

export function shieldApi<T>(options: ShieldedApiOptions<T>): OperationApi<T> {
  return new ShieldedApi(options);
}

class ShieldedApi<T> implements OperationApi<T> {
  /** Bumped by every write: an answer fetched across one is not cached. */
  private generation = 0;
  /** The tags of each coalescing key in flight, so a write can let later callers start afresh. */
  private readonly inFlightTags = new Map<string, string[]>();

  constructor(private readonly o: ShieldedApiOptions<T>) {}

  call<N extends CallableName<T>>(name: N, input: InputOf<T, N>): Promise<OutputOf<T, N>> {
    const spec = this.o.operations.operationSpec(name);
    const call = () => this.o.inner.call(name, input);
    if (spec.idempotent) return this.read(spec, input, call);
    return this.write(spec, input, call);
  }

  private async write<O>(spec: OperationInfo, input: unknown, call: () => Promise<O>): Promise<O> {
    let output: O | undefined;
    try {
      output = await resilient(spec.name as UpstreamOperation, false, call, this.o.resilience);
      return output;
    } finally {
      // Also when the outcome is unknown (output undefined): the table says what may be stale.
      await this.changed(spec.drops ? (spec.drops as (i: unknown, o: unknown) => string[])(input, output) : []);
    }
  }

  private read<O>(spec: OperationInfo, input: unknown, call: () => Promise<O>): Promise<O> {
    const operation = spec.name as UpstreamOperation;
    // The input carries the venue (x-venue header) and every query parameter.
    const key = `${this.o.identity}|${spec.name}|${stableJson(input)}`;
    const tags = spec.cache ? (spec.cache.tags as (i: unknown) => string[])(input) : [];
    const deadline = currentScope()?.deadline;
    // Too late to start or join anything (nothing is sent: no verdict for the breaker either).
    if (deadline !== undefined && deadline <= Date.now()) {
      return Promise.reject(new UpstreamError({ operation, code: 'UPSTREAM_UNAVAILABLE', reason: 'timeout', notSent: true }));
    }
    // The shared call runs detached: it serves every caller that joins it, so it must not end at
    // the first caller's deadline (it gets one of its own); each caller waits only until its own.
    const shared = this.o.coalescer.run(key, () => this.o.reporter?.coalesced(spec.route), () => {
      this.inFlightTags.set(key, tags);
      return runDetached(() => this.fetchRead(spec, key, tags, call), { requestId: currentScope()?.requestId }).finally(() => {
        // Only our own entry: after forget() a newer call may hold the key.
        if (this.inFlightTags.get(key) === tags) this.inFlightTags.delete(key);
      });
    });
    return untilDeadline(shared, deadline, operation);
  }

  private async fetchRead<O>(spec: OperationInfo, key: string, tags: string[], call: () => Promise<O>): Promise<O> {
    // Only operations the table marks cacheable are; the metrics label is the cache's name.
    const cache = this.o.cacheTtlMs > 0 && spec.cache ? this.o.cache : undefined;
    const hit = cache ? await cache.get(key).catch(() => MISS) : MISS;
    if (cache) this.o.reporter?.cacheLookup(spec.cache!.name, hit !== MISS);
    if (hit !== MISS) return hit as O;
    const generation = this.generation;
    const value = await resilient(spec.name as UpstreamOperation, spec.idempotent, call, this.o.resilience);
    if (cache && generation === this.generation) {
      await cache.set(key, value, this.o.cacheTtlMs, tags.map((tag) => this.tag(tag))).catch(() => undefined);
    }
    return value;
  }

  private async changed(tags: string[]): Promise<void> {
    this.generation++;
    const stale = new Set(tags);
    this.o.coalescer.forget((key) => this.inFlightTags.get(key)?.some((tag) => stale.has(tag)) ?? false);
    if (tags.length > 0) await this.o.cache?.invalidate(tags.map((tag) => this.tag(tag))).catch(() => undefined);
    await this.o.onChanged?.().catch(() => undefined);
  }

  /** Tags are per credentials too: one Redis may serve gateways for several brands. */
  private tag(tag: string): string {
    return `${this.o.identity}|${tag}`;
  }
}

/** A caller with a deadline (a query or mutation) stops waiting for a shared call at it. */
function untilDeadline<T>(shared: Promise<T>, deadline: number | undefined, operation: UpstreamOperation): Promise<T> {
  if (deadline === undefined) return shared;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new UpstreamError({ operation, code: 'UPSTREAM_UNAVAILABLE', reason: 'timeout' })),
      Math.max(0, deadline - Date.now()),
    );
    shared.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
