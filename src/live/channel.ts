// A push-driven AsyncIterator whose return() ends it at once (an async generator parked on an
// await would only see return() after its next value, leaving a closed subscription counted).
export class Channel<T> implements AsyncIterableIterator<T> {
  private readonly values: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private failWaiting: ((error: unknown) => void) | undefined;
  private error: unknown;
  private done = false;

  constructor(private readonly onClose: () => void) {}

  push(value: T): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = this.failWaiting = undefined;
      resolve({ value, done: false });
    } else this.values.push(value);
  }

  /** Ends the iterator with an error (after the values already queued). */
  fail(error: unknown): void {
    if (this.done) return;
    if (this.failWaiting) {
      const reject = this.failWaiting;
      this.close();
      reject(error);
    } else this.error = error;
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

  private close(): void {
    if (this.done) return;
    this.done = true;
    this.values.length = 0;
    const resolve = this.waiting;
    this.waiting = this.failWaiting = undefined;
    resolve?.({ value: undefined, done: true });
    this.onClose();
  }
}
