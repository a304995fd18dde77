/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The gateway's endpoint; `/graphql` (proxied by the dev server) when unset. */
  readonly VITE_GRAPHQL_URL?: string;
  /** Sent as `Authorization: Bearer` when the gateway has GATEWAY_API_KEYS set. */
  readonly VITE_API_KEY?: string;
  /** `true`: send operations by hash only, for a gateway with GATEWAY_PERSISTED_ONLY=true. */
  readonly VITE_PERSISTED_ONLY?: string;
  /** Milliseconds without a fresh feed after which the live status says "Stale"; default 30000. */
  readonly VITE_LIVE_STALE_AFTER_MS?: string;
}
