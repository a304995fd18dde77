// Demo mode: keeps the data moving the way a busy restaurant would, so order boards and
// subscriptions have something to show. Each tick: the oldest RECEIVED order is delivered, the
// oldest PENDING one is accepted (getting an open receipt), and a new PENDING order arrives.
import { DEFAULT_DEMO_INTERVAL_MS } from './context.js';
import type { OrderStore, StoredOrder } from './store.js';
import type { CatalogStore } from './catalog-store.js';

export const MIN_DEMO_INTERVAL_MS = 10;

function oldest(store: OrderStore, status: StoredOrder['order']['status']): StoredOrder | undefined {
  let found: StoredOrder | undefined;
  for (const s of store.values()) {
    if (s.order.status === status && (!found || s.createdSec < found.createdSec || (s.createdSec === found.createdSec && s.order.id < found.order.id))) found = s;
  }
  return found;
}

export class DemoRunner {
  private timer: NodeJS.Timeout | undefined;
  private interval: number | undefined;

  constructor(
    private readonly store: OrderStore,
    private readonly catalog?: CatalogStore,
  ) {}

  get intervalMs(): number | undefined {
    return this.interval;
  }

  start(intervalMs = DEFAULT_DEMO_INTERVAL_MS): void {
    if (!Number.isFinite(intervalMs) || intervalMs < MIN_DEMO_INTERVAL_MS) {
      throw new RangeError(`Demo interval must be at least ${MIN_DEMO_INTERVAL_MS} ms`);
    }
    this.stop();
    this.interval = intervalMs;
    this.timer = setInterval(() => this.tick(), intervalMs);
    // Never keep a test run or the gateway's process alive just for the demo.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.interval = undefined;
  }

  tick(): void {
    const received = oldest(this.store, 'RECEIVED');
    if (received) this.store.setStatus(received.order.id, 'DELIVERED');
    const pending = oldest(this.store, 'PENDING');
    if (pending) this.store.setStatus(pending.order.id, 'RECEIVED');
    this.store.add({ status: 'PENDING' });
    // The stop-list changes during service: one product runs out or comes back.
    this.catalog?.demoTick();
  }
}
