/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A new order. */
export type CreateOrderInput = {
  /** Let the POS accept the order on its own (default false). */
  autoAccept?: boolean | null | undefined;
  /** The POS terminal that auto-accepts the order. */
  autoAcceptTerminalId?: string | number | null | undefined;
  /** A free-text note for the whole order (at most 1000 characters). */
  comment?: string | null | undefined;
  /** Who orders. Omit `id` for a guest. */
  customer: OrderCustomerInput;
  /** A delivery charge. */
  deliveryFee?: number | null | undefined;
  /** An order-level discount. */
  discount?: DiscountInput | null | undefined;
  /**
   * A key of your choosing (at most 255 characters) that makes retries safe: a repeat with the same
   * key within 24 hours returns the first result and creates nothing. The same key with a different
   * input is refused with `IDEMPOTENCY_KEY_REUSED`.
   */
  idempotencyKey?: string | null | undefined;
  /** What is ordered: at least one line. */
  lines: Array<OrderLineInput>;
  /** The sale type (delivery, takeaway...), from the POS's sale types. */
  saleTypeId: string | number;
  /** Send the order to the preparation stations once accepted (default false). */
  sendToStationOnAccept?: boolean | null | undefined;
  /** Service charge settings. */
  serviceCharge?: ServiceChargeInput | null | undefined;
  /** The venue (branch) that receives the order. */
  venueId: string | number;
};

/** An order-level discount. */
export type DiscountInput = {
  /** The POS's discount type code. */
  type: number;
  /** The discount amount or rate, depending on the type; 0 or more. */
  value: number;
};

/** Which products a menu includes. */
export type MenuFilter = {
  /** Only products of this category. */
  categoryId?: string | number | null | undefined;
  /** Only products whose name contains this text (case-insensitive). */
  search?: string | null | undefined;
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

/** The customer of a new order. */
export type OrderCustomerInput = {
  /** The delivery address. */
  address?: string | null | undefined;
  /** The discount type that applies to this customer. */
  discountType?: number | null | undefined;
  /** The customer's id in the POS. Omitted: sent as 0, which Clopos integrations use for a guest. */
  id?: string | number | null | undefined;
  /** The customer's name. */
  name?: string | null | undefined;
  /** The customer's phone number. */
  phone?: string | null | undefined;
};

/** Which orders a list includes. Every field narrows the list; omitted fields do not. */
export type OrderFilter = {
  /** Only orders created on or after this day (UTC, inclusive). */
  createdFrom?: string | null | undefined;
  /** Only orders created on or before this day (UTC, inclusive). */
  createdTo?: string | null | undefined;
  /** Only orders in this lifecycle state. */
  status?: OrderStatus | null | undefined;
  /** Only orders of this venue. */
  venueId?: string | number | null | undefined;
};

/** One product line of a new order. */
export type OrderLineInput = {
  /** Modifiers (extras, options) for this line. */
  modifiers?: Array<OrderLineModifierInput> | null | undefined;
  /**
   * The product's name. The gateway takes it from the menu; when given, it must match (`PRICE_MISMATCH`).
   * @deprecated Leave it out: the gateway fills it in from the venue's menu.
   */
  name?: string | null | undefined;
  /** A free-text note for this line, for example `No onions`. */
  note?: string | null | undefined;
  /** The portion size (default 1). */
  portionSize?: number | null | undefined;
  /** The POS's hash of the line's product and options; derived from the line when omitted. */
  productHash?: string | null | undefined;
  /** The product's id in the POS. */
  productId: string | number;
  /** How many; above 0. */
  quantity: number;
  /** The line's kitchen status; `new` when omitted. */
  status?: string | null | undefined;
  /**
   * The price of one. The gateway takes it from the menu; when given, it must match (`PRICE_MISMATCH`).
   * @deprecated Leave it out: the gateway prices the line from the venue's menu.
   */
  unitPrice?: number | null | undefined;
};

/** A modifier on a line of a new order. */
export type OrderLineModifierInput = {
  /** The modifier's id in the POS. */
  modifierId: string | number;
  /**
   * The modifier's name. Taken from the menu; when given, it must match (`PRICE_MISMATCH`).
   * @deprecated Leave it out: the gateway fills it in from the product's modifier groups.
   */
  name?: string | null | undefined;
  /** The portion size (default 1). */
  portionSize?: number | null | undefined;
  /** How many; above 0. */
  quantity: number;
  /**
   * The price of one. Taken from the menu; when given, it must match (`PRICE_MISMATCH`).
   * @deprecated Leave it out: the gateway prices the modifier from the menu.
   */
  unitPrice?: number | null | undefined;
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

/** What kind of service a sale type is. */
export type SaleTypeKind =
  /** Delivered to the customer. */
  | 'DELIVERY'
  /** Eaten at the venue (Clopos `IN`). */
  | 'DINE_IN'
  /** Collected by the customer. */
  | 'TAKEAWAY';

/** Service charge settings. */
export type ServiceChargeInput = {
  /** Whether a service charge applies. */
  enabled: boolean;
  /** The service charge amount or rate; 0 or more. */
  value: number;
};

/** Sort direction. */
export type SortDirection =
  /** Smallest or oldest first. */
  | 'ASC'
  /** Largest or newest first. */
  | 'DESC';

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

export type FindCallerQueryVariables = Exact<{
  phone: string;
}>;


export type FindCallerQuery = { customers: { nodes: Array<{ id: string | null, name: string | null, phone: string | null, address: string | null }> } };

export type VenuesQueryVariables = Exact<{ [key: string]: never; }>;


export type VenuesQuery = { venues: Array<{ id: string, name: string, active: boolean }> };

export type SaleTypesQueryVariables = Exact<{
  venueId?: string | number | null | undefined;
}>;


export type SaleTypesQuery = { saleTypes: Array<{ id: string, name: string, kind: SaleTypeKind | null, serviceChargeRate: string | null }> };

export type MenuQueryVariables = Exact<{
  venueId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: MenuFilter | null | undefined;
}>;


export type MenuQuery = { menu: { totalCount: number, nodes: Array<{ id: string, name: string, available: boolean, price: { amount: string, currencyCode: string }, category: { id: string, name: string | null } | null, modifierGroups: Array<{ id: string, name: string, min: number, max: number | null, modifiers: Array<{ id: string, name: string, price: { amount: string, currencyCode: string } }> }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CancelOrderMutationVariables = Exact<{
  id: string | number;
  venueId?: string | number | null | undefined;
}>;


export type CancelOrderMutation = { cancelOrder: { order: { id: string, status: OrderStatus } | null, userErrors: Array<{ field: Array<string>, message: string, code: UserErrorCode }> } };

export type CreateOrderMutationVariables = Exact<{
  input: CreateOrderInput;
}>;


export type CreateOrderMutation = { createOrder: { order: { id: string, status: OrderStatus, createdAt: string } | null, userErrors: Array<{ field: Array<string>, message: string, code: UserErrorCode }> } };

export type OrderChangesSubscriptionVariables = Exact<{
  filter?: OrderFilter | null | undefined;
  since?: string | null | undefined;
}>;


export type OrderChangesSubscription = { orderChanged: { kind: OrderChangeKind, at: string, feedAt: string | null, previousStatus: OrderStatus | null, order: { id: string, status: OrderStatus, venueId: string, createdAt: string, customer: { name: string | null, phone: string | null } | null, lines: Array<{ name: string, quantity: number }> } | null } };

export type OrderDetailQueryVariables = Exact<{
  id: string | number;
  venueId?: string | number | null | undefined;
}>;


export type OrderDetailQuery = { order: { id: string, status: OrderStatus, venueId: string, saleTypeId: string, type: string | null, comment: string | null, deliveryFee: number | null, createdAt: string, updatedAt: string, deliveryCharge: { amount: string, currencyCode: string } | null, total: { amount: string, currencyCode: string } | null, customer: { name: string | null, phone: string | null, address: string | null } | null, lines: Array<{ productId: string, name: string, quantity: number, unitPrice: number, note: string | null, total: { amount: string, currencyCode: string }, modifiers: Array<{ modifierId: string, name: string, quantity: number, unitPrice: number, price: { amount: string, currencyCode: string } }> }>, receipt: { id: string, status: number | null } | null } | null };

export type OrderBoardQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: OrderFilter | null | undefined;
  orderBy?: OrderSort | null | undefined;
}>;


export type OrderBoardQuery = { orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, status: OrderStatus, venueId: string, createdAt: string, customer: { name: string | null, phone: string | null } | null, lines: Array<{ name: string, quantity: number }> }> } };

export type OrderSummaryFragment = { id: string, status: OrderStatus, venueId: string, createdAt: string, customer: { name: string | null, phone: string | null } | null, lines: Array<{ name: string, quantity: number }> };

export const OrderSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"venueId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]} as unknown as DocumentNode<OrderSummaryFragment, unknown>;
export const FindCallerDocument = {"__meta__":{"hash":"sha256:97faa9e8420561a6fcc2f180eb6dc32617879c6990fe474a45a481d5463cd994"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FindCaller"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phone"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"phone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phone"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}}]}}]} as unknown as DocumentNode<FindCallerQuery, FindCallerQueryVariables>;
export const VenuesDocument = {"__meta__":{"hash":"sha256:2f2ffe66834ea77728fe81ef5d8d0d18ef2288ddc36ec875de10f3418b59ebaf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Venues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"venues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<VenuesQuery, VenuesQueryVariables>;
export const SaleTypesDocument = {"__meta__":{"hash":"sha256:81ed2a2601bb4d2ce357cc6035477053716173ce3f36da3d0a54311cb379991e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SaleTypes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saleTypes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"venueId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"serviceChargeRate"}}]}}]}}]} as unknown as DocumentNode<SaleTypesQuery, SaleTypesQueryVariables>;
export const MenuDocument = {"__meta__":{"hash":"sha256:ca8bec3de152ffe374f04317632e4e5fbc388debd7b9e57417197bac7dc3d1cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Menu"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MenuFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"menu"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"venueId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modifierGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"modifiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MenuQuery, MenuQueryVariables>;
export const CancelOrderDocument = {"__meta__":{"hash":"sha256:52bd2dbbdeaace2ab1a77f4eafe88f6e9fb291da07ab047ee4b91bd83cff81f6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"venueId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CancelOrderMutation, CancelOrderMutationVariables>;
export const CreateOrderDocument = {"__meta__":{"hash":"sha256:1589ffc74ade27f78d4637491ed34fbd25467665f94c3b1eff1c7f53fde9461c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CreateOrderMutation, CreateOrderMutationVariables>;
export const OrderChangesDocument = {"__meta__":{"hash":"sha256:0d7446e695cf5e7913a55a80e9336dd45f51c7eaa16aa1ef37728bfbd04c253e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OrderChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"feedAt"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"venueId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]} as unknown as DocumentNode<OrderChangesSubscription, OrderChangesSubscriptionVariables>;
export const OrderDetailDocument = {"__meta__":{"hash":"sha256:1062a0bafd3091609a4e5a3e35208e4b85a66c01b47948a9c430d89a2e36ead7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"venueId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"venueId"}},{"kind":"Field","name":{"kind":"Name","value":"saleTypeId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryFee"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryCharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"modifiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modifierId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<OrderDetailQuery, OrderDetailQueryVariables>;
export const OrderBoardDocument = {"__meta__":{"hash":"sha256:381ce044547f7d5bbb2d2625bbf5f2a76f698b2984fe58b667591d57ad1561ae"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderBoard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderSort"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"venueId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]} as unknown as DocumentNode<OrderBoardQuery, OrderBoardQueryVariables>;