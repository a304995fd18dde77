import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Order as OrderModel, OrderLine as OrderLineModel, Modifier as ModifierModel, Discount as DiscountModel, ServiceCharge as ServiceChargeModel, Receipt as ReceiptModel, OrderChange as OrderChangeModel } from '../src/domain/order.js';
import type { CustomerModel as CustomerModelModel, ProductModel as ProductModelModel, ProductPage as ProductPageModel, ProductEdgeModel as ProductEdgeModelModel, CustomerPage as CustomerPageModel, CustomerEdgeModel as CustomerEdgeModelModel } from '../src/graph/catalog/models.js';
import type { Venue as VenueModel, SaleType as SaleTypeModel, ModifierGroup as ModifierGroupModel, CatalogModifier as CatalogModifierModel } from '../src/domain/catalog.js';
import type { Money as MoneyModel } from '../src/domain/money.js';
import type { OrderPage as OrderPageModel, OrderEdgeModel as OrderEdgeModelModel } from '../src/graph/pagination.js';
import type { OrderPayloadModel as OrderPayloadModelModel } from '../src/graph/write/payloads.js';
import type { GraphContext } from '../src/graph/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, `YYYY-MM-DD` (for example `2026-02-02`). Passed to Clopos as given. */
  Date: { input: string; output: string; }
  /** An instant in ISO 8601 with a UTC offset (for example `2026-02-02T13:45:53.000Z`). */
  DateTime: { input: string; output: string; }
  /**
   * An exact decimal number as a string, for example `"8.50"` or `"12.5"`. Never a float, so no
   * rounding creeps in; parse it with a decimal library, not `parseFloat`, when the cents matter.
   */
  Decimal: { input: string; output: string; }
};

/** The result of cancelOrder. */
export type CancelOrderPayload = {
  __typename?: 'CancelOrderPayload';
  /** The cancelled order, null when it could not be cancelled. */
  order: Maybe<Order>;
  /** Why the order was not cancelled; empty on success. */
  userErrors: Array<UserError>;
};

/** A modifier a line may carry. */
export type CatalogModifier = {
  __typename?: 'CatalogModifier';
  /** The modifier's id: the `modifierId` of a line's modifier. */
  id: Scalars['ID']['output'];
  /** The modifier's name. */
  name: Scalars['String']['output'];
  /** The price of one. */
  price: Money;
};

/** A new order. */
export type CreateOrderInput = {
  /** Let the POS accept the order on its own (default false). */
  autoAccept?: InputMaybe<Scalars['Boolean']['input']>;
  /** The POS terminal that auto-accepts the order. */
  autoAcceptTerminalId?: InputMaybe<Scalars['ID']['input']>;
  /** A free-text note for the whole order (at most 1000 characters). */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** Who orders. Omit `id` for a guest. */
  customer: OrderCustomerInput;
  /** A delivery charge. */
  deliveryFee?: InputMaybe<Scalars['Float']['input']>;
  /** An order-level discount. */
  discount?: InputMaybe<DiscountInput>;
  /**
   * A key of your choosing (at most 255 characters) that makes retries safe: a repeat with the same
   * key within 24 hours returns the first result and creates nothing. The same key with a different
   * input is refused with `IDEMPOTENCY_KEY_REUSED`.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** What is ordered: at least one line. */
  lines: Array<OrderLineInput>;
  /** The sale type (delivery, takeaway...), from the POS's sale types. */
  saleTypeId: Scalars['ID']['input'];
  /** Send the order to the preparation stations once accepted (default false). */
  sendToStationOnAccept?: InputMaybe<Scalars['Boolean']['input']>;
  /** Service charge settings. */
  serviceCharge?: InputMaybe<ServiceChargeInput>;
  /** The venue (branch) that receives the order. */
  venueId: Scalars['ID']['input'];
};

/** The result of createOrder. */
export type CreateOrderPayload = {
  __typename?: 'CreateOrderPayload';
  /** The new order, null when it was not created. */
  order: Maybe<Order>;
  /** Why the order was not created; empty on success. */
  userErrors: Array<UserError>;
};

/**
 * A customer: the one an order names (as the order has it), or one found with `customers` or
 * `customer` (the POS's record). On an order, `email`, `phones` and `addresses` are read from the
 * POS's record when the order has a customer id.
 */
export type Customer = {
  __typename?: 'Customer';
  /** The delivery address. */
  address: Maybe<Scalars['String']['output']>;
  /** Every address the POS has for the customer. */
  addresses: Array<Scalars['String']['output']>;
  /** The discount type that applies to this customer (on an order; null on a record). */
  discountType: Maybe<Scalars['Int']['output']>;
  /** The customer's email. */
  email: Maybe<Scalars['String']['output']>;
  /** The customer's id in the POS; 0 or null for a guest. */
  id: Maybe<Scalars['ID']['output']>;
  /** The customer's name. */
  name: Maybe<Scalars['String']['output']>;
  /** The customer's phone number. */
  phone: Maybe<Scalars['String']['output']>;
  /** Every phone number the POS has for the customer. */
  phones: Array<Scalars['String']['output']>;
};

/** A page of customers. */
export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  /** The customers of this page, each with its cursor. */
  edges: Array<CustomerEdge>;
  /** The customers of this page, without cursors. */
  nodes: Array<Customer>;
  /** Whether there are more pages, and the cursors at this page's ends. */
  pageInfo: PageInfo;
  /** How many customers match the filter. */
  totalCount: Scalars['Int']['output'];
};

/** A customer and its position in the list. */
export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  /** Pass to `after` to page from this customer. */
  cursor: Scalars['String']['output'];
  /** The customer. */
  node: Customer;
};

/** Which customers to find. Give a phone, a name, or both (both must match). */
export type CustomerFilter = {
  /** Part of the name (case-insensitive, as the POS matches it). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Digits of the phone number (spaces, dashes and `+` are ignored); matches part of a number. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** An order-level discount. */
export type Discount = {
  __typename?: 'Discount';
  /** What the discount takes off the order (never more than the lines). */
  amount: Money;
  /** The percentage, when the discount is one (`"10"` is 10 %); null for a fixed amount. */
  rate: Maybe<Scalars['Decimal']['output']>;
  /** The POS's discount type code. */
  type: Scalars['Int']['output'];
  /**
   * The discount amount or rate, depending on the type.
   * @deprecated Use `amount` (what it takes off) and `rate` (the percentage, when it is one).
   */
  value: Scalars['Float']['output'];
};

/** An order-level discount. */
export type DiscountInput = {
  /** The POS's discount type code. */
  type: Scalars['Int']['input'];
  /** The discount amount or rate, depending on the type; 0 or more. */
  value: Scalars['Float']['input'];
};

/** The result of invalidateCatalog. */
export type InvalidateCatalogPayload = {
  __typename?: 'InvalidateCatalogPayload';
  /** How many cached catalog entries were dropped. */
  dropped: Scalars['Int']['output'];
};

/** Which products a menu includes. */
export type MenuFilter = {
  /** Only products of this category. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** Only products whose name contains this text (case-insensitive). */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A group of modifiers of a product, with how many of them a line must and may carry. */
export type ModifierGroup = {
  __typename?: 'ModifierGroup';
  /** The group's id. */
  id: Scalars['ID']['output'];
  /** At most this many; null for no limit. */
  max: Maybe<Scalars['Int']['output']>;
  /** At least this many modifiers of the group (counting quantities) must be chosen; 0 for optional. */
  min: Scalars['Int']['output'];
  /** The modifiers of the group. */
  modifiers: Array<CatalogModifier>;
  /** The group's name, for example `Extras`. */
  name: Scalars['String']['output'];
};

/** An amount of money in a currency, like Shopify's `MoneyV2`. */
export type Money = {
  __typename?: 'Money';
  /** The amount as a decimal string with the currency's number of decimals, for example `"8.50"`. */
  amount: Scalars['Decimal']['output'];
  /** The ISO 4217 currency code, for example `AZN`. */
  currencyCode: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Cancels an order: it becomes `CANCELLED` (Clopos is sent status `IGNORE`). Cancelling an order that is already cancelled
   * returns it without error.
   */
  cancelOrder: CancelOrderPayload;
  /**
   * Places an order with the POS; it starts `PENDING` until the POS accepts it. Expected failures
   * (invalid input, Clopos rejecting the order, an outcome that could not be confirmed) come back
   * as `userErrors`, and then nothing was created unless the code says the outcome is unknown.
   * Pass an `idempotencyKey` to retry safely: a repeat within 24 hours returns the first result,
   * and never places the order twice (see the README's idempotency section).
   */
  createOrder: CreateOrderPayload;
  /**
   * Drops the gateway's cached catalog (venues, sale types, menus and stop-lists) so the next read
   * goes to the POS: after a price change or a product running out. Needs an API key with write
   * scope.
   */
  invalidateCatalog: InvalidateCatalogPayload;
};


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
  venueId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationCreateOrderArgs = {
  input: CreateOrderInput;
};

/** A call-center or delivery order placed with the POS. */
export type Order = {
  __typename?: 'Order';
  /** Whether the POS accepts the order on its own. */
  autoAccept: Scalars['Boolean']['output'];
  /** A free-text note for the whole order. */
  comment: Maybe<Scalars['String']['output']>;
  /** When the order was placed. */
  createdAt: Scalars['DateTime']['output'];
  /** Who ordered. */
  customer: Maybe<Customer>;
  /** The delivery charge, when there is one. */
  deliveryCharge: Maybe<Money>;
  /**
   * The delivery charge, when there is one.
   * @deprecated Use `deliveryCharge`, which carries the currency and exact decimals.
   */
  deliveryFee: Maybe<Scalars['Float']['output']>;
  /** The order-level discount, when there is one. */
  discount: Maybe<Discount>;
  /** The order's id. */
  id: Scalars['ID']['output'];
  /** The integration channel that created it, for example `call_center_new`. */
  integration: Maybe<Scalars['String']['output']>;
  /** What was ordered. */
  lines: Array<OrderLine>;
  /** The receipt the POS opened for the order, null when there is none yet. */
  receipt: Maybe<Receipt>;
  /** The sale type (dine-in, delivery, takeaway...) the order uses. */
  saleTypeId: Scalars['ID']['output'];
  /** Whether the order goes to the preparation stations once accepted. */
  sendToStationOnAccept: Scalars['Boolean']['output'];
  /** The service charge settings, when the order has them. */
  serviceCharge: Maybe<ServiceCharge>;
  /** Where the order is in its life. */
  status: OrderStatus;
  /**
   * What the customer pays: the lines' totals, less the discount, plus the service charge and the
   * delivery charge (README "Order totals"). Null when the POS cannot give an exact total.
   */
  total: Maybe<Money>;
  /** The order's source, for example `CALL_CENTER_ORDER`. */
  type: Maybe<Scalars['String']['output']>;
  /** When the order last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The venue (branch) that owns the order. */
  venueId: Scalars['ID']['output'];
};

/** One change to one order. */
export type OrderChange = {
  __typename?: 'OrderChange';
  /**
   * When the gateway saw the change. Unique and increasing across changes, so the last change
   * received is the `since` to resume from. For `RESYNC` and `HEARTBEAT`: when the gateway sent it.
   */
  at: Scalars['DateTime']['output'];
  /**
   * The last time the gateway read Clopos successfully (null before its first read). With `at` on a
   * `HEARTBEAT` (both the gateway's clock) it says how stale the feed is: normally about one poll
   * interval behind.
   */
  feedAt: Maybe<Scalars['DateTime']['output']>;
  /** What kind of change. */
  kind: OrderChangeKind;
  /** The order as it is after the change; null for `RESYNC` and `HEARTBEAT`. */
  order: Maybe<Order>;
  /** The status before a `STATUS_CHANGED`; the unchanged status of an `UPDATED` order the gateway knew; otherwise null. */
  previousStatus: Maybe<OrderStatus>;
};

/** What happened to an order. */
export type OrderChangeKind =
  /** A new order, placed after the gateway started watching. */
  | 'CREATED'
  /**
   * Not a change: nothing happened, the stream is alive. Sent every 10 s; `feedAt` says how fresh
   * the feed is. `order` and `previousStatus` are null. Do not resume from its `at`.
   */
  | 'HEARTBEAT'
  /**
   * Not a change: the gateway may have missed changes just before this message (a Redis failover,
   * a fresh baseline). Reload the orders you show; from here on the feed is continuous again.
   * `order` and `previousStatus` are null. Do not resume from its `at`.
   */
  | 'RESYNC'
  /** The order's status changed; `previousStatus` says from what. */
  | 'STATUS_CHANGED'
  /**
   * Anything else changed. `previousStatus` is null when the gateway had not seen the order before
   * (an older order that changed).
   */
  | 'UPDATED';

/** A page of orders (Relay cursor connection). */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  /** The orders of this page, each with its cursor. */
  edges: Array<OrderEdge>;
  /** The orders of this page, without cursors. */
  nodes: Array<Order>;
  /** Whether there are more pages, and the cursors at this page's ends. */
  pageInfo: PageInfo;
  /**
   * How many orders match the filter, across all pages. Over Clover (UPSTREAM=clover, which returns
   * no count) it is counted exactly up to 5000 matching orders (extra list calls of 1000 orders, made
   * only when this page is full); past 5000 it is a lower bound, one more than the orders counted, so
   * `hasNextPage` stays true while pages are full. Cursors are exact either way.
   */
  totalCount: Scalars['Int']['output'];
};

/** The customer of a new order. */
export type OrderCustomerInput = {
  /** The delivery address. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** The discount type that applies to this customer. */
  discountType?: InputMaybe<Scalars['Int']['input']>;
  /** The customer's id in the POS. Omitted: sent as 0, which Clopos integrations use for a guest. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** The customer's name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The customer's phone number. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** An order and its position in the list. */
export type OrderEdge = {
  __typename?: 'OrderEdge';
  /** Pass to `after` or `before` to page from this order. */
  cursor: Scalars['String']['output'];
  /** The order. */
  node: Order;
};

/** Which orders a list includes. Every field narrows the list; omitted fields do not. */
export type OrderFilter = {
  /** Only orders created on or after this day (UTC, inclusive). */
  createdFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Only orders created on or before this day (UTC, inclusive). */
  createdTo?: InputMaybe<Scalars['Date']['input']>;
  /** Only orders in this lifecycle state. */
  status?: InputMaybe<OrderStatus>;
  /** Only orders of this venue. */
  venueId?: InputMaybe<Scalars['ID']['input']>;
};

/** One product line of an order. */
export type OrderLine = {
  __typename?: 'OrderLine';
  /** Modifiers (extras, options) chosen for this line. */
  modifiers: Array<OrderLineModifier>;
  /** The product's name as ordered. */
  name: Scalars['String']['output'];
  /** A free-text note for this line, for example `No onions`. */
  note: Maybe<Scalars['String']['output']>;
  /** The portion size (1 is a full portion). */
  portionSize: Scalars['Float']['output'];
  /** The price of one, without modifiers. */
  price: Money;
  /** The POS's hash identifying the line's product and options. */
  productHash: Maybe<Scalars['String']['output']>;
  /** The product's id. */
  productId: Scalars['ID']['output'];
  /** How many. */
  quantity: Scalars['Float']['output'];
  /** The line's kitchen status, for example `new`. */
  status: Maybe<Scalars['String']['output']>;
  /** The line's price with its modifiers, times its quantity (README "Order totals"). */
  total: Money;
  /**
   * The price of one.
   * @deprecated Use `price`, which carries the currency and exact decimals.
   */
  unitPrice: Scalars['Float']['output'];
};

/** One product line of a new order. */
export type OrderLineInput = {
  /** Modifiers (extras, options) for this line. */
  modifiers?: InputMaybe<Array<OrderLineModifierInput>>;
  /**
   * The product's name. The gateway takes it from the menu; when given, it must match (`PRICE_MISMATCH`).
   * @deprecated Leave it out: the gateway fills it in from the venue's menu.
   */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A free-text note for this line, for example `No onions`. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The portion size (default 1). */
  portionSize?: InputMaybe<Scalars['Float']['input']>;
  /** The POS's hash of the line's product and options; derived from the line when omitted. */
  productHash?: InputMaybe<Scalars['String']['input']>;
  /** The product's id in the POS. */
  productId: Scalars['ID']['input'];
  /** How many; above 0. */
  quantity: Scalars['Float']['input'];
  /** The line's kitchen status; `new` when omitted. */
  status?: InputMaybe<Scalars['String']['input']>;
  /**
   * The price of one. The gateway takes it from the menu; when given, it must match (`PRICE_MISMATCH`).
   * @deprecated Leave it out: the gateway prices the line from the venue's menu.
   */
  unitPrice?: InputMaybe<Scalars['Float']['input']>;
};

/** A modifier (extra, option) on an order line. */
export type OrderLineModifier = {
  __typename?: 'OrderLineModifier';
  /** The modifier's id. */
  modifierId: Scalars['ID']['output'];
  /** The modifier's name. */
  name: Scalars['String']['output'];
  /** The portion size (1 when the POS does not say). */
  portionSize: Scalars['Float']['output'];
  /** The price of one (0 when the POS does not say). */
  price: Money;
  /** How many (1 when the POS does not say). */
  quantity: Scalars['Float']['output'];
  /**
   * The price of one (0 when the POS does not say).
   * @deprecated Use `price`, which carries the currency and exact decimals.
   */
  unitPrice: Scalars['Float']['output'];
};

/** A modifier on a line of a new order. */
export type OrderLineModifierInput = {
  /** The modifier's id in the POS. */
  modifierId: Scalars['ID']['input'];
  /**
   * The modifier's name. Taken from the menu; when given, it must match (`PRICE_MISMATCH`).
   * @deprecated Leave it out: the gateway fills it in from the product's modifier groups.
   */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The portion size (default 1). */
  portionSize?: InputMaybe<Scalars['Float']['input']>;
  /** How many; above 0. */
  quantity: Scalars['Float']['input'];
  /**
   * The price of one. Taken from the menu; when given, it must match (`PRICE_MISMATCH`).
   * @deprecated Leave it out: the gateway prices the modifier from the menu.
   */
  unitPrice?: InputMaybe<Scalars['Float']['input']>;
};

/** The order of a list. */
export type OrderSort = {
  /** Ascending or descending. */
  direction: SortDirection;
  /** The field to sort by. */
  field: OrderSortField;
};

/** Fields an order list can be sorted by. */
export type OrderSortField =
  /** When the order was placed. */
  | 'CREATED_AT'
  /** The order's id. */
  | 'ID'
  /** When the order last changed. */
  | 'UPDATED_AT';

/** Where an order is in its life. */
export type OrderStatus =
  /** Cancelled (Clopos calls this `IGNORE`). */
  | 'CANCELLED'
  /** Delivered to the customer. */
  | 'DELIVERED'
  /** Placed and waiting for the POS to accept it. */
  | 'PENDING'
  /** Accepted by the POS; it has an open receipt. */
  | 'RECEIVED';

/** Paging state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last order of this page, null when the page is empty. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether orders follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether orders precede this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first order of this page, null when the page is empty. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** A product of a venue's menu. */
export type Product = {
  __typename?: 'Product';
  /** Whether it can be ordered now: false when the stop-list says it is out of stock (a limit of 0). */
  available: Scalars['Boolean']['output'];
  /** The category it is listed under. */
  category: Maybe<ProductCategory>;
  /** The product's id: the `productId` of an order line. */
  id: Scalars['ID']['output'];
  /** The groups of modifiers (extras, options) a line of this product may carry. */
  modifierGroups: Array<ModifierGroup>;
  /** The product's name. */
  name: Scalars['String']['output'];
  /** The price of one, without modifiers. */
  price: Money;
  /** How many are left when the stop-list limits it; null when it is not limited. */
  stockLimit: Maybe<Scalars['Float']['output']>;
  /** The POS's product type, for example `DISH` or `GOODS`. */
  type: Maybe<Scalars['String']['output']>;
};

/** A menu category. */
export type ProductCategory = {
  __typename?: 'ProductCategory';
  /** The category's id: the `categoryId` of a MenuFilter. */
  id: Scalars['ID']['output'];
  /** The category's name. */
  name: Maybe<Scalars['String']['output']>;
};

/** A page of a menu. */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** The products of this page, each with its cursor. */
  edges: Array<ProductEdge>;
  /** The products of this page, without cursors. */
  nodes: Array<Product>;
  /** Whether there are more pages, and the cursors at this page's ends. */
  pageInfo: PageInfo;
  /** How many products match the filter. */
  totalCount: Scalars['Int']['output'];
};

/** A product and its position in the menu. */
export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Pass to `after` to page from this product. */
  cursor: Scalars['String']['output'];
  /** The product. */
  node: Product;
};

export type Query = {
  __typename?: 'Query';
  /** One customer by id, or null when the POS has none with that id. */
  customer: Maybe<Customer>;
  /**
   * Customers found by phone or name (give at least one). Not cached: a caller's record may have
   * just been created.
   */
  customers: CustomerConnection;
  /**
   * What a venue sells, at the POS's prices, with availability from the stop-list, in the POS's
   * order. At most 100 per page, 50 when `first` is not given. The menu is cached for
   * `CATALOG_TTL_MS` and the stop-list for `STOP_LIST_TTL_MS`.
   */
  menu: ProductConnection;
  /** One order by id, or null when it does not exist (in the given venue). */
  order: Maybe<Order>;
  /**
   * Orders, newest first unless `orderBy` says otherwise, as a Relay cursor connection.
   * Give `first` (with `after`) to page forward or `last` (with `before`) to page backward; at most
   * 100 per page, 20 when neither is given. Cursors belong to the filter and sort they were issued
   * for: reusing one with another filter or sort is a `BAD_USER_INPUT` error.
   */
  orders: OrderConnection;
  /**
   * Sale types (dine-in, delivery, takeaway). With `venueId`, only those offered at that venue.
   * Cached for `CATALOG_TTL_MS`.
   */
  saleTypes: Array<SaleType>;
  /** The brand's venues (branches). Cached by the gateway for `CATALOG_TTL_MS`. */
  venues: Array<Venue>;
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter: CustomerFilter;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMenuArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MenuFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  venueId: Scalars['ID']['input'];
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
  venueId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<OrderSort>;
};


export type QuerySaleTypesArgs = {
  venueId?: InputMaybe<Scalars['ID']['input']>;
};

/** The POS receipt opened for an order. */
export type Receipt = {
  __typename?: 'Receipt';
  /** The receipt's id. */
  id: Scalars['ID']['output'];
  /** The id of the service notification sent for it. */
  serviceNotificationId: Maybe<Scalars['ID']['output']>;
  /** The receipt's state: 1 open, 2 closed. */
  status: Maybe<Scalars['Int']['output']>;
};

/** A sale type of the POS (dine-in, delivery, takeaway), used as `saleTypeId` of a new order. */
export type SaleType = {
  __typename?: 'SaleType';
  /** The sale type's id. */
  id: Scalars['ID']['output'];
  /** What kind of service it is; null when the POS gives a kind the gateway does not know. */
  kind: Maybe<SaleTypeKind>;
  /** The sale type's name, for example `Catdirilma`. */
  name: Scalars['String']['output'];
  /** The service charge percentage of this sale type (`"5"` is 5 %); null when the POS does not say. */
  serviceChargeRate: Maybe<Scalars['Decimal']['output']>;
};

/** What kind of service a sale type is. */
export type SaleTypeKind =
  /** Delivered to the customer. */
  | 'DELIVERY'
  /** Eaten at the venue (Clopos `IN`). */
  | 'DINE_IN'
  /** Collected by the customer. */
  | 'TAKEAWAY';

/** Service charge settings of an order. */
export type ServiceCharge = {
  __typename?: 'ServiceCharge';
  /** What the charge adds to the order; zero when it is not enabled. */
  amount: Money;
  /** Whether a service charge applies. */
  enabled: Scalars['Boolean']['output'];
  /** The percentage of the discounted lines (`"5"` is 5 %). */
  rate: Scalars['Decimal']['output'];
  /**
   * The service charge amount or rate.
   * @deprecated Use `rate` (the percentage) and `amount` (what it adds).
   */
  value: Scalars['Float']['output'];
};

/** Service charge settings. */
export type ServiceChargeInput = {
  /** Whether a service charge applies. */
  enabled: Scalars['Boolean']['input'];
  /** The service charge amount or rate; 0 or more. */
  value: Scalars['Float']['input'];
};

/** Sort direction. */
export type SortDirection =
  /** Smallest or oldest first. */
  | 'ASC'
  /** Largest or newest first. */
  | 'DESC';

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Every change to an order, as the gateway sees it: it polls Clopos once for all subscribers
   * (`POLL_INTERVAL_MS`) and pushes each change to every subscription whose filter matches the
   * order's new state. Over Server-Sent Events (`Accept: text/event-stream`) or WebSocket
   * (graphql-ws at the same URL, API key in `connectionParams.authorization`).
   * To resume after a disconnect, pass the `at` of the last change received as `since`: the changes
   * after it are replayed first, none missed and none repeated. When the gateway no longer holds the
   * changes since that instant the subscription ends with the error `REPLAY_UNAVAILABLE`: reload
   * the orders and subscribe without `since`.
   *
   * Besides changes the stream carries two signals, neither with an `order`:
   * `RESYNC` when the gateway cannot promise that no change was missed (Redis failover, the poller
   * starting over from a fresh baseline): reload what you show; the changes after it are continuous
   * again. `HEARTBEAT` every 10 s, so a quiet stream is told apart from a dead one. Every message
   * carries `feedAt`, the last time the gateway read Clopos: when it falls behind, the feed is stalled.
   * A client that stops reading is disconnected once its subscription holds 1000 unsent messages
   * (`SLOW_CONSUMER`); subscribe again with `since` to resume.
   */
  orderChanged: OrderChange;
};


export type SubscriptionOrderChangedArgs = {
  filter?: InputMaybe<OrderFilter>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
};

/** An expected failure of a mutation, reported as data. */
export type UserError = {
  __typename?: 'UserError';
  /** What is wrong, for programs. */
  code: UserErrorCode;
  /** The path to the input field at fault, for example `["input", "lines", "0", "quantity"]`. */
  field: Array<Scalars['String']['output']>;
  /** What is wrong, for people. */
  message: Scalars['String']['output'];
  /**
   * With `UPSTREAM_OUTCOME_UNKNOWN`: the seconds to wait before repeating with the same
   * idempotency key (until then Clopos may still be processing an earlier attempt). Null when a
   * repeat cannot settle it (no key, or the order cannot be recognised): check the POS instead.
   */
  retryAfter: Maybe<Scalars['Int']['output']>;
};

/** Why a mutation failed, for programs. */
export type UserErrorCode =
  /** Must not be blank. */
  | 'BLANK'
  /** This idempotency key was used with a different order. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The shared idempotency store (Redis) is unreachable, so an order with an idempotency key was not sent. */
  | 'IDEMPOTENCY_UNAVAILABLE'
  /** Not an id of the POS. */
  | 'INVALID_ID'
  /** A modifier outside the product's groups, or a group's minimum or maximum broken. */
  | 'MODIFIER_NOT_ALLOWED'
  /** Must be above 0. */
  | 'MUST_BE_POSITIVE'
  /** Must be 0 or more. */
  | 'MUST_NOT_BE_NEGATIVE'
  /** There is no such order. */
  | 'NOT_FOUND'
  /** The line's product is out of stock (the stop-list), or fewer are left than ordered. */
  | 'OUT_OF_STOCK'
  /** A line's (or modifier's) name or price differs from the venue's menu. */
  | 'PRICE_MISMATCH'
  /** The line's product is not on the venue's menu. */
  | 'PRODUCT_NOT_FOUND'
  /** A required list is empty (an order without lines). */
  | 'REQUIRED'
  /** Too many characters. */
  | 'TOO_LONG'
  /** Too many items (lines, modifiers). */
  | 'TOO_MANY'
  /** The POS may or may not have created the order: repeat with the same idempotency key after `retryAfter`. */
  | 'UPSTREAM_OUTCOME_UNKNOWN'
  /** The POS refused the order or the cancel (its reason is kept when it carries nothing secret). */
  | 'UPSTREAM_REJECTED';

/** A venue (branch) of the brand. */
export type Venue = {
  __typename?: 'Venue';
  /** Whether the venue is active (true when the POS does not say). */
  active: Scalars['Boolean']['output'];
  /** The venue's address. */
  address: Maybe<Scalars['String']['output']>;
  /** The venue's id. */
  id: Scalars['ID']['output'];
  /** The venue's name. */
  name: Scalars['String']['output'];
  /** The venue's phone number. */
  phone: Maybe<Scalars['String']['output']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CancelOrderPayload: ResolverTypeWrapper<OrderPayloadModelModel>;
  CatalogModifier: ResolverTypeWrapper<CatalogModifierModel>;
  CreateOrderInput: CreateOrderInput;
  CreateOrderPayload: ResolverTypeWrapper<OrderPayloadModelModel>;
  Customer: ResolverTypeWrapper<CustomerModelModel>;
  CustomerConnection: ResolverTypeWrapper<CustomerPageModel>;
  CustomerEdge: ResolverTypeWrapper<CustomerEdgeModelModel>;
  CustomerFilter: CustomerFilter;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Discount: ResolverTypeWrapper<DiscountModel>;
  DiscountInput: DiscountInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  InvalidateCatalogPayload: ResolverTypeWrapper<InvalidateCatalogPayload>;
  MenuFilter: MenuFilter;
  ModifierGroup: ResolverTypeWrapper<ModifierGroupModel>;
  Money: ResolverTypeWrapper<MoneyModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderModel>;
  OrderChange: ResolverTypeWrapper<OrderChangeModel>;
  OrderChangeKind: OrderChangeKind;
  OrderConnection: ResolverTypeWrapper<OrderPageModel>;
  OrderCustomerInput: OrderCustomerInput;
  OrderEdge: ResolverTypeWrapper<OrderEdgeModelModel>;
  OrderFilter: OrderFilter;
  OrderLine: ResolverTypeWrapper<OrderLineModel>;
  OrderLineInput: OrderLineInput;
  OrderLineModifier: ResolverTypeWrapper<ModifierModel>;
  OrderLineModifierInput: OrderLineModifierInput;
  OrderSort: OrderSort;
  OrderSortField: OrderSortField;
  OrderStatus: OrderStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Product: ResolverTypeWrapper<ProductModelModel>;
  ProductCategory: ResolverTypeWrapper<ProductCategory>;
  ProductConnection: ResolverTypeWrapper<ProductPageModel>;
  ProductEdge: ResolverTypeWrapper<ProductEdgeModelModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Receipt: ResolverTypeWrapper<ReceiptModel>;
  SaleType: ResolverTypeWrapper<SaleTypeModel>;
  SaleTypeKind: SaleTypeKind;
  ServiceCharge: ResolverTypeWrapper<ServiceChargeModel>;
  ServiceChargeInput: ServiceChargeInput;
  SortDirection: SortDirection;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UserError: ResolverTypeWrapper<UserError>;
  UserErrorCode: UserErrorCode;
  Venue: ResolverTypeWrapper<VenueModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  CancelOrderPayload: OrderPayloadModelModel;
  CatalogModifier: CatalogModifierModel;
  CreateOrderInput: CreateOrderInput;
  CreateOrderPayload: OrderPayloadModelModel;
  Customer: CustomerModelModel;
  CustomerConnection: CustomerPageModel;
  CustomerEdge: CustomerEdgeModelModel;
  CustomerFilter: CustomerFilter;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Discount: DiscountModel;
  DiscountInput: DiscountInput;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  InvalidateCatalogPayload: InvalidateCatalogPayload;
  MenuFilter: MenuFilter;
  ModifierGroup: ModifierGroupModel;
  Money: MoneyModel;
  Mutation: Record<PropertyKey, never>;
  Order: OrderModel;
  OrderChange: OrderChangeModel;
  OrderConnection: OrderPageModel;
  OrderCustomerInput: OrderCustomerInput;
  OrderEdge: OrderEdgeModelModel;
  OrderFilter: OrderFilter;
  OrderLine: OrderLineModel;
  OrderLineInput: OrderLineInput;
  OrderLineModifier: ModifierModel;
  OrderLineModifierInput: OrderLineModifierInput;
  OrderSort: OrderSort;
  PageInfo: PageInfo;
  Product: ProductModelModel;
  ProductCategory: ProductCategory;
  ProductConnection: ProductPageModel;
  ProductEdge: ProductEdgeModelModel;
  Query: Record<PropertyKey, never>;
  Receipt: ReceiptModel;
  SaleType: SaleTypeModel;
  ServiceCharge: ServiceChargeModel;
  ServiceChargeInput: ServiceChargeInput;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  UserError: UserError;
  Venue: VenueModel;
};

export type CancelOrderPayloadResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['CancelOrderPayload'] = ResolversParentTypes['CancelOrderPayload']> = {
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type CatalogModifierResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['CatalogModifier'] = ResolversParentTypes['CatalogModifier']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type CreateOrderPayloadResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['CreateOrderPayload'] = ResolversParentTypes['CreateOrderPayload']> = {
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = {
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  addresses?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  discountType?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phones?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CustomerConnectionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CustomerEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CustomerEdgeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['CustomerEdge'] = ResolversParentTypes['CustomerEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type DiscountResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Discount'] = ResolversParentTypes['Discount']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  rate?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type InvalidateCatalogPayloadResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['InvalidateCatalogPayload'] = ResolversParentTypes['InvalidateCatalogPayload']> = {
  dropped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ModifierGroupResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ModifierGroup'] = ResolversParentTypes['ModifierGroup']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  min?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  modifiers?: Resolver<Array<ResolversTypes['CatalogModifier']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelOrder?: Resolver<ResolversTypes['CancelOrderPayload'], ParentType, ContextType, RequireFields<MutationCancelOrderArgs, 'id'>>;
  createOrder?: Resolver<ResolversTypes['CreateOrderPayload'], ParentType, ContextType, RequireFields<MutationCreateOrderArgs, 'input'>>;
  invalidateCatalog?: Resolver<ResolversTypes['InvalidateCatalogPayload'], ParentType, ContextType>;
};

export type OrderResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = {
  autoAccept?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  deliveryCharge?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  deliveryFee?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  discount?: Resolver<Maybe<ResolversTypes['Discount']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  integration?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  receipt?: Resolver<Maybe<ResolversTypes['Receipt']>, ParentType, ContextType>;
  saleTypeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sendToStationOnAccept?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  serviceCharge?: Resolver<Maybe<ResolversTypes['ServiceCharge']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  venueId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type OrderChangeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['OrderChange'] = ResolversParentTypes['OrderChange']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  feedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OrderChangeKind'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  previousStatus?: Resolver<Maybe<ResolversTypes['OrderStatus']>, ParentType, ContextType>;
};

export type OrderConnectionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrderEdgeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
};

export type OrderLineResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = {
  modifiers?: Resolver<Array<ResolversTypes['OrderLineModifier']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  portionSize?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  productHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type OrderLineModifierResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['OrderLineModifier'] = ResolversParentTypes['OrderLineModifier']> = {
  modifierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  portionSize?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProductResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = {
  available?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['ProductCategory']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  modifierGroups?: Resolver<Array<ResolversTypes['ModifierGroup']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  stockLimit?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProductCategoryResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ProductCategory'] = ResolversParentTypes['ProductCategory']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProductConnectionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProductEdgeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customers?: Resolver<ResolversTypes['CustomerConnection'], ParentType, ContextType, RequireFields<QueryCustomersArgs, 'filter'>>;
  menu?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<QueryMenuArgs, 'venueId'>>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, Partial<QueryOrdersArgs>>;
  saleTypes?: Resolver<Array<ResolversTypes['SaleType']>, ParentType, ContextType, Partial<QuerySaleTypesArgs>>;
  venues?: Resolver<Array<ResolversTypes['Venue']>, ParentType, ContextType>;
};

export type ReceiptResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Receipt'] = ResolversParentTypes['Receipt']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  serviceNotificationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type SaleTypeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['SaleType'] = ResolversParentTypes['SaleType']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['SaleTypeKind']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serviceChargeRate?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type ServiceChargeResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['ServiceCharge'] = ResolversParentTypes['ServiceCharge']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  orderChanged?: SubscriptionResolver<ResolversTypes['OrderChange'], "orderChanged", ParentType, ContextType, Partial<SubscriptionOrderChangedArgs>>;
};

export type UserErrorResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  code?: Resolver<ResolversTypes['UserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retryAfter?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type VenueResolvers<ContextType = GraphContext, ParentType extends ResolversParentTypes['Venue'] = ResolversParentTypes['Venue']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphContext> = {
  CancelOrderPayload?: CancelOrderPayloadResolvers<ContextType>;
  CatalogModifier?: CatalogModifierResolvers<ContextType>;
  CreateOrderPayload?: CreateOrderPayloadResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  CustomerEdge?: CustomerEdgeResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Discount?: DiscountResolvers<ContextType>;
  InvalidateCatalogPayload?: InvalidateCatalogPayloadResolvers<ContextType>;
  ModifierGroup?: ModifierGroupResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderChange?: OrderChangeResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderLineModifier?: OrderLineModifierResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductCategory?: ProductCategoryResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Receipt?: ReceiptResolvers<ContextType>;
  SaleType?: SaleTypeResolvers<ContextType>;
  ServiceCharge?: ServiceChargeResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Venue?: VenueResolvers<ContextType>;
};

