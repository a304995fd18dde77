// The circuit breaker: when Clopos keeps failing, stop sending (and stop making callers wait for
// timeouts) and answer UPSTREAM_UNAVAILABLE at once; after a pause, let one probe through.
// Only Clopos failing counts (5xx, timeouts, broken connections, unreadable answers); a 429 or
// another 4xx is Clopos answering, so it counts as a success.

export interface BreakerOptions {
  /** Opens after this many failed calls in a row. Default 5. */
  consecutiveFailures?: number;
  /** ...or when at least this share of the calls in the window failed. Default 0.5. */
  failureRatio?: number;
  /** ...over at least this many calls. Default 10. */
  minCalls?: number;
  /** The window for the ratio, ms. Default 10000. */
  windowMs?: number;
  /** How long it stays open before one probe goes through, ms. Default 5000. */
  openMs?: number;
  now?: () => number;
  /** Told of every change of state (for logs and metrics). */
  onStateChange?: (state: BreakerState) => void;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

/** A permit to call; hand it back with the outcome. */
export interface BreakerTicket {
  probe: boolean;
}

export class CircuitOpen extends Error {
  override readonly name = 'CircuitOpen';
  constructor() {
    super('circuit open');
  }
}

export class CircuitBreaker {
  private state: BreakerState = 'closed';
  private openUntil = 0;
  private probing = false;
  private consecutive = 0;
  private calls: Array<{ at: number; failed: boolean }> = [];
  private readonly o: Required<Omit<BreakerOptions, 'onStateChange'>> & Pick<BreakerOptions, 'onStateChange'>;

  constructor(options: BreakerOptions = {}) {
    this.o = {
      consecutiveFailures: options.consecutiveFailures ?? 5,
      failureRatio: options.failureRatio ?? 0.5,
      minCalls: options.minCalls ?? 10,
      windowMs: options.windowMs ?? 10_000,
      openMs: options.openMs ?? 5_000,
      now: options.now ?? Date.now,
      onStateChange: options.onStateChange,
    };
  }

  /** Throws CircuitOpen while open (or while the one probe is out); otherwise a ticket. */
  enter(): BreakerTicket {
    if (this.state === 'closed') return { probe: false };
    if (this.state === 'open' && this.o.now() >= this.openUntil) this.transition('half-open');
    if (this.state === 'half-open' && !this.probing) {
      this.probing = true;
      return { probe: true };
    }
    throw new CircuitOpen();
  }

  record(ticket: BreakerTicket, failed: boolean): void {
    if (ticket.probe) {
      this.probing = false;
      if (failed) this.open();
      else this.close();
      return;
    }
    // Calls that started before the breaker opened say nothing new about Clopos now.
    if (this.state !== 'closed') return;
    const now = this.o.now();
    this.calls.push({ at: now, failed });
    while (this.calls.length > 0 && this.calls[0]!.at <= now - this.o.windowMs) this.calls.shift();
    this.consecutive = failed ? this.consecutive + 1 : 0;
    if (!failed) return;
    const failures = this.calls.filter((c) => c.failed).length;
    const ratioTripped = this.calls.length >= this.o.minCalls && failures >= this.calls.length * this.o.failureRatio;
    if (this.consecutive >= this.o.consecutiveFailures || ratioTripped) this.open();
  }

  /** A call that never reached Clopos (held back by the budget): no verdict; a probe slot frees up. */
  release(ticket: BreakerTicket): void {
    if (ticket.probe) this.probing = false;
  }

  current(): BreakerState {
    if (this.state === 'open' && this.o.now() >= this.openUntil) return 'half-open';
    return this.state;
  }

  private open(): void {
    this.openUntil = this.o.now() + this.o.openMs;
    this.transition('open');
  }

  private close(): void {
    this.consecutive = 0;
    this.calls = [];
    this.transition('closed');
  }

  private transition(state: BreakerState): void {
    if (this.state === state) return;
    this.state = state;
    this.o.onStateChange?.(state);
  }
}
