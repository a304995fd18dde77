import type { Resolvers } from '../../../generated/graphql.js';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../scalars.js';
import { OrderLine, OrderLineModifier } from './lines.js';
import { Order } from './Order.js';
import { Money, OrderConnection } from './parts.js';
import { cancelOrder } from './Mutation/cancelOrder.js';
import { createOrder } from './Mutation/createOrder.js';
import { CancelOrderPayload, CreateOrderPayload } from './payloads.js';
import { order } from './Query/order.js';
import { orders } from './Query/orders.js';
import { orderChanged } from './Subscription/orderChanged.js';
import { venues } from './Query/venues.js';
import { saleTypes } from './Query/saleTypes.js';
import { menu } from './Query/menu.js';
import { customers } from './Query/customers.js';
import { customer } from './Query/customer.js';
import { invalidateCatalog } from './Mutation/invalidateCatalog.js';
import { Customer, CustomerConnection, Product, ProductConnection } from './catalog.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Decimal: DecimalScalar,
  Query: { orders, order, venues, saleTypes, menu, customers, customer },
  Mutation: { createOrder, cancelOrder, invalidateCatalog },
  Subscription: { orderChanged },
  CreateOrderPayload,
  CancelOrderPayload,
  Order,
  OrderLine,
  OrderLineModifier,
  Money,
  OrderConnection,
  ProductConnection,
  CustomerConnection,
  Product,
  Customer,
};
