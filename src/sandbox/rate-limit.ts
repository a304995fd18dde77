// Sliding one-minute windows (facts §1.12). Only the newest `limit` timestamps per key are kept:
// that is all the headers need (Remaining hits 0 at `limit`; Reset is when the oldest of those
// leaves the window, i.e. when a slot frees up), and it keeps each hit O(1) at benchmark rates.
export const WINDOW_MS = 60_000;

export interface RateState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the oldest counted request leaves the window. */
  reset: number;
}

class Window {
  private times: number[] = [];
  private head = 0;

  constructor(private readonly limit: number) {}

  hit(now: number, enforce: boolean): RateState {
    this.evict(now);
    const full = this.times.length - this.head >= this.limit;
    // A refused request is not counted: a client that backs off for Reset seconds gets through.
    const allowed = !(enforce && full);
    if (allowed) {
      this.times.push(now);
      if (this.times.length - this.head > this.limit) this.head++;
      this.compact();
    }
    const count = this.times.length - this.head;
    const oldest = this.times[this.head] ?? now;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(0, this.limit - count),
      reset: Math.max(0, Math.ceil((oldest + WINDOW_MS - now) / 1000)),
    };
  }

  private evict(now: number): void {
    const cutoff = now - WINDOW_MS;
    while (this.head < this.times.length && (this.times[this.head] ?? Infinity) <= cutoff) this.head++;
    this.compact();
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(readonly limit: number, private readonly enforce: boolean) {}

  hit(key: string, now = Date.now()): RateState {
    let window = this.windows.get(key);
    if (!window) {
      window = new Window(this.limit);
      this.windows.set(key, window);
    }
    return window.hit(now, this.enforce);
  }

  clear(): void {
    this.windows.clear();
  }
}

export function rateLimitHeaders(state: RateState): Record<string, string> {
  return {
    'RateLimit-Limit': String(state.limit),
    'RateLimit-Remaining': String(state.remaining),
    'RateLimit-Reset': String(state.reset),
  };
}
