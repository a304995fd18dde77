// Clover's per-token limits (facts §2.8): 16 requests a second and 5 in flight. Every budgeted
// call waits here for a slot under both; past the caller's deadline it is refused unsent (the
// same UPSTREAM_RATE_LIMITED/budget the Clopos budget gives), never sent to earn a 429.
// Clover counts a request when it arrives, which we cannot see: somewhere between our send and
// its answer. So a call holds its place in the per-second window from when it starts until one
// second after its answer came: two calls a second apart here are a second apart there too.
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
  /** Calls in the window: `endedAt` undefined while in flight. */
  private readonly calls: Array<{ endedAt: number | undefined }> = [];
  private readonly waiters = new Set<() => void>();
  private readonly now: () => number;

  constructor(private readonly o: RateGateOptions) {
    this.now = o.now ?? Date.now;
  }

  get active(): number {
    return this.calls.filter((c) => c.endedAt === undefined).length;
  }

  /** Resolves with a release function once a call may start; rejects at `deadline`. */
  async acquire(deadline: number): Promise<() => void> {
    for (;;) {
      const t = this.now();
      for (let i = this.calls.length - 1; i >= 0; i--) {
        const ended = this.calls[i]!.endedAt;
        if (ended !== undefined && ended <= t - 1000) this.calls.splice(i, 1);
      }
      const inFlight = this.active;
      if (inFlight < this.o.concurrent && this.calls.length < this.o.perSecond) {
        const call: { endedAt: number | undefined } = { endedAt: undefined };
        this.calls.push(call);
        return () => {
          if (call.endedAt !== undefined) return;
          call.endedAt = this.now();
          for (const wake of [...this.waiters]) wake();
        };
      }
      const ends = this.calls.map((c) => c.endedAt).filter((e): e is number => e !== undefined);
      const waitMs = inFlight >= this.o.concurrent || ends.length === 0 ? 1000 : Math.min(...ends) + 1000 - t;
      if (t + 1 >= deadline) throw new RateGateTimeout(Math.max(1, waitMs));
      // Woken by a release, or when the oldest ended call leaves the window, whichever first.
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(1, Math.min(waitMs, deadline - t)));
        this.waiters.add(done);
      });
    }
  }
}
