// A push-driven AsyncIterator whose return() ends it at once (an async generator parked on an
// await would only see return() after its next value, leaving a closed subscription counted).
// Bounded: a consumer that stops taking values (a client that stops reading: the transport stops
// pulling once its socket buffers are full) trips `limit`'s overflow instead of growing it forever.
// `backlog()` tells the owner what was still waiting from before its previous call, so a burst
// pushed all at once (one poll's changes) is not mistaken for a consumer that stopped.
export class Channel<T> implements AsyncIterableIterator<T> {
  private readonly values: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private failWaiting: ((error: unknown) => void) | undefined;
  private error: unknown;
  private done = false;
  private released = false;
  private max = Infinity;
  private onOverflow: (() => void) | undefined;
  private pushedSinceMark = 0;

  constructor(private readonly onClose: () => void) {}

  /** At most `max` values wait; one more calls `onOverflow` (which should end it) and is dropped. */
  limit(max: number, onOverflow: () => void): void {
    this.max = max;
    this.onOverflow = onOverflow;
  }

  push(value: T): void {
    if (this.done || this.error !== undefined) return;
    this.pushedSinceMark++;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = this.failWaiting = undefined;
      resolve({ value, done: false });
    } else if (this.values.length >= this.max) this.onOverflow?.();
    else this.values.push(value);
  }

  /**
   * Ends the iterator with an error: after the values already queued, or, with `drop`, at once
   * (the queued values are dropped and onClose runs now, so the slot is free before anyone reads).
   */
  fail(error: unknown, drop = false): void {
    if (this.done || this.error !== undefined) return;
    if (this.failWaiting) {
      const reject = this.failWaiting;
      this.close();
      reject(error);
      return;
    }
    this.error = error;
    if (drop) {
      this.values.length = 0;
      this.release();
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.values.length > 0) return Promise.resolve({ value: this.values.shift()!, done: false });
    if (this.error !== undefined) {
      const error = this.error;
      this.error = undefined;
      this.close();
      return Promise.reject(error);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.close();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  get closed(): boolean {
    return this.done;
  }

  /** Values waiting for the consumer. */
  get queued(): number {
    return this.values.length;
  }

  /** How many values pushed before the previous call are still waiting; starts a new mark. */
  backlog(): number {
    const old = Math.max(0, this.values.length - this.pushedSinceMark);
    this.pushedSinceMark = 0;
    return old;
  }

  private close(): void {
    if (this.done) return;
    this.done = true;
    this.values.length = 0;
    const resolve = this.waiting;
    this.waiting = this.failWaiting = undefined;
    resolve?.({ value: undefined, done: true });
    this.release();
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    this.onClose();
  }
}
