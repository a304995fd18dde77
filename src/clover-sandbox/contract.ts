// What the embedded Clover sandbox offers to the adapter's tests, benchmarks and `npm start`.
// Wire shapes follow ../shared/clover-api-facts.md (the facts file); see README.md for sources.

/** A modification: a snapshot of a modifier at the time it was applied (facts §2.4). Cents. */
export interface CloverModification {
  id: string;
  name: string;
  amount: number;
  modifier: { id: string };
  alternateName?: string;
}

/** A line item; `price` is in cents (facts §2.3). `unitQty` is kept as sent (Clover: thousandths). */
export interface CloverLineItem {
  id: string;
  orderRef: { id: string };
  name: string;
  price: number;
  unitQty?: number;
  note?: string;
  alternateName?: string;
  itemCode?: string;
  item?: { id: string };
  printed: boolean;
  isRevenue: boolean;
  createdTime: number;
  modifications: CloverModification[];
}

export interface CloverCustomer {
  id: string;
  firstName?: string;
  lastName?: string;
  phoneNumber?: string;
  emailAddress?: string;
}

export type CloverPaymentState = 'OPEN' | 'PAID' | 'REFUNDED' | 'CREDITED' | 'PARTIALLY_PAID' | 'PARTIALLY_REFUNDED';

/** An order as the sandbox stores it (collections are full lists; the wire caps and wraps them). */
export interface CloverOrder {
  id: string;
  currency: string;
  /** Cents. Clover never recomputes it: the app that changes an order sets it (facts §2.3). */
  total: number;
  /** null = hidden: not listed, only GET by id (facts §2.3). */
  state: string | null;
  paymentState?: CloverPaymentState;
  title?: string;
  note?: string;
  externalReferenceId?: string;
  employee?: { id: string };
  orderType?: { id: string };
  payType?: 'SPLIT_GUEST' | 'SPLIT_ITEM' | 'SPLIT_CUSTOM' | 'FULL';
  taxRemoved: boolean;
  isVat: boolean;
  manualTransaction: boolean;
  groupLineItems: boolean;
  testMode: boolean;
  /** Epoch milliseconds. */
  createdTime: number;
  clientCreatedTime: number;
  modifiedTime: number;
  /** Set when deleted; deleted orders are gone from the API (404, never listed). */
  deletedTime?: number;
  customers: CloverCustomer[];
  lineItems: CloverLineItem[];
}

export interface CloverSandboxOptions {
  /** Seed of the data generator; the same seed gives the same data (ids included). */
  seed?: number;
  /** 13 characters, 0-9 A-Z; default derived from the seed. */
  merchantId?: string;
  /** The fixed API token (never expires, all permissions). Default derived from the seed. */
  token?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** ISO 4217 of the merchant (orders created without `currency` get it). Default USD. */
  currency?: string;
  /** OAuth refresh (facts §2.1): the app id and the first refresh token; expiring access tokens. */
  oauth?: { appId?: string; refreshToken?: string; accessTokenLifetimeSeconds?: number; refreshTokenLifetimeSeconds?: number };
  /** Answer 429 past 16 requests/s or 5 in flight per token (facts §2.8). Default false. */
  enforceRateLimits?: boolean;
  /** Per token, per sliding second. Default 16. */
  requestsPerSecond?: number;
  /** Per token, in flight at once. Default 5. */
  concurrentPerToken?: number;
  /** Creates and changes orders on a timer. */
  demo?: boolean | { intervalMs?: number };
}

/**
 * A fault applies to requests matching `method` and `route` (exact, e.g. "POST /orders/{orderId}/bulk_line_items",
 * as in requestCounts()) or `path` (a prefix of the path after /v3/merchants/{mId}, e.g. "/orders"; `*` matches one
 * segment, e.g. "/orders/* /line_items" without the space). The first matching fault applies, in the order added.
 */
export interface CloverFault {
  method?: string;
  route?: string;
  path?: string;
  /** How many matching requests it applies to; default unlimited until cleared. */
  times?: number;
  /** Let this many matching requests through first (e.g. 1: the second bulk_line_items call fails). */
  skip?: number;
  latencyMs?: number;
  /** Answer this status with a Clover-style `{"message": ...}` body (or `body`). */
  status?: number;
  /** With status 429: the retry-after seconds (default 1). */
  retryAfter?: number;
  body?: unknown;
  /** Destroy the socket after a fragment of the answer. */
  resetConnection?: boolean;
  /** A 200 (or `status`) whose body is not JSON. */
  malformedJson?: boolean;
  /** Serve (and store) first, then answer with the fault instead: a commit whose answer is lost. */
  afterStore?: boolean;
}

export interface CloverRequestLogEntry {
  method: string;
  /** e.g. "POST /orders/{orderId}/bulk_line_items"; "POST /oauth/v2/refresh"; "unmatched" otherwise. */
  route: string;
  /** Path after /v3/merchants/{mId} (the full path for /oauth and unknown paths). */
  path: string;
  rawQuery: string;
  headers: Record<string, string>;
  body?: unknown;
  /** 0 until answered. */
  status: number;
  at: number;
}

export interface CloverSandboxControl {
  injectFault(fault: CloverFault): void;
  clearFaults(): void;
  faults(): CloverFault[];
  requests(): CloverRequestLogEntry[];
  /** Calls per route ("GET /orders": 3, ...), from the request log. */
  requestCounts(): Record<string, number>;
  clearRequests(): void;
  /** Seeded data back; faults, log, rate windows, OAuth pair, permissions cleared. */
  reset(): void;
  /** Every order, hidden and deleted included, newest first, with all line items and customers. */
  orders(): CloverOrder[];
  order(id: string): CloverOrder | undefined;
  /** The merchant's customers (seeded, plus any created inline on an order): ids a createOrder may name. */
  customers(): CloverCustomer[];
  /** The inventory items and modifiers the sandbox knows (`{"item":{"id"}}`, `{"modifier":{"id"}}`). */
  catalogue(): { items: Array<{ id: string; name: string; price: number }>; modifiers: Array<{ id: string; name: string; amount: number }> };
  /** An order arriving now (state "open" unless told), e.g. from a device. */
  addOrder(partial?: Partial<Omit<CloverOrder, 'id'>>): CloverOrder;
  /** Changes an order as a device would (bumps modifiedTime). */
  updateOrder(id: string, patch: Partial<Pick<CloverOrder, 'state' | 'paymentState' | 'total' | 'note' | 'title'>>): CloverOrder;
  /** false: every write answers 401, as Clover does without ORDERS_W (facts §2.1). */
  setWritePermission(allowed: boolean): void;
  setEnforceRateLimits(enforce: boolean): void;
  /** Every OAuth access token issued so far expires now. */
  expireAccessTokens(): void;
  /** The refresh token that is valid right now (single use). */
  currentRefreshToken(): string;
  startDemo(intervalMs?: number): void;
  stopDemo(): void;
  /** One demo step now (what the timer does). */
  demoTick(): void;
}

export interface RunningCloverSandbox {
  /** The CLOVER_BASE_URL to use, e.g. http://127.0.0.1:PORT (the API is under /v3/merchants/{mId}). */
  baseUrl: string;
  merchantId: string;
  /** The fixed API token (CLOVER_API_TOKEN). */
  token: string;
  /** CLOVER_APP_ID and the first CLOVER_REFRESH_TOKEN. */
  oauth: { appId: string; refreshToken: string };
  control: CloverSandboxControl;
  close(): Promise<void>;
}
