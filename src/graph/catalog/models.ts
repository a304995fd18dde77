// The parents of the catalog's GraphQL types (codegen mappers): domain types, plus what the
// graph adds (a product's stock from the stop-list, pages with cursors).
import type { CustomerRecord, Product } from '../../domain/catalog.js';
import type { Customer } from '../../domain/order.js';

/** A menu product with its stop-list entry: stock left, or null when it is not limited. */
export interface ProductModel extends Product {
  stockLimit: number | null;
}

export interface EdgeModel<T> {
  readonly cursor: string;
  node: T;
}

export interface PageModel<T> {
  edges: Array<EdgeModel<T>>;
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** An order's customer (as the order has it) or the POS's record of one. */
export type CustomerModel = Customer | CustomerRecord;

export type ProductPage = PageModel<ProductModel>;
export type ProductEdgeModel = EdgeModel<ProductModel>;
export type CustomerPage = PageModel<CustomerModel>;
export type CustomerEdgeModel = EdgeModel<CustomerModel>;
