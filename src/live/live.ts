// Live order updates: one poller per gateway credentials, shared by every subscription.
//
// The poller runs only while someone is subscribed (on any instance, with Redis: the instance
// holding the lease polls for all) and stops `lingerMs` after the last subscription ends. Its
// first poll reads the most recently updated page as a baseline; each later poll reads GET /orders
// sorted by updated_at descending, page after page until it reaches its watermark, and publishes
// what changed. A poller that starts within STATE_TTL_MS of the previous one's last poll (the
// lease moved, or a subscriber came back) resumes from its saved state instead, so nothing is lost.
//
// Gaps and staleness: after each poll a tick (the poll's time) follows its changes to every
// instance. A baseline taken afresh, or a store that may have lost changes (Redis failover), marks
// the tick `resync`, and every subscription then gets a RESYNC message: reload, the feed is
// continuous again from here. Every message carries `feedAt` (the last poll this instance knows
// of), and a HEARTBEAT every `heartbeatMs` says the stream is alive when nothing changes.
// Slow consumers: when a poll's tick arrives and a subscription still holds more than `maxQueued`
// messages from before the previous tick (its client took none of them in a whole poll interval:
// the socket buffers are full), or it holds a poll's worth more than that at any time, it ends with
// SLOW_CONSUMER, its slot is freed and its connection is closed. One poll's burst never counts.
import { CodedError } from '../errors.js';
import type { Order, OrderStatus } from '../domain/order.js';
import { plainOrder } from '../domain/plain.js';
import type { OrderUpstream } from '../domain/upstream.js';
import { errorLog } from '../observability/log-errors.js';
import { runDetached } from '../request-scope.js';
import { Channel } from './channel.js';
import { baselineState, classify, parseState, serializeState, timeOf, type PollerState } from './classify.js';
import { pollDelay, type PollSignals } from './interval.js';
import type { LiveStore } from './store.js';
import { MemorySlots, type SubscriptionSlots } from '../redis/limits.js';
import { atMs, type FeedMessage, type FeedTick, type OrderChangeEvent } from './types.js';

export interface LiveFilter {
  /** The graph's status (CANCELLED), compared with the order's status as the graph shows it. */
  status?: OrderStatus | null;
  venueId?: string | null;
  /** YYYY-MM-DD, inclusive, on created_at (UTC). */
  createdFrom?: string | null;
  createdTo?: string | null;
}

export interface LiveLogger {
  warn(object: object, message: string): void;
  debug(object: object, message: string): void;
}

/** Per subscription, from the transport: how to drop a client that stopped reading. */
export interface SubscribeOptions {
  /** Closes the client's connection (SSE response or WebSocket); absent in process. */
  disconnect?: () => void;
}

export interface LiveOptions {
  /**
   * The POS, read only through the port's `recentlyUpdated`, on a client without the GET cache
   * (every poll must see the POS as it is now). A second POS only implements that.
   */
  upstream: Pick<OrderUpstream, 'recentlyUpdated'>;
  store: LiveStore;
  /** POLL_INTERVAL_MS. */
  pollIntervalMs: number;
  /** GATEWAY_MAX_SUBSCRIPTIONS_PER_KEY; 0: no limit. */
  maxSubscriptionsPerKey: number;
  /** Where the per-key count lives (Redis, shared by every instance). Default: this instance's memory. */
  slots?: SubscriptionSlots;
  /** How long the poller keeps going after the last subscription ends. Default 5000. */
  lingerMs?: number;
  /** How often an instance without the lease asks for it again. Default min(1000, pollIntervalMs). */
  leaseRetryMs?: number;
  /** The breaker and the quota, read before every wait. Default: closed, quota unknown. */
  signals?: () => PollSignals;
  /** How often every subscription gets a HEARTBEAT (with `feedAt`). Default 10000. */
  heartbeatMs?: number;
  /** Messages a subscription may hold, from before the latest poll, for a client that is not reading. Default 1000. */
  maxQueued?: number;
  /** Orders per upstream page. Default 100. */
  pageSize?: number;
  /** Pages one poll reads at most before it gives up on catching up and takes a new baseline. Default 10. */
  maxPages?: number;
  logger?: LiveLogger;
}

/** A coded refusal or end of a subscription; plain (no GraphQL here): the graph's masking shows its code. */
export class LiveError extends CodedError {}

export function matches(filter: LiveFilter | null | undefined, order: Order): boolean {
  if (!filter) return true;
  if (filter.status && order.status !== filter.status) return false;
  if (filter.venueId && (order.venueId ?? '') !== filter.venueId) return false;
  if (filter.createdFrom || filter.createdTo) {
    const day = new Date(timeOf(order.createdAt)).toISOString().slice(0, 10);
    if (filter.createdFrom && day < filter.createdFrom) return false;
    if (filter.createdTo && day > filter.createdTo) return false;
  }
  return true;
}

const quiet: LiveLogger = { warn: () => undefined, debug: () => undefined };

export class LiveOrders {
  private readonly open = new Set<Channel<FeedMessage>>();
  /** The last poll this instance heard of (ms). */
  private feedAt: number | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly stopFeed: () => void;
  private subscriptions = 0;
  private wanted = false;
  private loop: Promise<void> | undefined;
  private linger: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;
  private state: PollerState | undefined;
  private lastAt = 0;
  private failures = 0;
  private leading = false;
  private closed = false;
  private readonly o: Required<Omit<LiveOptions, 'signals'>> & Pick<LiveOptions, 'signals'>;

  constructor(options: LiveOptions) {
    this.o = {
      lingerMs: 5000,
      leaseRetryMs: Math.min(1000, options.pollIntervalMs),
      heartbeatMs: 10_000,
      maxQueued: 1000,
      pageSize: 100,
      maxPages: 10,
      logger: quiet,
      slots: new MemorySlots(),
      ...options,
    };
    // Instance-wide, before any subscription listens, so each message carries the newest feedAt.
    this.stopFeed = this.o.store.listen(
      () => undefined,
      (tick) => {
        this.feedAt = Math.max(this.feedAt ?? 0, tick.polledAt);
      },
    );
    // One timer for every subscription, independent of any request.
    this.heartbeat = setInterval(() => {
      for (const channel of this.open) this.signal(channel, 'HEARTBEAT');
    }, this.o.heartbeatMs);
    this.heartbeat.unref();
  }

  private feedAtIso(): string | null {
    return this.feedAt === undefined ? null : new Date(this.feedAt).toISOString();
  }

  private signal(channel: Channel<FeedMessage>, kind: 'RESYNC' | 'HEARTBEAT'): void {
    channel.push({ kind, order: null, previousStatus: null, at: new Date().toISOString(), feedAt: this.feedAtIso() });
  }

  /** For tests and metrics: is this instance's poller loop running, and does it hold the lease. */
  status(): { subscriptions: number; polling: boolean; leading: boolean } {
    return { subscriptions: this.subscriptions, polling: this.loop !== undefined, leading: this.leading };
  }

  /**
   * A subscription for `caller` (its key's id): the changes matching `filter`, after replaying
   * those logged since `since` (ISO) when given. Throws TOO_MANY_SUBSCRIPTIONS over the key's limit.
   */
  async subscribe(
    caller: string,
    filter: LiveFilter | null | undefined,
    since?: string | null,
    options: SubscribeOptions = {},
  ): Promise<AsyncIterableIterator<FeedMessage>> {
    if (this.closed) throw new LiveError('The gateway is shutting down.', 'UPSTREAM_UNAVAILABLE');
    const slot = await this.o.slots.acquire(caller, this.o.maxSubscriptionsPerKey);
    if ('held' in slot) {
      const who = caller.startsWith('ip:') ? 'This client address' : 'This API key';
      throw new LiveError(`${who} already holds ${slot.held} subscriptions, the most allowed.`, 'TOO_MANY_SUBSCRIPTIONS');
    }
    if (this.closed) {
      slot.release();
      throw new LiveError('The gateway is shutting down.', 'UPSTREAM_UNAVAILABLE');
    }
    this.subscriptions++;
    this.demand();

    let lastAt = -Infinity;
    let buffered: Array<OrderChangeEvent | FeedTick> | undefined = since ? [] : undefined;
    const overflow = () => {
      this.o.logger.warn({ caller, queued: this.o.maxQueued }, 'live orders: a subscriber stopped reading; disconnecting it');
      channel.fail(
        new LiveError(
          `This subscription was ended: its client stopped reading and ${this.o.maxQueued} messages were waiting. Subscribe again (with \`since\`) when ready.`,
          'SLOW_CONSUMER',
        ),
        true,
      );
      options.disconnect?.();
    };
    const channel: Channel<FeedMessage> = new Channel(() => {
      this.open.delete(channel);
      unlisten();
      slot.release();
      this.subscriptions--;
      if (this.subscriptions === 0) this.idle();
    });
    // The hard cap: the backlog plus one poll's worth of changes (and a few signals).
    channel.limit(this.o.maxQueued + this.o.pageSize * this.o.maxPages + 100, overflow);
    this.open.add(channel);
    // At most once each, in `at` order: the replay and the live feed overlap at the hand-off.
    const emit = (event: OrderChangeEvent) => {
      const at = atMs(event);
      if (at <= lastAt) return;
      lastAt = at;
      if (matches(filter, event.order)) channel.push({ ...event, feedAt: this.feedAtIso() });
    };
    const tick = (t: FeedTick) => {
      if (channel.backlog() > this.o.maxQueued) return overflow();
      if (t.resync) this.signal(channel, 'RESYNC');
    };
    // Listening starts before the replay is read, so nothing falls between the two.
    const unlisten = this.o.store.listen(
      (event) => (buffered ? buffered.push(event) : emit(event)),
      (t) => (buffered ? buffered.push(t) : tick(t)),
    );
    // At once, so a client knows the stream is open and how fresh the feed is before any change.
    this.signal(channel, 'HEARTBEAT');
    if (since) {
      const sinceMs = Date.parse(since);
      lastAt = sinceMs;
      try {
        const events = await this.replay(sinceMs);
        for (const event of events) emit(event);
        for (const message of buffered ?? []) 'polledAt' in message ? tick(message) : emit(message);
        buffered = undefined;
      } catch (error) {
        // Refused before it started: the caller gets an error result, and the slot is freed.
        await channel.return();
        throw error;
      }
    }
    return channel;
  }

  private async replay(sinceMs: number): Promise<OrderChangeEvent[]> {
    // Wait for a poller to be running (this subscription just asked for one), so the coverage
    // below says whether the log holds everything after `since`.
    const deadline = Date.now() + Math.max(5000, 3 * this.o.pollIntervalMs);
    let coverage = await this.o.store.coverage();
    while (!coverage.running && Date.now() < deadline && !this.closed) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      coverage = await this.o.store.coverage();
    }
    if (!coverage.running || sinceMs < coverage.from) {
      throw new LiveError(
        'The gateway no longer holds every change since `since`: reload the orders and subscribe again without `since`.',
        'REPLAY_UNAVAILABLE',
      );
    }
    return this.o.store.replay(sinceMs);
  }

  private demand(): void {
    clearTimeout(this.linger);
    this.linger = undefined;
    this.wanted = true;
    // Detached: the first subscriber's request starts the loop, which must outlive it.
    this.loop ??= runDetached(() => this.run()).finally(() => {
      this.loop = undefined;
      // A subscriber arrived while the loop was winding down.
      if (this.wanted && !this.closed) this.demand();
    });
  }

  private idle(): void {
    clearTimeout(this.linger);
    this.linger = runDetached(() => setTimeout(() => {
      this.wanted = false;
      this.wake?.();
    }, this.o.lingerMs));
    this.linger.unref();
  }

  private async run(): Promise<void> {
    while (this.wanted && !this.closed) {
      let delay = this.o.leaseRetryMs;
      try {
        if (await this.o.store.holdLease()) {
          this.leading = true;
          await this.poll();
          this.failures = 0;
          delay = pollDelay(this.o.pollIntervalMs, this.signals());
        } else {
          // Another instance polls; its saved state is the one to resume from if the lease comes here.
          this.leading = false;
          this.state = undefined;
        }
      } catch (error) {
        this.failures++;
        delay = pollDelay(this.o.pollIntervalMs, this.signals(), this.failures);
        // A coded Clopos error (unavailable, rate limited) without a stack; a bug with one.
        this.o.logger.warn({ ...errorLog(error).fields, failures: this.failures, nextPollMs: delay }, 'live orders: poll failed');
      }
      if (!this.wanted || this.closed) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    if (this.leading) {
      this.leading = false;
      this.state = undefined;
      await this.o.store.setCoverage({ running: false }).catch(() => undefined);
      await this.o.store.releaseLease().catch(() => undefined);
    }
  }

  private signals(): PollSignals {
    return this.o.signals?.() ?? { breaker: 'closed', limit: 0 };
  }

  /** One page, newest update first, as plain data (it is fingerprinted and published as JSON). */
  private async list(page: number): Promise<Order[]> {
    return (await this.o.upstream.recentlyUpdated(page, this.o.pageSize)).map(plainOrder);
  }

  private async poll(): Promise<void> {
    if (!this.state) {
      const saved = await this.o.store.loadState();
      const resumed = saved && parseState(saved.state);
      if (saved && resumed) {
        this.state = resumed;
        this.lastAt = Math.max(this.lastAt, saved.lastAt);
        await this.o.store.setCoverage({ running: true });
      } else {
        await this.baseline();
        return;
      }
    }
    const state = this.state;
    const orders: Order[] = [];
    for (let page = 1; ; page++) {
      const batch = await this.list(page);
      orders.push(...batch);
      const oldest = batch.at(-1);
      if (batch.length < this.o.pageSize || !oldest || timeOf(oldest.updatedAt ?? oldest.createdAt) < state.watermark) break;
      if (page >= this.o.maxPages) {
        // Too far behind to catch up: start over, and say the log has a gap.
        this.o.logger.warn({ pages: page }, 'live orders: too many changes to catch up, taking a new baseline');
        await this.baseline();
        return;
      }
    }
    const changes = classify(state, orders);
    const events = changes.map((change): OrderChangeEvent => ({ ...change, at: new Date(this.nextAt()).toISOString() }));
    // Every poll, changes or not: the tick tells subscribers on every instance the feed is current.
    await this.o.store.publish(events, { polledAt: Date.now() });
    await this.o.store.saveState({ state: serializeState(state), lastAt: this.lastAt });
  }

  private async baseline(): Promise<void> {
    const orders = await this.list(1);
    this.state = baselineState(orders);
    const from = this.nextAt();
    await this.o.store.setCoverage({ from, running: true });
    await this.o.store.saveState({ state: serializeState(this.state), lastAt: this.lastAt });
    // Whatever changed before this baseline was never published: every subscriber reloads.
    await this.o.store.publish([], { polledAt: Date.now(), resync: true });
    this.o.logger.debug({ orders: orders.length }, 'live orders: baseline taken');
  }

  /** Unique, increasing instants (ms), also across pollers (the last one is saved with the state). */
  private nextAt(): number {
    this.lastAt = Math.max(Date.now(), this.lastAt + 1);
    return this.lastAt;
  }

  /** Ends every subscription and the poller (shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    this.wanted = false;
    clearTimeout(this.linger);
    clearInterval(this.heartbeat);
    this.stopFeed();
    this.wake?.();
    for (const channel of [...this.open]) void channel.return();
    await this.loop;
    this.o.slots.close();
    await this.o.store.close();
  }
}
