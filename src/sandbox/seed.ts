// Deterministic demo data: ~150 orders over the last five weeks, every status, three venues, a dozen
// customers plus guests, lines with and without modifiers, receipts on most accepted orders.
import type { ClopCustomer, ClopModifier, ClopOrderStatus, ClopReceipt } from '../upstreams/clopos/types.js';
import { COMMENTS, CUSTOMERS, DELIVERY_SALE_TYPE, DINE_IN_SALE_TYPE, MENU, PRODUCT_NOTES, type ModifierOption } from './catalog.js';
import { buildLine, buildOrder, type OrderInput } from './orders.js';
import { createRng, intBetween, pick, weighted, type Rng } from './prng.js';
import type { StoredOrder } from './store.js';

export const SEED_ORDER_COUNT = 150;
const SPAN_SECONDS = 35 * 86_400;
const RECENT_SECONDS = 5 * 86_400;

/**
 * Filled modifiers are never shown in the docs, so a few seeded orders use the spellings the
 * gateway must tolerate (facts, "Gaps"): modificator_id / id, name, missing count and price.
 */
export type ModifierStyle = 'standard' | 'modificator_id' | 'id' | 'bare';

export function styleModifier(option: ModifierOption, count: number, style: ModifierStyle): ClopModifier {
  switch (style) {
    case 'standard':
      return { modifier_id: option.id, modifier_name: option.name, count, price: option.price, portion_size: 1 };
    case 'modificator_id':
      return { modificator_id: option.id, name: option.name, count, price: option.price };
    case 'id':
      return { id: option.id, name: option.name, count, price: option.price, portion_size: 1 };
    case 'bare':
      return { modifier_id: option.id, modifier_name: option.name };
  }
}

interface LineSpec {
  item: (typeof MENU)[number];
  count: number;
  modifiers: ModifierOption[];
  note?: string;
}

function randomLineSpecs(rng: Rng): LineSpec[] {
  const wanted = weighted(rng, [[1, 35], [2, 35], [3, 20], [4, 10]] as const);
  const pool = [...MENU];
  const specs: LineSpec[] = [];
  for (let i = 0; i < wanted && pool.length > 0; i++) {
    const [item] = pool.splice(Math.floor(rng() * pool.length), 1);
    if (!item) break;
    const options = [...item.modifiers];
    const modifiers: ModifierOption[] = [];
    if (options.length > 0 && rng() < 0.45) {
      const n = intBetween(rng, 1, Math.min(2, options.length));
      for (let k = 0; k < n; k++) {
        const [option] = options.splice(Math.floor(rng() * options.length), 1);
        if (option) modifiers.push(option);
      }
    }
    const spec: LineSpec = { item, count: weighted(rng, [[1, 60], [2, 30], [3, 10]] as const), modifiers };
    if (rng() < 0.12) spec.note = pick(rng, PRODUCT_NOTES);
    specs.push(spec);
  }
  return specs;
}

function guestCustomer(rng: Rng, saleTypeId: number): ClopCustomer {
  const phone = `+99450${String(intBetween(rng, 1_000_000, 9_999_999))}`;
  const address = saleTypeId === DELIVERY_SALE_TYPE ? `${intBetween(rng, 1, 120)} Neftchilar Ave, Baku` : '';
  return { id: 0, phone, address, customer_discount_type: 0, name: 'Guest' };
}

export interface RandomOrderArgs {
  id: number;
  status: ClopOrderStatus;
  createdSec: number;
  updatedSec: number;
  guest?: boolean;
  /** Chooses the modifier spelling once it is known whether the order has modifiers. */
  modifierStyle?: (hasModifiers: boolean) => ModifierStyle;
}

/** A plausible call-centre order; used by the seed, control addOrder and demo mode. */
export function randomOrderInput(rng: Rng, args: RandomOrderArgs): OrderInput {
  const venueId = weighted(rng, [[1, 50], [2, 30], [3, 20]] as const);
  const saleTypeId = weighted(rng, [[1, 25], [2, 50], [3, 25]] as const);
  const guest = args.guest ?? rng() < 0.04;
  const known = pick(rng, CUSTOMERS);
  // Key order as in the docs' example: id, phone, address, customer_discount_type, name.
  const customer: ClopCustomer = guest
    ? guestCustomer(rng, saleTypeId)
    : { id: known.id, phone: known.phone, address: known.address, customer_discount_type: known.customer_discount_type, name: known.name };
  const specs = randomLineSpecs(rng);
  const style = args.modifierStyle?.(specs.some((s) => s.modifiers.length > 0)) ?? 'standard';
  const lines = specs.map((spec) =>
    buildLine({
      productId: spec.item.id,
      name: spec.item.name,
      unitPrice: spec.item.price,
      count: spec.count,
      portionSize: 1,
      status: 'new',
      modifiers: spec.modifiers.map((option) => styleModifier(option, 1, style)),
      ...(spec.note === undefined ? {} : { note: spec.note }),
    }),
  );
  const discounted = rng() < 0.15;
  const dineIn = saleTypeId === DINE_IN_SALE_TYPE;
  const autoAccept = rng() < 0.2;
  return {
    id: args.id,
    venueId,
    saleTypeId,
    status: args.status,
    customer,
    lines,
    deliveryFee: saleTypeId === DELIVERY_SALE_TYPE ? pick(rng, [2, 2.5, 3]) : 0,
    comment: rng() < 0.3 ? pick(rng, COMMENTS) : null,
    discount: discounted ? { discount_type: 1, discount_value: pick(rng, [5, 10]) } : { discount_type: 0, discount_value: 0 },
    serviceCharge: dineIn ? { enabled: true, value: 5 } : { enabled: false, value: 0 },
    autoAccept,
    autoSendToStation: autoAccept && rng() < 0.5,
    createdSec: args.createdSec,
    updatedSec: args.updatedSec,
  };
}

function seededStatus(rng: Rng, ageSeconds: number): ClopOrderStatus {
  // Old orders have settled; only the last few days still have orders waiting for the POS.
  return ageSeconds < RECENT_SECONDS
    ? weighted(rng, [['PENDING', 45], ['RECEIVED', 30], ['DELIVERED', 15], ['IGNORE', 10]] as const)
    : weighted(rng, [['DELIVERED', 72], ['IGNORE', 18], ['RECEIVED', 10]] as const);
}

/** Receipt of a seeded or moved order: RECEIVED orders mostly have an open one, DELIVERED a closed one. */
export function receiptFor(rng: Rng, status: ClopOrderStatus, receiptId: () => number): ClopReceipt | null {
  if (status === 'RECEIVED' && rng() < 0.9) return newReceipt(rng, receiptId(), 1);
  if (status === 'DELIVERED' && rng() < 0.85) return newReceipt(rng, receiptId(), rng() < 0.95 ? 2 : 1);
  return null;
}

export function newReceipt(rng: Rng, id: number, status: 1 | 2): ClopReceipt {
  return { id, service_notification_id: rng() < 0.85 ? 30_000 + id : null, status };
}

export const FIRST_RECEIPT_ID = 10_900;

/** Every seeded order, oldest first (ids grow with created_at, as an auto-increment would). */
export function generateSeed(seed: number, nowSec: number): StoredOrder[] {
  const rng = createRng(seed);
  const times = new Set<number>();
  while (times.size < SEED_ORDER_COUNT) times.add(nowSec - 300 - Math.floor(rng() * SPAN_SECONDS));
  const sorted = [...times].sort((a, b) => a - b);
  let nextReceipt = FIRST_RECEIPT_ID;
  let withModifiers = 0;
  const variantStyle = (has: boolean): ModifierStyle => {
    if (!has) return 'standard';
    const k = withModifiers++ % 12;
    return k === 3 ? 'modificator_id' : k === 7 ? 'id' : k === 11 ? 'bare' : 'standard';
  };
  return sorted.map((createdSec, index) => {
    const id = index + 1;
    const status = seededStatus(rng, nowSec - createdSec);
    const updatedSec =
      status === 'PENDING' ? createdSec : Math.min(nowSec, createdSec + intBetween(rng, 120, 90 * 60));
    const input = randomOrderInput(rng, { id, status, createdSec, updatedSec, guest: id % 30 === 5, modifierStyle: variantStyle });
    const receipt = receiptFor(rng, status, () => nextReceipt++);
    return { order: buildOrder(input), receipt, createdSec, updatedSec };
  });
}
