// Clover's per-token limits (facts §2.8): 16 requests a second and 5 in flight. Every budgeted
// call waits here for a slot under both; past the caller's deadline it is refused unsent (the
// same UPSTREAM_RATE_LIMITED/budget the Clopos budget gives), never sent to earn a 429.
export class RateGateTimeout extends Error {
  override readonly name = 'RateGateTimeout';
  constructor(readonly retryAfterMs: number) {
    super('no Clover call slot before the deadline');
  }
}

export interface RateGateOptions {
  perSecond: number;
  concurrent: number;
  now?: () => number;
}

export class RateGate {
  private readonly starts: number[] = [];
  private inFlight = 0;
  private readonly waiters: Array<() => void> = [];
  private readonly now: () => number;

  constructor(private readonly o: RateGateOptions) {
    this.now = o.now ?? Date.now;
  }

  get active(): number {
    return this.inFlight;
  }

  /** Resolves with a release function once a call may start; rejects at `deadline`. */
  async acquire(deadline: number): Promise<() => void> {
    for (;;) {
      const t = this.now();
      while (this.starts.length > 0 && this.starts[0]! <= t - 1000) this.starts.shift();
      if (this.inFlight < this.o.concurrent && this.starts.length < this.o.perSecond) {
        this.inFlight++;
        this.starts.push(t);
        let released = false;
        return () => {
          if (released) return;
          released = true;
          this.inFlight--;
          this.waiters.shift()?.();
        };
      }
      const waitMs = this.inFlight >= this.o.concurrent ? 1000 : this.starts[0]! + 1000 - t;
      if (t + 1 >= deadline) throw new RateGateTimeout(Math.max(1, waitMs));
      // Woken by a release, or when the oldest start leaves the second, whichever first.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(1, Math.min(waitMs, deadline - t)));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.push(done);
      });
    }
  }
}
