// Orders, customers and the catalogue in memory. The seed is kept as a snapshot so reset()
// brings back exactly what a fresh sandbox had.
import type { Rng } from '../sandbox/prng.js';
import type { CloverCustomer, CloverLineItem, CloverModification, CloverOrder } from './contract.js';
import { IdMaker } from './ids.js';
import { generateSeed, laterRng, type Catalogue, type SeedData } from './seed.js';

export class CloverStore {
  private readonly snapshot: SeedData;
  private readonly byId = new Map<string, CloverOrder>();
  readonly customers = new Map<string, CloverCustomer>();
  rng!: Rng;
  ids!: IdMaker;
  private lastStamp = 0;

  constructor(private readonly seed: number, nowMs: number, readonly currency: string, options: { merchantId?: string; token?: string }) {
    this.snapshot = generateSeed(seed, nowMs, currency, options);
    this.reset();
  }

  get merchantId(): string {
    return this.snapshot.merchantId;
  }

  get token(): string {
    return this.snapshot.token;
  }

  get catalogue(): Catalogue {
    return this.snapshot.catalogue;
  }

  reset(): void {
    this.byId.clear();
    this.customers.clear();
    for (const order of structuredClone(this.snapshot.orders)) this.byId.set(order.id, order);
    for (const customer of structuredClone(this.snapshot.customers)) this.customers.set(customer.id, customer);
    this.rng = laterRng(this.seed);
    this.ids = new IdMaker(this.rng);
  }

  /**
   * A strictly increasing clock: two changes in the same millisecond still get different
   * modifiedTime values, so a poller asking `modifiedTime>=last` never misses one.
   */
  stamp(): number {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return this.lastStamp;
  }

  /** Including hidden and deleted ones. */
  find(id: string): CloverOrder | undefined {
    return this.byId.get(id);
  }

  /** What the API can see by id: hidden yes, deleted no. */
  visible(id: string): CloverOrder | undefined {
    const order = this.byId.get(id);
    return order && order.deletedTime === undefined ? order : undefined;
  }

  all(): CloverOrder[] {
    return [...this.byId.values()];
  }

  newId(): string {
    // Seeded ids came from another generator; skip any clash.
    for (;;) {
      const id = this.ids.next();
      if (!this.byId.has(id) && !this.customers.has(id)) return id;
    }
  }

  create(fields: Partial<Omit<CloverOrder, 'id'>>): CloverOrder {
    const now = this.stamp();
    const order: CloverOrder = {
      currency: this.currency, total: 0, state: null, taxRemoved: false, isVat: false, manualTransaction: false,
      groupLineItems: false, testMode: false, createdTime: now, clientCreatedTime: now, modifiedTime: now,
      customers: [], lineItems: [], ...fields, id: this.newId(),
    };
    this.byId.set(order.id, order);
    return order;
  }

  touch(order: CloverOrder): void {
    order.modifiedTime = this.stamp();
  }

  addLine(order: CloverOrder, line: Omit<CloverLineItem, 'id' | 'orderRef' | 'createdTime' | 'modifications'>): CloverLineItem {
    const full: CloverLineItem = { ...line, id: this.newId(), orderRef: { id: order.id }, createdTime: this.stamp(), modifications: [] };
    order.lineItems.push(full);
    this.touch(order);
    return full;
  }

  addModification(order: CloverOrder, line: CloverLineItem, m: Omit<CloverModification, 'id'>): CloverModification {
    const full: CloverModification = { ...m, id: this.newId() };
    line.modifications.push(full);
    this.touch(order);
    return full;
  }
}
