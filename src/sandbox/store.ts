// The sandbox's orders and their receipts, in memory. Seeded data is kept as a snapshot so
// reset() can bring back exactly what a fresh sandbox had.
import type { ClopOrder, ClopOrderStatus, ClopReceipt } from '../upstreams/clopos/types.js';
import { buildOrder } from './orders.js';
import { createRng, type Rng } from './prng.js';
import { FIRST_RECEIPT_ID, generateSeed, newReceipt, randomOrderInput, receiptFor } from './seed.js';
import { isoMicros, nowSeconds, parseIsoSeconds } from './time.js';

export interface StoredOrder {
  /** Never carries `receipt`: that is embedded per request (with[N]=receipt). */
  order: ClopOrder;
  receipt: ClopReceipt | null;
  createdSec: number;
  updatedSec: number;
  /** JSON of `order`, cached for benchmark-rate lists; cleared whenever the order changes. */
  json?: string | undefined;
}

export class OrderStore {
  private readonly snapshot: StoredOrder[];
  private readonly byId = new Map<number, StoredOrder>();
  private nextId = 1;
  private nextReceiptId = FIRST_RECEIPT_ID;
  /** Randomness for orders made after start (demo, addOrder); seeded apart from the seed data. */
  readonly rng: Rng;

  constructor(seed: number, startSec: number) {
    this.snapshot = generateSeed(seed, startSec);
    this.rng = createRng(seed ^ 0x5eed);
    this.reset();
  }

  reset(): void {
    this.byId.clear();
    for (const stored of structuredClone(this.snapshot)) this.byId.set(stored.order.id, stored);
    this.nextId = Math.max(0, ...this.byId.keys()) + 1;
    const receiptIds = this.snapshot.flatMap((s) => (s.receipt ? [s.receipt.id] : []));
    this.nextReceiptId = Math.max(FIRST_RECEIPT_ID - 1, ...receiptIds) + 1;
  }

  get(id: number): StoredOrder | undefined {
    return this.byId.get(id);
  }

  values(): IterableIterator<StoredOrder> {
    return this.byId.values();
  }

  /** Newest first, ties broken by id, as the list endpoint's default sort. */
  newestFirst(): StoredOrder[] {
    return [...this.byId.values()].sort((a, b) => b.createdSec - a.createdSec || b.order.id - a.order.id);
  }

  /** Stores an order built around a fresh id; created and updated now. */
  insert(build: (id: number, nowSec: number) => ClopOrder): StoredOrder {
    const id = this.nextId++;
    const now = nowSeconds();
    const stored: StoredOrder = { order: build(id, now), receipt: null, createdSec: now, updatedSec: now };
    this.byId.set(id, stored);
    return stored;
  }

  /** A random order "arriving now"; `partial` overrides top-level fields (venue_id also moves payload.service). */
  add(partial: Partial<ClopOrder> = {}): StoredOrder {
    if (partial.id !== undefined && (!Number.isInteger(partial.id) || partial.id < 1 || this.byId.has(partial.id))) {
      throw new RangeError(`Order id ${String(partial.id)} is taken or not a positive integer`);
    }
    const id = partial.id ?? this.nextId;
    const now = nowSeconds();
    const status = partial.status ?? 'PENDING';
    const order = buildOrder(randomOrderInput(this.rng, { id, status, createdSec: now, updatedSec: now }));
    Object.assign(order, partial);
    if (partial.venue_id !== undefined && partial.payload === undefined && order.payload?.service) {
      order.payload.service.venue_id = partial.venue_id;
    }
    const { receipt: partialReceipt, ...rest } = order;
    const createdSec = parseIsoSeconds(rest.created_at ?? '') || now;
    const updatedSec = parseIsoSeconds(rest.updated_at ?? '') || createdSec;
    rest.created_at = isoMicros(createdSec);
    rest.updated_at = isoMicros(updatedSec);
    const receipt = partialReceipt !== undefined ? partialReceipt : receiptFor(this.rng, status, () => this.nextReceiptId++);
    const stored: StoredOrder = { order: rest, receipt, createdSec, updatedSec };
    this.byId.set(id, stored);
    this.nextId = Math.max(this.nextId, id + 1);
    return stored;
  }

  /** Moves an order as the POS would: RECEIVED opens a receipt, DELIVERED closes it. */
  setStatus(id: number, status: ClopOrderStatus): StoredOrder | undefined {
    const stored = this.byId.get(id);
    if (!stored) return undefined;
    stored.order.status = status;
    stored.json = undefined;
    stored.updatedSec = Math.max(nowSeconds(), stored.createdSec);
    stored.order.updated_at = isoMicros(stored.updatedSec);
    if (status === 'RECEIVED' && !stored.receipt) {
      stored.receipt = newReceipt(this.rng, this.nextReceiptId++, 1);
    } else if (status === 'DELIVERED') {
      stored.receipt = stored.receipt ? { ...stored.receipt, status: 2 } : newReceipt(this.rng, this.nextReceiptId++, 2);
    }
    return stored;
  }
}
