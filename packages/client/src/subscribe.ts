// Subscriptions over Server-Sent Events with graphql-sse (distinct connections mode, what Yoga
// serves on /graphql), and the reconnect loop the hooks share: resume from the last change's `at`
// as `since`, report gaps (RESYNC, or a new stream that does not resume), and keep `fresh`.
// Framework-free: the React hook (react.ts) only turns its callbacks into state.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient, NetworkError, type ExecutionResult, type RequestParams } from 'graphql-sse';
import { clientConfig, requestHeaders } from './config.js';
import { GraphQLRequestError, type GraphQLErrorEntry } from './errors.js';
import { errorsOf, requestBody } from './request.js';

/**
 * Runs a subscription once, until the stream ends. Resolves when the gateway completes it; throws
 * GraphQLRequestError on a GraphQL error or an HTTP refusal (which carries a code), other errors on
 * transport trouble. `onOpen` runs once the stream is open.
 */
export async function subscribe<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables | undefined,
  onData: (data: TResult) => void,
  signal: AbortSignal,
  onOpen?: () => void,
): Promise<void> {
  const config = clientConfig();
  // Our own loop reconnects (with a new `since`), so graphql-sse's retries stay off.
  const client = createClient({
    url: config.url,
    headers: () => requestHeaders(config),
    retryAttempts: 0,
    ...(config.fetch ? { fetchFn: config.fetch } : {}),
  });
  // No `query` when sending by hash (JSON drops undefined); graphql-sse's type wants a string.
  const request = requestBody(document, variables, config) as RequestParams;
  const iterator = client.iterate<TResult>(request, { connected: () => onOpen?.() });
  const stop = () => void iterator.return?.();
  signal.addEventListener('abort', stop, { once: true });
  try {
    for await (const result of iterator as AsyncIterable<ExecutionResult<TResult>>) {
      const errors = (result.errors ?? []) as unknown as GraphQLErrorEntry[];
      if (errors.length || result.data == null) throw new GraphQLRequestError(errors, 200);
      onData(result.data);
    }
  } catch (error) {
    if (error instanceof NetworkError && error.response) {
      const response = error.response as Response;
      throw new GraphQLRequestError(await errorsOf(response), response.status);
    }
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
    client.dispose();
  }
}

export interface SubscriptionState<TResult> {
  /** The last change's data. */
  data: TResult | undefined;
  /** The last error (the hook reconnects after transport errors; a GraphQL error ends it). */
  error: GraphQLRequestError | undefined;
  /** True while the event stream is open. */
  connected: boolean;
  /**
   * True while the stream is open, a message (a change or a heartbeat) arrived within
   * `staleAfterMs`, and the gateway's feed was no further behind than that when it was sent.
   * Show "live" only when this is true.
   */
  fresh: boolean;
  /** The last time the gateway read its source, as the last message said (ISO), if selected. */
  feedAt: string | undefined;
}

export interface SubscriptionOptions<TResult> {
  /** false: no connection (default true). */
  enabled?: boolean;
  /** Called with every change's data, in order (not with RESYNC or HEARTBEAT). */
  onData?: (data: TResult) => void;
  /**
   * Changes may have been missed (a RESYNC, or a reconnect that could not resume from `since`):
   * reload what is shown. Called once the new stream is open, so nothing falls in between.
   */
  onGap?: () => void;
  /** No message for this long, or a feed this far behind, is stale. Default 30000. */
  staleAfterMs?: number;
}

/** What the loop reads from a subscription's root object, when the operation selects it. */
export interface FeedFields {
  kind?: string | null;
  at?: string | null;
  feedAt?: string | null;
}

/** What the generated hook knows of its operation. */
export interface SubscriptionShape<TResult> {
  /** The last change's `at`, when the operation has `$since` and selects `at`: the resume point. */
  resume?: ((data: TResult) => string | null | undefined) | undefined;
  /** The root object, when the operation selects `kind` (and perhaps `at`, `feedAt`). */
  feed?: ((data: TResult) => FeedFields | null | undefined) | undefined;
}

export interface WatchOptions<TResult> extends Omit<SubscriptionOptions<TResult>, 'enabled'> {
  /** Every state change, for a UI to render. */
  onState: (state: SubscriptionState<TResult>) => void;
  /** Delay before reconnect attempt `n` (from 0); default 500 ms doubling to 30 s. */
  backoffMs?: (attempt: number) => number;
  /** How often `fresh` is re-evaluated without messages; default 1000 ms. */
  tickMs?: number;
}

const defaultBackoff = (attempt: number) => Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));

/**
 * Keeps a subscription open until the returned function is called: reconnects after transport
 * errors, a stream that ends and the gateway's SLOW_CONSUMER; retries without `since` after
 * REPLAY_UNAVAILABLE; stops on any other GraphQL error (no key, a limit), reporting it.
 */
export function watchSubscription<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables | undefined,
  shape: SubscriptionShape<TResult>,
  options: WatchOptions<TResult>,
): () => void {
  const abort = new AbortController();
  const staleAfterMs = options.staleAfterMs ?? 30_000;
  const backoff = options.backoffMs ?? defaultBackoff;
  let state: SubscriptionState<TResult> = { data: undefined, error: undefined, connected: false, fresh: false, feedAt: undefined };
  const set = (patch: Partial<SubscriptionState<TResult>>) => {
    const next = { ...state, ...patch };
    if (Object.keys(next).every((k) => next[k as keyof typeof next] === state[k as keyof typeof state])) return;
    state = next;
    options.onState(state);
  };
  let since: string | undefined;
  let wasOpen = false;
  let connected = false;
  // Client clock: when the last message arrived. Gateway clock: how far behind its feed was.
  let heardAt = 0;
  let lagMs = 0;
  const isFresh = () => connected && Date.now() - heardAt < staleAfterMs && lagMs < staleAfterMs;
  const timer = setInterval(() => set({ fresh: isFresh() }), options.tickMs ?? 1000);

  void (async () => {
    for (let attempt = 0; !abort.signal.aborted; attempt++) {
      try {
        const resuming = since !== undefined;
        const vars = (since ? { ...(variables ?? {}), since } : variables) as TVariables | undefined;
        await subscribe(
          document,
          vars,
          (data) => {
            attempt = 0;
            heardAt = Date.now();
            const root = shape.feed?.(data);
            if (root?.feedAt && root.at) lagMs = Math.max(0, Date.parse(root.at) - Date.parse(root.feedAt));
            else if (root && 'feedAt' in root && !root.feedAt) lagMs = Infinity; // no read of the source yet
            const feedAt = root?.feedAt ?? undefined;
            if (root?.kind === 'HEARTBEAT' || root?.kind === 'RESYNC') {
              set({ error: undefined, connected: true, fresh: isFresh(), feedAt });
              if (root.kind === 'RESYNC') {
                // A cursor from before the gap would replay across it: resume from the next change.
                since = undefined;
                options.onGap?.();
              }
              return;
            }
            since = shape.resume?.(data) ?? since;
            set({ data, error: undefined, connected: true, fresh: isFresh(), feedAt });
            options.onData?.(data);
          },
          abort.signal,
          () => {
            connected = true;
            set({ connected: true });
            // A new stream that does not resume a previous one may have missed changes in between.
            if (wasOpen && !resuming) options.onGap?.();
            wasOpen = true;
          },
        );
      } catch (error) {
        if (abort.signal.aborted) return;
        if (error instanceof GraphQLRequestError && error.errors.length > 0) {
          // The gateway refused it (no key, a limit, a `since` it no longer holds) or ended it
          // (a client too slow to read): start over, without `since` if it is the one refused.
          connected = false;
          set({ error, connected: false, fresh: false });
          if (error.code === 'REPLAY_UNAVAILABLE' && since) since = undefined;
          else if (error.code !== 'SLOW_CONSUMER') return;
        }
      }
      if (abort.signal.aborted) return;
      connected = false;
      set({ connected: false, fresh: false });
      await new Promise((resolve) => setTimeout(resolve, backoff(attempt)));
    }
  })();

  return () => {
    clearInterval(timer);
    abort.abort();
  };
}
