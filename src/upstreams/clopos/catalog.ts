// The Clopos catalog adapter: the port's CatalogUpstream over the client's catalog operations
// (operations.ts), mapped to the domain with catalog-to-domain.ts. The menu is read in full,
// page by page (at most 100 products a page, facts §1.9), with its modifier groups and category.
import type { CatalogUpstream, CustomerQuery } from '../../domain/catalog.js';
import type { CloposApi } from './api.js';
import {
  toCustomerRecord,
  toProduct,
  toSaleType,
  toStockLimit,
  toVenue,
  type ClopCatalogCustomer,
  type ClopCatalogProduct,
  type ClopCreateCustomerRequest,
} from './catalog-to-domain.js';

export const PRODUCTS_PAGE_SIZE = 100;
/** A menu larger than this many pages is a sign of a loop (a POS ignoring `page`), not a menu. */
export const MAX_PRODUCT_PAGES = 50;

export interface ProductsPage {
  products: ClopCatalogProduct[];
  /** `total`, or `meta.total`; undefined when the POS gives neither. */
  total?: number;
  /** `meta.last_page`, when the POS pages that way. */
  lastPage?: number;
}

export interface CustomersPage {
  customers: ClopCatalogCustomer[];
  total: number;
}

/** A Clopos id as its number ("007" → 7), or undefined. */
function cloposId(value: string): number | undefined {
  const n = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Venue ids go to Clopos as the x-venue header, in their plain form. */
const plainVenue = (venueId: string) => String(cloposId(venueId) ?? venueId);

export function cloposCatalog(api: CloposApi, currency: string): CatalogUpstream {
  return {
    async venues() {
      return (await api.call('listVenues', {})).flatMap((v) => toVenue(v) ?? []);
    },
    async saleTypes() {
      return (await api.call('listSaleTypes', {})).flatMap((s) => toSaleType(s) ?? []);
    },
    async menu(venueId) {
      const all: ClopCatalogProduct[] = [];
      for (let page = 1; page <= MAX_PRODUCT_PAGES; page++) {
        const found = await api.call('listProducts', { page, limit: PRODUCTS_PAGE_SIZE, venueId: plainVenue(venueId), with: ['modificator_groups', 'category'] });
        all.push(...found.products);
        const done =
          found.products.length < PRODUCTS_PAGE_SIZE ||
          (found.lastPage !== undefined && page >= found.lastPage) ||
          (found.total !== undefined && all.length >= found.total);
        if (done) break;
      }
      return all.flatMap((p) => toProduct(p, currency) ?? []);
    },
    async stopList(venueId) {
      return (await api.call('getStopList', { venueId: plainVenue(venueId) })).flatMap((s) => toStockLimit(s) ?? []);
    },
    async customers(query: CustomerQuery) {
      // "There is no search parameter": filters on phones and name (facts §1.9).
      const filters: Array<[string, string | string[]]> = [];
      // An id filter is not documented for customers (it is for the stop-list): the graph only
      // trusts records whose id it asked for, so a Clopos that ignores it costs nothing wrong.
      if (query.ids) filters.push(['id', query.ids]);
      if (query.phone) filters.push(['phones', query.phone]);
      if (query.name) filters.push(['name', query.name]);
      const found = await api.call('listCustomers', { page: query.page, limit: query.limit, filters });
      return { customers: found.customers.flatMap((c) => toCustomerRecord(c) ?? []), total: found.total };
    },
    async customer(id) {
      const cid = cloposId(id);
      if (cid === undefined) return null;
      const found = await api.call('getCustomer', { id: cid });
      return found ? (toCustomerRecord(found) ?? null) : null;
    },
    async createCustomer(customer) {
      const body: ClopCreateCustomerRequest = { name: customer.name };
      if (customer.phone) body.phone = customer.phone;
      if (customer.email) body.email = customer.email;
      const created = await api.call('createCustomer', body);
      const record = toCustomerRecord(created);
      if (!record) throw new Error('Clopos created a customer without an id');
      return record;
    },
  };
}
