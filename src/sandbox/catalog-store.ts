// The sandbox's catalog state: venues, sale types and products are fixed; the stop-list changes
// (demo mode, controls) and customers can be added (POST /customers). reset() restores the seed.
import { DEMO_STOP_LIST_ROTATION, SEED_CUSTOMERS, SEED_PRODUCTS, SEED_SALE_TYPES, SEED_STOP_LIST, SEED_VENUES, type SeedCustomer } from './menu-seed.js';

export interface StopEntry {
  id: number;
  limit: number;
  /** Unix ms of the last change, as Clopos sends it. */
  timestamp: number;
}

export class CatalogStore {
  readonly venues = SEED_VENUES;
  readonly saleTypes = SEED_SALE_TYPES;
  readonly products = SEED_PRODUCTS;
  private stops = new Map<number, StopEntry>();
  private people: SeedCustomer[] = [];
  private nextCustomerId = 1;
  private demoStep = 0;

  constructor() {
    this.reset();
  }

  reset(): void {
    const now = Date.now();
    this.stops = new Map(SEED_STOP_LIST.map((s) => [s.id, { ...s, timestamp: now }]));
    this.people = structuredClone([...SEED_CUSTOMERS]);
    this.nextCustomerId = Math.max(0, ...this.people.map((c) => c.id)) + 1;
    this.demoStep = 0;
  }

  stopList(): StopEntry[] {
    return [...this.stops.values()].map((s) => ({ ...s }));
  }

  /** A limit of undefined takes the product off the stop-list (no limitation). */
  setStock(productId: number, limit: number | undefined): void {
    if (!this.products.some((p) => p.id === productId)) throw new RangeError(`Product ${productId} is not in the sandbox catalog`);
    if (limit === undefined) this.stops.delete(productId);
    else this.stops.set(productId, { id: productId, limit, timestamp: Date.now() });
  }

  /** Demo mode, once per tick: one product of the rotation runs out or comes back. */
  demoTick(): void {
    const id = DEMO_STOP_LIST_ROTATION[this.demoStep % DEMO_STOP_LIST_ROTATION.length]!;
    this.demoStep++;
    this.setStock(id, this.stops.get(id)?.limit === 0 ? undefined : 0);
  }

  customers(): SeedCustomer[] {
    return this.people;
  }

  addCustomer(fields: Omit<SeedCustomer, 'id'>): SeedCustomer {
    const customer: SeedCustomer = { ...fields, id: this.nextCustomerId++ };
    this.people.push(customer);
    return customer;
  }
}
