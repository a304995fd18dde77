// Turns what one poll read into changes. Pure: the poller owns the state and the clock.
//
// Clopos keeps whole seconds in updated_at, so several changes can share the watermark's second:
// orders at the watermark are read again every poll and told apart by a fingerprint of their
// content, never by the timestamp alone.
import { createHash } from 'node:crypto';
import type { ClopOrder, ClopOrderStatus } from '../upstreams/clopos/types.js';
import type { ChangeKind } from './types.js';

export interface KnownOrder {
  status: ClopOrderStatus;
  fingerprint: string;
}

export interface PollerState {
  /** The newest updated_at seen (Clopos's clock, ms); reading stops at orders older than this. */
  watermark: number;
  /** The newest updated_at of the baseline page (0: it was empty): orders created at or after it are new. */
  baseline: number;
  /** What the poller knows of each order, oldest entry first (bounded). */
  known: Map<number, KnownOrder>;
}

export interface Classified {
  kind: ChangeKind;
  order: ClopOrder;
  previousStatus: ClopOrderStatus | null;
}

/** How many orders the poller remembers (for `previousStatus`); the oldest are forgotten first. */
export const MAX_KNOWN = 2000;

export const timeOf = (value: string | null | undefined): number => {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
};

export function fingerprint(order: ClopOrder): string {
  return createHash('sha1').update(JSON.stringify(order)).digest('base64url').slice(0, 16);
}

/** The state a baseline page (most recently updated first) gives: known orders, no changes. */
export function baselineState(page: ClopOrder[]): PollerState {
  const state: PollerState = { watermark: 0, baseline: 0, known: new Map() };
  for (const order of [...page].reverse()) remember(state, order);
  state.baseline = state.watermark;
  return state;
}

function remember(state: PollerState, order: ClopOrder): void {
  state.known.delete(order.id);
  state.known.set(order.id, { status: order.status, fingerprint: fingerprint(order) });
  if (state.known.size > MAX_KNOWN) state.known.delete(state.known.keys().next().value!);
  state.watermark = Math.max(state.watermark, timeOf(order.updated_at ?? order.created_at));
}

/**
 * Applies the orders one poll read (any order; those older than the watermark are ignored) and
 * returns the changes, oldest first. Mutates `state`.
 */
export function classify(state: PollerState, orders: ClopOrder[]): Classified[] {
  const watermark = state.watermark;
  const fresh = orders
    .filter((o) => timeOf(o.updated_at ?? o.created_at) >= watermark)
    .sort((a, b) => timeOf(a.updated_at ?? a.created_at) - timeOf(b.updated_at ?? b.created_at) || a.id - b.id);
  const changes: Classified[] = [];
  const seen = new Set<number>();
  for (const order of fresh) {
    if (seen.has(order.id)) continue;
    seen.add(order.id);
    const before = state.known.get(order.id);
    if (before && before.fingerprint === fingerprint(order)) continue;
    let kind: ChangeKind;
    let previousStatus: ClopOrderStatus | null = null;
    if (!before) kind = timeOf(order.created_at) >= state.baseline ? 'CREATED' : 'UPDATED';
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

export function serializeState(state: PollerState): string {
  return JSON.stringify({ w: state.watermark, b: state.baseline, k: [...state.known] });
}

export function parseState(text: string): PollerState {
  const raw = JSON.parse(text) as { w: number; b: number; k: Array<[number, KnownOrder]> };
  return { watermark: raw.w, baseline: raw.b, known: new Map(raw.k) };
}
