// The fan-out of one instance: every change the store delivers goes to every subscription whose
// filter matches, with one store listener for the whole instance. Subscriptions are grouped by a
// canonical key of their filter, so a change is matched once per distinct filter (not once per
// subscriber), and every subscriber receives the same message object: the graph's shared
// execution (src/http/shared-events.ts) keys its per-event result, and so its serialized bytes,
// on that object. Kept apart from the poller (live.ts), which only publishes to the store.
import type { Order } from '../domain/order.js';
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

/** Subscribers a delivery reaches per turn of the event loop. */
export const SLICE = 500;

export class FanOut<F> {
  private readonly groups = new Map<string, Group<F>>();
  private count = 0;

  constructor(
    private readonly keyOf: (filter: F) => string,
    private readonly matches: (filter: F, order: Order) => boolean,
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
      const shared = (message ??= { ...event, feedAt: this.feedAt() });
      this.enqueue([...group.members], (member) => member.change(event, at, shared));
    }
  };

  readonly onTick: TickListener = (tick) => {
    if (this.count === 0) return;
    const resync = tick.resync ? this.signal('RESYNC') : undefined;
    this.enqueue(this.members(), (member) => member.tick(tick, resync));
  };

  /** One HEARTBEAT message, pushed to every subscription. */
  heartbeat(): void {
    if (this.count === 0) return;
    const message = this.signal('HEARTBEAT');
    this.enqueue(this.members(), (member) => member.channel.push(message));
  }

  private members(): Member[] {
    const all: Member[] = [];
    for (const group of this.groups.values()) for (const member of group.members) all.push(member);
    return all;
  }

  // Delivery in slices: at most SLICE subscribers per turn of the event loop, the first slice at
  // once. Each push sets off that subscriber's chain (execution is shared, but each stream's
  // iterators, promises and socket write are its own); 10,000 of them in one turn kept every chain
  // alive together (about 7 KB each, promoted to the old generation: +70-100 MB of RSS per change
  // at 10,000 SSE subscribers) and wrote to the first socket only after the last chain had run.
  // In slices each one's writes go out before the next slice starts. Jobs run in order, so every
  // subscriber still receives the changes of a poll, then its tick, in order; the members of a job
  // are those subscribed when it was queued.
  private readonly jobs: Array<{ members: Member[]; next: number; deliver: (member: Member) => void }> = [];
  private pumping = false;

  private enqueue(members: Member[], deliver: (member: Member) => void): void {
    if (members.length === 0) return;
    this.jobs.push({ members, next: 0, deliver });
    if (!this.pumping) this.pump();
  }

  private readonly pump = (): void => {
    this.pumping = true;
    let budget = SLICE;
    try {
      while (this.jobs.length > 0 && budget > 0) {
        const job = this.jobs[0]!;
        const end = Math.min(job.members.length, job.next + budget);
        budget -= end - job.next;
        // `next` moves before the delivery: a throwing subscriber is not delivered to twice.
        while (job.next < end) job.deliver(job.members[job.next++]!);
        if (job.next >= job.members.length) this.jobs.shift();
      }
    } finally {
      if (this.jobs.length > 0) setImmediate(this.pump);
      else this.pumping = false;
    }
  };

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
