// Per-token limits of facts §2.8: 16 requests per second and 5 in flight. A sliding one-second
// window; refused requests are not counted, so a client that waits retry-after gets through.
export type LimitHit = { allowed: true; release: () => void } | { allowed: false; which: 'rate' | 'concurrent'; retryAfter: number };

export class TokenLimits {
  private readonly recent = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();
  enforce: boolean;

  constructor(readonly perSecond: number, readonly concurrent: number, enforce: boolean) {
    this.enforce = enforce;
  }

  hit(token: string, now = Date.now()): LimitHit {
    const times = (this.recent.get(token) ?? []).filter((t) => t > now - 1000);
    this.recent.set(token, times);
    const flying = this.inFlight.get(token) ?? 0;
    if (this.enforce && flying >= this.concurrent) return { allowed: false, which: 'concurrent', retryAfter: 1 };
    if (this.enforce && times.length >= this.perSecond) {
      const oldest = times[0] ?? now;
      return { allowed: false, which: 'rate', retryAfter: Math.max(1, Math.ceil((oldest + 1000 - now) / 1000)) };
    }
    times.push(now);
    this.inFlight.set(token, flying + 1);
    let released = false;
    return {
      allowed: true,
      release: () => {
        if (released) return;
        released = true;
        this.inFlight.set(token, Math.max(0, (this.inFlight.get(token) ?? 1) - 1));
      },
    };
  }

  clear(): void {
    this.recent.clear();
    this.inFlight.clear();
  }
}
