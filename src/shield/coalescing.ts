// Identical calls in flight at the same time share one promise: a hundred frontends polling the
// same list cost one Clopos call. Always on: it never serves anything older than the call itself.
export class Coalescer {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  /** `joined` is told when the call rides on one already in flight. */
  run<T>(key: string, joined: (() => void) | undefined, call: () => Promise<T>): Promise<T> {
    const pending = this.inFlight.get(key);
    if (pending) {
      joined?.();
      return pending as Promise<T>;
    }
    const started = call().finally(() => {
      // Only our own entry: forget() may have let a newer call take the key meanwhile.
      if (this.inFlight.get(key) === started) this.inFlight.delete(key);
    });
    this.inFlight.set(key, started);
    return started;
  }

  /**
   * Lets the next caller of matching keys start afresh (after a create or cancel, a call that was
   * already in flight may carry the old state); those already waiting keep their promise.
   */
  forget(matches: (key: string) => boolean): void {
    for (const key of [...this.inFlight.keys()]) if (matches(key)) this.inFlight.delete(key);
  }

  get size(): number {
    return this.inFlight.size;
  }
}
