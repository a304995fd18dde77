// The catalog's types: products with availability, pages, and customers (an order's or a record).
import type {
  CustomerConnectionResolvers,
  CustomerResolvers,
  ProductConnectionResolvers,
  ProductResolvers,
} from '../../../generated/graphql.js';
import type { CustomerRecord } from '../../domain/catalog.js';
import type { GraphContext } from '../context.js';
import type { CustomerModel, PageModel } from '../catalog/models.js';

function connection<T>() {
  return {
    edges: (page: PageModel<T>) => page.edges,
    nodes: (page: PageModel<T>) => page.edges.map((edge) => edge.node),
    totalCount: (page: PageModel<T>) => page.totalCount,
    pageInfo: (page: PageModel<T>) => ({
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.edges[0]?.cursor ?? null,
      endCursor: page.edges.at(-1)?.cursor ?? null,
    }),
  };
}

export const ProductConnection: ProductConnectionResolvers = connection();
export const CustomerConnection: CustomerConnectionResolvers = connection();

export const Product: ProductResolvers = {
  available: (product) => product.stockLimit === null || product.stockLimit > 0,
  category: (product) => (product.categoryId === null ? null : { id: product.categoryId, name: product.categoryName }),
};

const isRecord = (customer: CustomerModel): customer is CustomerRecord => 'phones' in customer;

/** The POS's record of an order's customer, when the order names one (a guest's id is 0 or absent). */
async function recordOf(customer: CustomerModel, ctx: GraphContext): Promise<CustomerRecord | null> {
  if (isRecord(customer)) return customer;
  if (!customer.id || ctx.upstream.checkId(customer.id) !== undefined) return null;
  return ctx.customerLoader.load(customer.id);
}

export const Customer: CustomerResolvers = {
  discountType: (customer) => (isRecord(customer) ? null : customer.discountType),
  phones: async (customer, _args, ctx) => (await recordOf(customer, ctx))?.phones ?? (customer.phone ? [customer.phone] : []),
  addresses: async (customer, _args, ctx) => (await recordOf(customer, ctx))?.addresses ?? (customer.address ? [customer.address] : []),
  email: async (customer, _args, ctx) => (await recordOf(customer, ctx))?.email ?? null,
};
