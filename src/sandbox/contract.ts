// What the embedded sandbox offers to tests, benchmarks and `npm start`.
// (Implementation: src/sandbox/index.ts exports startSandbox.)
import type { ClopOrder, ClopOrderStatus } from '../upstreams/clopos/types.js';

export interface SandboxCredentials {
  client_id: string;
  client_secret: string;
  brand: string;
  integrator_id: string;
}

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  credentials?: SandboxCredentials;
  /** Token lifetime in seconds, default 3600. */
  tokenLifetimeSeconds?: number;
  /** Answer 429 once the quota is spent (the headers are always sent). Default false. */
  enforceRateLimits?: boolean;
  /** Per integrator and brand, per sliding minute. Default 300. */
  rateLimitPerMinute?: number;
  /** On /auth, per client IP, per sliding minute. Default 60. */
  authRateLimitPerMinute?: number;
  /** Seed of the demo data generator; the same seed gives the same data. */
  seed?: number;
  /** Moves orders through their life on its own. */
  demo?: boolean | { intervalMs?: number };
}

/** A fault applies to requests matching `method`/`path` (a prefix of the path after the base, e.g. "/orders"). */
export interface Fault {
  method?: string;
  path?: string;
  /** How many matching requests it applies to; default unlimited until cleared. */
  times?: number;
  latencyMs?: number;
  /** Answer this status with the documented error body (5xx, 429, 401 ...). */
  status?: number;
  /** With status 429: the RateLimit-Reset seconds to send. */
  rateLimitReset?: number;
  /** Destroy the socket after sending part of the response. */
  resetConnection?: boolean;
  /** Send a 200 whose body is not valid JSON. */
  malformedJson?: boolean;
  /** With status: send this JSON body instead of the documented error (e.g. /auth's 200 `success:false`). */
  body?: unknown;
  /**
   * Serve the request first (a POST /orders stores its order), then answer with the fault (its
   * latency, status, reset or malformed JSON) instead of the real answer: a commit whose answer is
   * lost. Without it the fault answers instead of serving (nothing stored), except a fault that only
   * adds latency, which delays the request and then serves it (stores late).
   */
  afterStore?: boolean;
}

export interface RequestLogEntry {
  method: string;
  /** Path after the base, e.g. "/orders/12". */
  path: string;
  /** Raw query string, without "?". */
  rawQuery: string;
  /** The query parsed from bracket notation (qs). */
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body?: unknown;
  status: number;
  at: number;
}

export interface SandboxControl {
  injectFault(fault: Fault): void;
  clearFaults(): void;
  setOrderStatus(id: number, status: ClopOrderStatus): ClopOrder;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** Back to the seeded data; clears faults, log and rate-limit windows. */
  reset(): void;
  /** Every order in the store, newest first. */
  orders(): ClopOrder[];
  /** Inserts an order as if it arrived just now (created_at = now). */
  addOrder(partial?: Partial<ClopOrder>): ClopOrder;
  /** Puts a product on the stop-list with this limit (0 = out of stock); undefined takes it off. */
  setStock(productId: number, limit: number | undefined): void;
  /** The stop-list as GET /products/stop-list serves it. */
  stopList(): Array<{ id: number; limit: number; timestamp: number }>;
  startDemo(intervalMs?: number): void;
  stopDemo(): void;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:4010/open-api/v2, the CLOPOS_BASE_URL to use. */
  baseUrl: string;
  credentials: SandboxCredentials;
  control: SandboxControl;
  close(): Promise<void>;
}
