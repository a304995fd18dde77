// Where the live machinery keeps what instances share: the change log (bounded, for `since`), the
// fan-out of new changes, the poller's lease and its state. In memory for one instance; Redis
// (redis-store.ts) for several.
import type { FeedTick, OrderChangeEvent } from './types.js';
import { atMs } from './types.js';

export type ChangeListener = (event: OrderChangeEvent) => void;
export type TickListener = (tick: FeedTick) => void;

/** The change log keeps this many changes for `since`. */
export const LOG_SIZE = 1000;
/** A poller's saved state older than this is not resumed: the next poller takes a fresh baseline. */
export const STATE_TTL_MS = 30_000;

/** Over which stretch the log is complete: every change after `from` is in it while `running`. */
export interface Coverage {
  from: number;
  running: boolean;
}

export interface SavedState {
  state: string;
  /** The last `at` handed out, so a successor's stay increasing. */
  lastAt: number;
}

export interface LiveStore {
  /**
   * Appends to the log and delivers to every listener (on every instance): the changes, then the
   * tick (the poll that found them). A store that could not deliver everything to this instance
   * since its last tick (Redis went away or came back) marks the next tick it delivers `resync`.
   */
  publish(events: OrderChangeEvent[], tick?: FeedTick): Promise<void>;
  listen(listener: ChangeListener, onTick?: TickListener): () => void;
  /** Logged changes with `at` after `sinceMs`, oldest first. */
  replay(sinceMs: number): Promise<OrderChangeEvent[]>;
  coverage(): Promise<Coverage>;
  setCoverage(change: Partial<Coverage>): Promise<void>;
  /** Takes or renews the lease to poll; false while another instance holds it. */
  holdLease(): Promise<boolean>;
  releaseLease(): Promise<void>;
  loadState(): Promise<SavedState | undefined>;
  saveState(saved: SavedState): Promise<void>;
  close(): Promise<void>;
}

export class MemoryLiveStore implements LiveStore {
  private log: OrderChangeEvent[] = [];
  private readonly listeners = new Set<{ change: ChangeListener; tick?: TickListener | undefined }>();
  private cover: Coverage = { from: 0, running: false };
  private saved: { value: SavedState; at: number } | undefined;

  constructor(private readonly logSize = LOG_SIZE) {}

  async publish(events: OrderChangeEvent[], tick?: FeedTick): Promise<void> {
    this.append(events);
    this.deliver(events);
    if (tick) this.deliverTick(tick);
  }

  /** The log half of publish (the Redis store's fallback delivers through its own listeners). */
  append(events: OrderChangeEvent[]): void {
    this.log.push(...events);
    const over = this.log.length - this.logSize;
    if (over > 0) {
      this.cover.from = Math.max(this.cover.from, atMs(this.log[over - 1]!));
      this.log = this.log.slice(over);
    }
  }

  deliver(events: OrderChangeEvent[]): void {
    for (const event of events) for (const listener of this.listeners) listener.change(event);
  }

  deliverTick(tick: FeedTick): void {
    for (const listener of this.listeners) listener.tick?.(tick);
  }

  listen(change: ChangeListener, tick?: TickListener): () => void {
    const listener = { change, tick };
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async replay(sinceMs: number): Promise<OrderChangeEvent[]> {
    return this.log.filter((event) => atMs(event) > sinceMs);
  }

  async coverage(): Promise<Coverage> {
    return { ...this.cover };
  }

  async setCoverage(change: Partial<Coverage>): Promise<void> {
    this.cover = { ...this.cover, ...change };
  }

  async holdLease(): Promise<boolean> {
    return true;
  }

  async releaseLease(): Promise<void> {}

  async loadState(): Promise<SavedState | undefined> {
    return this.saved && Date.now() - this.saved.at < STATE_TTL_MS ? this.saved.value : undefined;
  }

  async saveState(value: SavedState): Promise<void> {
    this.saved = { value, at: Date.now() };
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
