// Turns what one poll read into changes. Pure: the poller owns the state and the clock.
//
// It reads domain Orders (OrderUpstream.recentlyUpdated), so any POS works. A POS may keep whole
// seconds in updatedAt (Clopos does), so several changes can share the watermark's second: orders
// at the watermark are read again every poll and told apart by a fingerprint of their content,
// never by the timestamp alone.
import { createHash } from 'node:crypto';
import type { Order, OrderStatus } from '../domain/order.js';
import type { ChangeKind } from './types.js';

export interface KnownOrder {
  status: OrderStatus;
  fingerprint: string;
}

export interface PollerState {
  /** The newest updatedAt seen (the POS's clock, ms); reading stops at orders older than this. */
  watermark: number;
  /** The newest updatedAt of the baseline page (0: it was empty): orders created at or after it are new. */
  baseline: number;
  /** What the poller knows of each order, oldest entry first (bounded). */
  known: Map<string, KnownOrder>;
}

export interface Classified {
  kind: ChangeKind;
  /** Plain data (plainOrder): it is published as JSON. */
  order: Order;
  previousStatus: OrderStatus | null;
}

/** How many orders the poller remembers (for `previousStatus`); the oldest are forgotten first. */
export const MAX_KNOWN = 2000;

export const timeOf = (value: string | null | undefined): number => {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
};

/** When the order last changed (its creation when the POS gives no update time), ms. */
const changedAt = (order: Order): number => timeOf(order.updatedAt ?? order.createdAt);

/** Ids are opaque strings: numeric ones (Clopos) in numeric order, the rest by their text. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** `order` as plain data (see plainOrder): its JSON is its content. */
export function fingerprint(order: Order): string {
  return createHash('sha1').update(JSON.stringify(order)).digest('base64url').slice(0, 16);
}

/** The state a baseline page (most recently updated first) gives: known orders, no changes. */
export function baselineState(page: Order[]): PollerState {
  const state: PollerState = { watermark: 0, baseline: 0, known: new Map() };
  for (const order of [...page].reverse()) remember(state, order);
  state.baseline = state.watermark;
  return state;
}

function remember(state: PollerState, order: Order): void {
  state.known.delete(order.id);
  state.known.set(order.id, { status: order.status, fingerprint: fingerprint(order) });
  if (state.known.size > MAX_KNOWN) state.known.delete(state.known.keys().next().value!);
  state.watermark = Math.max(state.watermark, changedAt(order));
}

/**
 * Applies the orders one poll read (any order; those older than the watermark are ignored) and
 * returns the changes, oldest first. Mutates `state`.
 */
export function classify(state: PollerState, orders: Order[]): Classified[] {
  const watermark = state.watermark;
  const fresh = orders.filter((o) => changedAt(o) >= watermark).sort((a, b) => changedAt(a) - changedAt(b) || compareIds(a.id, b.id));
  const changes: Classified[] = [];
  const seen = new Set<string>();
  for (const order of fresh) {
    if (seen.has(order.id)) continue;
    seen.add(order.id);
    const before = state.known.get(order.id);
    if (before && before.fingerprint === fingerprint(order)) continue;
    let kind: ChangeKind;
    let previousStatus: OrderStatus | null = null;
    if (!before) kind = timeOf(order.createdAt) >= state.baseline ? 'CREATED' : 'UPDATED';
    else if (before.status !== order.status) {
      kind = 'STATUS_CHANGED';
      previousStatus = before.status;
    } else {
      kind = 'UPDATED';
      previousStatus = before.status;
    }
    remember(state, order);
    changes.push({ kind, order, previousStatus });
  }
  return changes;
}

/** Saved states carry this; one of another version (a REST-shaped state from before) is not resumed. */
const STATE_VERSION = 2;

export function serializeState(state: PollerState): string {
  return JSON.stringify({ v: STATE_VERSION, w: state.watermark, b: state.baseline, k: [...state.known] });
}

/** Undefined for a state this poller cannot resume (it then takes a new baseline, with RESYNC). */
export function parseState(text: string): PollerState | undefined {
  const raw = JSON.parse(text) as { v?: number; w: number; b: number; k: Array<[string, KnownOrder]> };
  if (raw.v !== STATE_VERSION) return undefined;
  return { watermark: raw.w, baseline: raw.b, known: new Map(raw.k) };
}
