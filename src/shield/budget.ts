// The budget toward Clopos: at most CLOPOS_BUDGET_PER_MINUTE calls in any sliding minute (Clopos
// counts 300 per integrator and brand in a sliding minute, facts §1.12), plus what Clopos itself
// says is left (RateLimit-Remaining / RateLimit-Reset, which also see other clients of the same
// quota). A call that would have to wait past its request's deadline is not sent: the caller gets
// UPSTREAM_RATE_LIMITED with a retry-after instead.
//
// The bucket holds `perMinute` tokens and each spent token comes back 60 s after it was spent. A
// classic bucket refilling at perMinute/60 per second would let a full bucket plus a minute of
// refill through in one sliding minute (up to twice the budget), which Clopos would answer with 429.

export const WINDOW_MS = 60_000;

/** Who spends a call: the live poller has a share of the budget (`reserved`) queries cannot spend. */
export type BudgetLane = 'query' | 'poll';

export interface BudgetStore {
  /**
   * Takes a token if fewer than `perMinute - reserve` are in use and answers 0; otherwise the ms
   * until enough come back. Queries pass the poller's reserve, the poller 0.
   */
  take(now: number, reserve?: number): Promise<number>;
}

export class MemoryBudgetStore implements BudgetStore {
  /** When each token in use was spent, oldest first. */
  private spent: number[] = [];

  constructor(private readonly perMinute: number) {}

  async take(now: number, reserve = 0): Promise<number> {
    while (this.spent.length > 0 && this.spent[0]! <= now - WINDOW_MS) this.spent.shift();
    const limit = Math.max(0, this.perMinute - reserve);
    if (this.spent.length < limit) {
      this.spent.push(now);
      return 0;
    }
    // Enough tokens must come back to bring the count under the limit.
    const back = this.spent[this.spent.length - limit] ?? this.spent.at(-1) ?? now;
    return Math.max(1, back + WINDOW_MS - now);
  }
}

export class BudgetExhausted extends Error {
  override readonly name = 'BudgetExhausted';
  constructor(readonly retryAfterMs: number) {
    super('Clopos budget exhausted until after the deadline');
  }
}

export interface BudgetOptions {
  store: BudgetStore;
  /** Calls per sliding minute kept for the live poller (POLL_BUDGET_SHARE); queries cannot spend them. Default 0. */
  reserved?: number;
  /** Told what Clopos says is left after every answer carrying RateLimit-Remaining. */
  onRemaining?: (calls: number) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Budget {
  /** From the last RateLimit-* headers: calls Clopos still allows, and when its window frees up. */
  private upstreamRemaining = Infinity;
  private upstreamResetAt = 0;
  /** When this instance's queries took their tokens, for what remains for the poller. */
  private queryTakes: number[] = [];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: BudgetOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleep;
  }

  /**
   * Waits for a token, or throws BudgetExhausted when the wait would end at or after `deadline`
   * or `signal` (the call's own timeout) aborts first.
   */
  async acquire(deadline: number, signal?: AbortSignal, lane: BudgetLane = 'query'): Promise<void> {
    for (;;) {
      const now = this.now();
      let wait = this.upstreamRemaining <= 0 && this.upstreamResetAt > now ? this.upstreamResetAt - now : 0;
      if (wait === 0) wait = await this.options.store.take(now, lane === 'query' ? this.reserved : 0);
      if (wait <= 0) {
        // Our own count of what Clopos allows, until its next headers say better.
        this.upstreamRemaining -= 1;
        if (lane === 'query') this.queryTakes.push(now);
        return;
      }
      if (now + wait >= deadline || signal?.aborted) throw new BudgetExhausted(wait);
      await this.sleepUnless(wait, signal);
    }
  }

  private async sleepUnless(ms: number, signal: AbortSignal | undefined): Promise<void> {
    if (!signal) return this.sleep(ms);
    const started = this.now();
    await new Promise<void>((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done);
        resolve();
      };
      signal.addEventListener('abort', done, { once: true });
      void this.sleep(ms).then(done);
    });
    if (signal.aborted) throw new BudgetExhausted(Math.max(0, ms - (this.now() - started)));
  }

  /** Reads RateLimit-Remaining and RateLimit-Reset (seconds) from any Clopos answer. */
  observe(headers: Headers, status: number): void {
    const remaining = headerNumber(headers, 'RateLimit-Remaining');
    const reset = headerNumber(headers, 'RateLimit-Reset') ?? headerNumber(headers, 'Retry-After');
    const now = this.now();
    if (status === 429) {
      // Whatever the headers say, Clopos refuses until the reset (a minute if it names none).
      this.upstreamRemaining = 0;
      this.upstreamResetAt = now + Math.max(1, reset ?? 60) * 1000;
      return;
    }
    if (remaining === undefined) return;
    this.upstreamRemaining = remaining;
    this.options.onRemaining?.(remaining);
    this.upstreamResetAt = now + Math.max(1, reset ?? 1) * 1000;
  }

  get reserved(): number {
    return this.options.reserved ?? 0;
  }

  /**
   * Calls this instance's queries spent in the last sliding minute. What is left of the budget
   * for the poller is the budget minus this (never less than its reserve). With several instances
   * each counts only its own queries; the shared budget still holds all of them back.
   */
  querySpent(): number {
    const since = this.now() - WINDOW_MS;
    while (this.queryTakes.length > 0 && this.queryTakes[0]! <= since) this.queryTakes.shift();
    return this.queryTakes.length;
  }

  /** For tests and readiness: what the last headers said. */
  upstreamState(): { remaining: number; resetAt: number } {
    return { remaining: this.upstreamRemaining, resetAt: this.upstreamResetAt };
  }
}

function headerNumber(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
