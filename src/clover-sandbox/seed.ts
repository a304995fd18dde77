// Seeded data: a few dozen orders over the last ~4 months, so the 90-day window shows (facts §2.6):
// most are recent, a few are 95-120 days old. States: open, locked and paid, hidden (state null),
// deleted. One order has 130 line items (past the nested cap of 100, facts §2.6).
import { createRng, intBetween, pick, type Rng } from '../sandbox/prng.js';
import type { CloverCustomer, CloverLineItem, CloverModification, CloverOrder } from './contract.js';
import { IdMaker } from './ids.js';

export const DAY_MS = 86_400_000;

/** A small catalogue: inventory items for `{"item":{"id"}}` lines, and modifiers. */
export interface Catalogue {
  items: Array<{ id: string; name: string; price: number }>;
  modifiers: Array<{ id: string; name: string; amount: number }>;
}

const ITEM_NAMES: Array<[string, number]> = [
  ['Burger', 1299], ['Fries', 449], ['Caesar Salad', 1050], ['Margherita Pizza', 1499], ['Lemonade', 350],
  ['Espresso', 275], ['Cheesecake', 725], ['Chicken Wings', 1125],
];
const MODIFIER_NAMES: Array<[string, number]> = [['Extra Cheese', 150], ['No Onions', 0], ['Large', 200], ['Oat Milk', 75], ['Spicy', 0]];
const FIRST = ['Ava', 'Liam', 'Maya', 'Noah', 'Zoe', 'Omar', 'Lena', 'Ivan'];
const LAST = ['Smith', 'Garcia', 'Chen', 'Novak', 'Aliyev', 'Brown', 'Khan', 'Rossi'];

export interface SeedData {
  merchantId: string;
  token: string;
  catalogue: Catalogue;
  customers: CloverCustomer[];
  orders: CloverOrder[];
}

/** Everything random after start (demo, addOrder, created ids) draws from this, apart from the seed data. */
export function laterRng(seed: number): Rng {
  return createRng(seed ^ 0xc10e);
}

export function orderTotal(lines: CloverLineItem[]): number {
  return lines.reduce((sum, l) => sum + l.price + l.modifications.reduce((s, m) => s + m.amount, 0), 0);
}

export function randomLines(rng: Rng, ids: IdMaker, catalogue: Catalogue, orderId: string, at: number, count: number): CloverLineItem[] {
  const lines: CloverLineItem[] = [];
  for (let i = 0; i < count; i++) {
    const item = pick(rng, catalogue.items);
    const modifications: CloverModification[] = [];
    if (rng() < 0.35) {
      const m = pick(rng, catalogue.modifiers);
      modifications.push({ id: ids.next(), name: m.name, amount: m.amount, modifier: { id: m.id } });
    }
    const line: CloverLineItem = {
      id: ids.next(), orderRef: { id: orderId }, name: item.name, price: item.price, item: { id: item.id },
      printed: false, isRevenue: true, createdTime: at, modifications,
    };
    if (rng() < 0.15) line.note = 'No ice';
    lines.push(line);
  }
  return lines;
}

export function generateSeed(seed: number, nowMs: number, currency: string, options: { merchantId?: string; token?: string }): SeedData {
  const rng = createRng(seed);
  const ids = new IdMaker(rng);
  const merchantId = options.merchantId ?? ids.next();
  const token = options.token ?? `sandbox-${ids.next().toLowerCase()}`;
  const catalogue: Catalogue = {
    items: ITEM_NAMES.map(([name, price]) => ({ id: ids.next(), name, price })),
    modifiers: MODIFIER_NAMES.map(([name, amount]) => ({ id: ids.next(), name, amount })),
  };
  const customers: CloverCustomer[] = FIRST.map((firstName, i) => ({
    id: ids.next(), firstName, lastName: LAST[i] ?? 'Doe', phoneNumber: `+1555010${String(i).padStart(2, '0')}`,
  }));
  const employee = { id: ids.next() };
  const orders: CloverOrder[] = [];
  const ORDER_COUNT = 40;
  for (let n = 0; n < ORDER_COUNT; n++) {
    // 30 in the last 14 days, 6 between 14 and 89 days, 4 between 95 and 120 days (outside the window).
    const ageMs = n < 30 ? intBetween(rng, 60_000, 14 * DAY_MS) : n < 36 ? intBetween(rng, 14 * DAY_MS, 89 * DAY_MS) : intBetween(rng, 95 * DAY_MS, 120 * DAY_MS);
    const created = nowMs - ageMs;
    const id = ids.next();
    const lineCount = n === 7 ? 130 : intBetween(rng, 1, 5);
    const lineItems = randomLines(rng, ids, catalogue, id, created, lineCount);
    const order: CloverOrder = {
      id, currency, total: orderTotal(lineItems), state: 'open', taxRemoved: false, isVat: false, manualTransaction: false,
      groupLineItems: true, testMode: false, createdTime: created, clientCreatedTime: created - intBetween(rng, 200, 2000),
      modifiedTime: created + intBetween(rng, 0, Math.min(ageMs - 1, 3 * 3_600_000)), employee,
      customers: rng() < 0.6 ? [pick(rng, customers)] : [], lineItems,
    };
    // Older orders are mostly done: locked and paid; recent ones mostly open.
    const roll = rng();
    if (roll < (ageMs > DAY_MS ? 0.7 : 0.3)) {
      order.state = 'locked';
      order.paymentState = 'PAID';
      order.payType = 'FULL';
    } else if (roll < 0.8) {
      order.paymentState = 'OPEN';
    }
    if (n % 13 === 5) order.title = `Table ${intBetween(rng, 1, 20)}`;
    if (n % 11 === 3) order.note = 'Allergy: peanuts';
    if (n === 10 || n === 20) order.state = null; // hidden: only GET by id finds it
    if (n === 12 || n === 22 || n === 32) order.deletedTime = order.modifiedTime;
    orders.push(order);
  }
  return { merchantId, token, catalogue, customers, orders };
}
