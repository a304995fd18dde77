import { describe, expect, it } from 'vitest';
import type { ClopOrder } from '../../src/upstreams/clopos/types.js';
import { toOrder } from '../../src/upstreams/clopos/to-domain.js';
import { plainOrder } from '../../src/domain/plain.js';
import type { Order } from '../../src/domain/order.js';
import { baselineState, classify, parseState, serializeState } from '../../src/live/classify.js';
import { pollDelay } from '../../src/live/interval.js';
import { matches } from '../../src/live/live.js';

const at = (s: number) => new Date(Date.UTC(2026, 10, 20, 12, 0, s)).toISOString();
// What the poller classifies: Clopos orders read through the adapter, as plain domain data.
function order(id: number, status: ClopOrder['status'], created: number, updated: number, extra: Partial<ClopOrder> = {}): Order {
  return plainOrder(toOrder({ id, venue_id: 1, status, created_at: at(created), updated_at: at(updated), ...extra } as ClopOrder, 'AZN'));
}

describe('the poller classifies what a poll read', () => {
  const baseline = () => baselineState([order(3, 'PENDING', 8, 10), order(2, 'RECEIVED', 5, 9), order(1, 'DELIVERED', 1, 2)]);

  it('a baseline yields no change, and an unchanged order none either', () => {
    const state = baseline();
    expect(classify(state, [order(3, 'PENDING', 8, 10), order(2, 'RECEIVED', 5, 9)])).toEqual([]);
  });

  it('an unseen order created after the baseline is CREATED', () => {
    const [change] = classify(baseline(), [order(4, 'PENDING', 11, 11)]);
    expect(change).toMatchObject({ kind: 'CREATED', previousStatus: null, order: { id: '4' } });
  });

  it('an unseen order created before the baseline is UPDATED with previousStatus null', () => {
    const [change] = classify(baseline(), [order(0, 'IGNORE', 0, 12)]);
    expect(change).toMatchObject({ kind: 'UPDATED', previousStatus: null, order: { id: '0' } });
  });

  it('a known order whose status moved is STATUS_CHANGED with the status before', () => {
    const [change] = classify(baseline(), [order(2, 'DELIVERED', 5, 12)]);
    expect(change).toMatchObject({ kind: 'STATUS_CHANGED', previousStatus: 'RECEIVED', order: { id: '2', status: 'DELIVERED' } });
  });

  it('a known order that changed otherwise is UPDATED, keeping its status as previousStatus', () => {
    const [change] = classify(baseline(), [order(3, 'PENDING', 8, 12, { integration_status: 'SENT' })]);
    expect(change).toMatchObject({ kind: 'UPDATED', previousStatus: 'PENDING' });
  });

  it('changes within the watermark second are told apart by content, and come oldest first', () => {
    const state = baseline();
    expect(classify(state, [order(1, 'IGNORE', 1, 10), order(3, 'PENDING', 8, 10)]).map((c) => c.order.id)).toEqual(['1']);
    expect(classify(state, [order(3, 'RECEIVED', 8, 10), order(1, 'IGNORE', 1, 10)]).map((c) => c.kind)).toEqual(['STATUS_CHANGED']);
    expect(classify(state, [order(5, 'PENDING', 14, 14), order(2, 'DELIVERED', 5, 13)]).map((c) => c.order.id)).toEqual(['2', '5']);
  });

  it('orders older than the watermark are not looked at', () => {
    expect(classify(baseline(), [order(1, 'IGNORE', 1, 3)])).toEqual([]);
  });

  it('an empty baseline makes every order after it CREATED; the state survives serialization', () => {
    const state = parseState(serializeState(baselineState([])))!;
    expect(classify(state, [order(9, 'PENDING', 1, 1)])[0]?.kind).toBe('CREATED');
  });

  it('does not resume a state saved in another shape (REST ids and statuses): a new baseline follows', () => {
    expect(parseState(JSON.stringify({ w: 1, b: 1, k: [[3, { status: 'IGNORE', fingerprint: 'x' }]] }))).toBeUndefined();
  });

  it('ties in the same second come in id order, numeric ids by number and other ids by their text', () => {
    const state = baselineState([]);
    const named = (id: string) => ({ ...order(1, 'PENDING', 1, 1), id });
    expect(classify(state, [named('10'), named('9'), named('B2'), named('A3')]).map((c) => c.order.id)).toEqual(['9', '10', 'A3', 'B2']);
  });

  it('publishes orders that survive JSON unchanged, totals and money included', () => {
    const raw = {
      id: 7,
      venue_id: 1,
      status: 'PENDING',
      created_at: at(1),
      updated_at: at(1),
      payload: { products: [{ product_id: 5, count: 3, meta: { price: 0.1 } }], delivery_fee: 2.5 },
    } as ClopOrder;
    const [change] = classify(baselineState([]), [plainOrder(toOrder(raw, 'AZN'))]);
    const sent = JSON.parse(JSON.stringify(change)) as typeof change;
    expect(sent).toEqual(change);
    expect(sent?.order.total).toEqual({ minor: 280, currency: 'AZN' });
    expect(sent?.order.lines[0]?.total).toEqual({ minor: 30, currency: 'AZN' });
  });
});

describe('the poll interval', () => {
  it('is POLL_INTERVAL_MS while all is well, stretched as the quota runs low and while Clopos fails', () => {
    const ok = { breaker: 'closed' as const, limit: 280 };
    expect(pollDelay(3000, ok)).toBe(3000);
    expect(pollDelay(3000, { ...ok, remaining: Infinity })).toBe(3000);
    expect(pollDelay(3000, { ...ok, remaining: 100 })).toBe(6000);
    expect(pollDelay(3000, { ...ok, remaining: 50 })).toBe(12_000);
    expect(pollDelay(3000, { ...ok, remaining: 5 })).toBe(24_000);
    expect(pollDelay(3000, { ...ok, breaker: 'half-open' })).toBe(12_000);
    expect(pollDelay(3000, { ...ok, breaker: 'open' })).toBe(24_000);
    expect(pollDelay(3000, ok, 1)).toBe(6000);
    expect(pollDelay(10_000, { ...ok, breaker: 'open' })).toBe(60_000);
  });
});

describe('a subscription filter', () => {
  it('matches the order as it is now', () => {
    const o = order(1, 'RECEIVED', 1, 2);
    expect(matches({ status: 'RECEIVED', venueId: '1' }, o)).toBe(true);
    expect(matches({ status: 'PENDING' }, o)).toBe(false);
    expect(matches({ venueId: '2' }, o)).toBe(false);
    expect(matches({ createdFrom: '2026-11-20', createdTo: '2026-11-20' }, o)).toBe(true);
    expect(matches({ createdFrom: '2026-11-21' }, o)).toBe(false);
  });
});
