// What a POS's catalog is, whichever POS holds it: venues, sale types, the menu with its modifier
// groups, stock limits and customers. Ids are opaque strings; prices are Money.
import type { Decimal, Money } from './money.js';

export interface Venue {
  id: string;
  name: string;
  address: string | null;
  phone: string | null;
  /** False when the POS marks the venue inactive; true when it does not say. */
  active: boolean;
}

export type SaleTypeKind = 'DINE_IN' | 'DELIVERY' | 'TAKEAWAY';

export interface SaleType {
  id: string;
  name: string;
  /** Null when the POS gives a kind the gateway does not know. */
  kind: SaleTypeKind | null;
  /** A percentage (`"5"` is 5 %), null when the POS does not say. */
  serviceChargeRate: Decimal | null;
  /** The venues where it is offered; null when the POS does not say (then: everywhere). */
  venueIds: string[] | null;
}

export interface CatalogModifier {
  id: string;
  name: string;
  /** The price of one. */
  price: Money;
}

export interface ModifierGroup {
  id: string;
  name: string;
  /** At least this many modifiers of the group (counting quantities) must be chosen. */
  min: number;
  /** At most this many; null for no limit. */
  max: number | null;
  modifiers: CatalogModifier[];
}

export interface Product {
  id: string;
  name: string;
  /** The POS's product type, for example `DISH` or `GOODS`. */
  type: string | null;
  /** The price of one, without modifiers. */
  price: Money;
  categoryId: string | null;
  categoryName: string | null;
  modifierGroups: ModifierGroup[];
}

/** A product on the stop-list: `limit` left, 0 = out of stock. Absent products have no limit. */
export interface StockLimit {
  productId: string;
  limit: number;
}

export interface CustomerRecord {
  id: string;
  name: string | null;
  phone: string | null;
  phones: string[];
  address: string | null;
  addresses: string[];
  email: string | null;
}

export interface CustomerQuery {
  phone?: string;
  name?: string;
  /** Only these customers (one read for many orders' customers). */
  ids?: string[];
  /** 1-based page of `limit`. */
  page: number;
  limit: number;
}

export interface CustomerPage {
  customers: CustomerRecord[];
  /** Customers matching the query, across all pages. */
  total: number;
}

export interface NewCustomer {
  name: string;
  phone?: string;
  email?: string;
  address?: string;
}

/**
 * The catalog half of a POS adapter. Reads go to the POS every time: the graph's catalog cache
 * (src/graph/catalog) decides how often they are called.
 */
export interface CatalogUpstream {
  venues(): Promise<Venue[]>;
  saleTypes(): Promise<SaleType[]>;
  /** Every product of the venue's menu, with modifier groups (the adapter reads all pages). */
  menu(venueId: string): Promise<Product[]>;
  stopList(venueId: string): Promise<StockLimit[]>;
  customers(query: CustomerQuery): Promise<CustomerPage>;
  /** Null when the customer does not exist. */
  customer(id: string): Promise<CustomerRecord | null>;
  createCustomer?(customer: NewCustomer): Promise<CustomerRecord>;
}
