// The fan-out of one instance: every change the store delivers goes to every subscription whose
// filter matches, with one store listener for the whole instance. Subscriptions are grouped by a
// canonical key of their filter, so a change is matched once per distinct filter (not once per
// subscriber), and every subscriber receives the same message object: the graph's shared
// execution (src/http/shared-events.ts) keys its per-event result, and so its serialized bytes,
// on that object. Kept apart from the poller (live.ts), which only publishes to the store.
import type { ClopOrder } from '../clopos/types.js';
import type { Channel } from './channel.js';
import type { ChangeListener, TickListener } from './store.js';
import { atMs, type FeedMessage, type FeedTick, type OrderChangeEvent } from './types.js';

/** A subscription as the fan-out sees it. */
export interface Member {
  channel: Channel<FeedMessage>;
  /** A change for this member (matched by its group's filter), with its `at` in ms and the shared message. */
  change(event: OrderChangeEvent, at: number, message: FeedMessage): void;
  tick(tick: FeedTick, resync: FeedMessage | undefined): void;
}

interface Group<F> {
  filter: F;
  members: Set<Member>;
}

export class FanOut<F> {
  private readonly groups = new Map<string, Group<F>>();
  private count = 0;

  constructor(
    private readonly keyOf: (filter: F) => string,
    private readonly matches: (filter: F, order: ClopOrder) => boolean,
    /** The `feedAt` every message carries, read once per delivery. */
    private readonly feedAt: () => string | null,
  ) {}

  /** Subscribers currently listening. */
  get size(): number {
    return this.count;
  }

  /** Distinct filters currently listened to. */
  get filters(): number {
    return this.groups.size;
  }

  /** Every subscription's channel, copied (closing one removes it). */
  channels(): Array<Channel<FeedMessage>> {
    return [...this.groups.values()].flatMap((group) => [...group.members].map((member) => member.channel));
  }

  add(filter: F, member: Member): () => void {
    const key = this.keyOf(filter);
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { filter, members: new Set() }));
    group.members.add(member);
    this.count++;
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      group.members.delete(member);
      this.count--;
      if (group.members.size === 0 && this.groups.get(key) === group) this.groups.delete(key);
    };
  }

  /** The store's listeners: one for the whole instance. */
  readonly onChange: ChangeListener = (event) => {
    if (this.count === 0) return;
    const at = atMs(event);
    let message: FeedMessage | undefined;
    for (const group of this.groups.values()) {
      if (!this.matches(group.filter, event.order)) continue;
      message ??= { ...event, feedAt: this.feedAt() };
      for (const member of group.members) member.change(event, at, message);
    }
  };

  readonly onTick: TickListener = (tick) => {
    if (this.count === 0) return;
    const resync = tick.resync ? this.signal('RESYNC') : undefined;
    for (const group of this.groups.values()) for (const member of group.members) member.tick(tick, resync);
  };

  /** One HEARTBEAT message, pushed to every subscription. */
  heartbeat(): void {
    if (this.count === 0) return;
    const message = this.signal('HEARTBEAT');
    for (const group of this.groups.values()) for (const member of group.members) member.channel.push(message);
  }

  signal(kind: 'RESYNC' | 'HEARTBEAT'): FeedMessage {
    return { kind, order: null, previousStatus: null, at: new Date().toISOString(), feedAt: this.feedAt() };
  }
}

/** The canonical key of a filter: the same filter, however written, is one group. */
export function filterKey(filter: { status?: string | null; venueId?: string | null; createdFrom?: string | null; createdTo?: string | null } | null | undefined): string {
  if (!filter) return '';
  const key = `${filter.status ?? ''}|${filter.venueId ?? ''}|${filter.createdFrom ?? ''}|${filter.createdTo ?? ''}`;
  return key === '|||' ? '' : key;
}
