/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query FindCaller($phone: String!) {\n  customers(filter: {phone: $phone}, first: 5) {\n    nodes {\n      id\n      name\n      phone\n      address\n    }\n  }\n}\n\nquery Venues {\n  venues {\n    id\n    name\n    active\n  }\n}\n\nquery SaleTypes($venueId: ID) {\n  saleTypes(venueId: $venueId) {\n    id\n    name\n    kind\n    serviceChargeRate\n  }\n}\n\nquery Menu($venueId: ID!, $first: Int, $after: String, $filter: MenuFilter) {\n  menu(venueId: $venueId, first: $first, after: $after, filter: $filter) {\n    totalCount\n    nodes {\n      id\n      name\n      available\n      price {\n        amount\n        currencyCode\n      }\n      category {\n        id\n        name\n      }\n      modifierGroups {\n        id\n        name\n        min\n        max\n        modifiers {\n          id\n          name\n          price {\n            amount\n            currencyCode\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.FindCallerDocument,
    "mutation CancelOrder($id: ID!, $venueId: ID) {\n  cancelOrder(id: $id, venueId: $venueId) {\n    order {\n      id\n      status\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": typeof types.CancelOrderDocument,
    "mutation CreateOrder($input: CreateOrderInput!) {\n  createOrder(input: $input) {\n    order {\n      id\n      status\n      createdAt\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": typeof types.CreateOrderDocument,
    "subscription OrderChanges($filter: OrderFilter, $since: DateTime) {\n  orderChanged(filter: $filter, since: $since) {\n    kind\n    at\n    feedAt\n    previousStatus\n    order {\n      ...OrderSummary\n    }\n  }\n}": typeof types.OrderChangesDocument,
    "query OrderDetail($id: ID!, $venueId: ID) {\n  order(id: $id, venueId: $venueId) {\n    id\n    status\n    venueId\n    saleTypeId\n    type\n    comment\n    deliveryFee\n    deliveryCharge {\n      amount\n      currencyCode\n    }\n    total {\n      amount\n      currencyCode\n    }\n    createdAt\n    updatedAt\n    customer {\n      name\n      phone\n      address\n    }\n    lines {\n      productId\n      name\n      quantity\n      unitPrice\n      total {\n        amount\n        currencyCode\n      }\n      note\n      modifiers {\n        modifierId\n        name\n        quantity\n        unitPrice\n        price {\n          amount\n          currencyCode\n        }\n      }\n    }\n    receipt {\n      id\n      status\n    }\n  }\n}": typeof types.OrderDetailDocument,
    "query OrderBoard($first: Int = 10, $after: String, $filter: OrderFilter, $orderBy: OrderSort) {\n  orders(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...OrderSummary\n    }\n  }\n}\n\nfragment OrderSummary on Order {\n  id\n  status\n  venueId\n  createdAt\n  customer {\n    name\n    phone\n  }\n  lines {\n    name\n    quantity\n  }\n}": typeof types.OrderBoardDocument,
};
const documents: Documents = {
    "query FindCaller($phone: String!) {\n  customers(filter: {phone: $phone}, first: 5) {\n    nodes {\n      id\n      name\n      phone\n      address\n    }\n  }\n}\n\nquery Venues {\n  venues {\n    id\n    name\n    active\n  }\n}\n\nquery SaleTypes($venueId: ID) {\n  saleTypes(venueId: $venueId) {\n    id\n    name\n    kind\n    serviceChargeRate\n  }\n}\n\nquery Menu($venueId: ID!, $first: Int, $after: String, $filter: MenuFilter) {\n  menu(venueId: $venueId, first: $first, after: $after, filter: $filter) {\n    totalCount\n    nodes {\n      id\n      name\n      available\n      price {\n        amount\n        currencyCode\n      }\n      category {\n        id\n        name\n      }\n      modifierGroups {\n        id\n        name\n        min\n        max\n        modifiers {\n          id\n          name\n          price {\n            amount\n            currencyCode\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.FindCallerDocument,
    "mutation CancelOrder($id: ID!, $venueId: ID) {\n  cancelOrder(id: $id, venueId: $venueId) {\n    order {\n      id\n      status\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": types.CancelOrderDocument,
    "mutation CreateOrder($input: CreateOrderInput!) {\n  createOrder(input: $input) {\n    order {\n      id\n      status\n      createdAt\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": types.CreateOrderDocument,
    "subscription OrderChanges($filter: OrderFilter, $since: DateTime) {\n  orderChanged(filter: $filter, since: $since) {\n    kind\n    at\n    feedAt\n    previousStatus\n    order {\n      ...OrderSummary\n    }\n  }\n}": types.OrderChangesDocument,
    "query OrderDetail($id: ID!, $venueId: ID) {\n  order(id: $id, venueId: $venueId) {\n    id\n    status\n    venueId\n    saleTypeId\n    type\n    comment\n    deliveryFee\n    deliveryCharge {\n      amount\n      currencyCode\n    }\n    total {\n      amount\n      currencyCode\n    }\n    createdAt\n    updatedAt\n    customer {\n      name\n      phone\n      address\n    }\n    lines {\n      productId\n      name\n      quantity\n      unitPrice\n      total {\n        amount\n        currencyCode\n      }\n      note\n      modifiers {\n        modifierId\n        name\n        quantity\n        unitPrice\n        price {\n          amount\n          currencyCode\n        }\n      }\n    }\n    receipt {\n      id\n      status\n    }\n  }\n}": types.OrderDetailDocument,
    "query OrderBoard($first: Int = 10, $after: String, $filter: OrderFilter, $orderBy: OrderSort) {\n  orders(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...OrderSummary\n    }\n  }\n}\n\nfragment OrderSummary on Order {\n  id\n  status\n  venueId\n  createdAt\n  customer {\n    name\n    phone\n  }\n  lines {\n    name\n    quantity\n  }\n}": types.OrderBoardDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FindCaller($phone: String!) {\n  customers(filter: {phone: $phone}, first: 5) {\n    nodes {\n      id\n      name\n      phone\n      address\n    }\n  }\n}\n\nquery Venues {\n  venues {\n    id\n    name\n    active\n  }\n}\n\nquery SaleTypes($venueId: ID) {\n  saleTypes(venueId: $venueId) {\n    id\n    name\n    kind\n    serviceChargeRate\n  }\n}\n\nquery Menu($venueId: ID!, $first: Int, $after: String, $filter: MenuFilter) {\n  menu(venueId: $venueId, first: $first, after: $after, filter: $filter) {\n    totalCount\n    nodes {\n      id\n      name\n      available\n      price {\n        amount\n        currencyCode\n      }\n      category {\n        id\n        name\n      }\n      modifierGroups {\n        id\n        name\n        min\n        max\n        modifiers {\n          id\n          name\n          price {\n            amount\n            currencyCode\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query FindCaller($phone: String!) {\n  customers(filter: {phone: $phone}, first: 5) {\n    nodes {\n      id\n      name\n      phone\n      address\n    }\n  }\n}\n\nquery Venues {\n  venues {\n    id\n    name\n    active\n  }\n}\n\nquery SaleTypes($venueId: ID) {\n  saleTypes(venueId: $venueId) {\n    id\n    name\n    kind\n    serviceChargeRate\n  }\n}\n\nquery Menu($venueId: ID!, $first: Int, $after: String, $filter: MenuFilter) {\n  menu(venueId: $venueId, first: $first, after: $after, filter: $filter) {\n    totalCount\n    nodes {\n      id\n      name\n      available\n      price {\n        amount\n        currencyCode\n      }\n      category {\n        id\n        name\n      }\n      modifierGroups {\n        id\n        name\n        min\n        max\n        modifiers {\n          id\n          name\n          price {\n            amount\n            currencyCode\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelOrder($id: ID!, $venueId: ID) {\n  cancelOrder(id: $id, venueId: $venueId) {\n    order {\n      id\n      status\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"): (typeof documents)["mutation CancelOrder($id: ID!, $venueId: ID) {\n  cancelOrder(id: $id, venueId: $venueId) {\n    order {\n      id\n      status\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateOrder($input: CreateOrderInput!) {\n  createOrder(input: $input) {\n    order {\n      id\n      status\n      createdAt\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"): (typeof documents)["mutation CreateOrder($input: CreateOrderInput!) {\n  createOrder(input: $input) {\n    order {\n      id\n      status\n      createdAt\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription OrderChanges($filter: OrderFilter, $since: DateTime) {\n  orderChanged(filter: $filter, since: $since) {\n    kind\n    at\n    feedAt\n    previousStatus\n    order {\n      ...OrderSummary\n    }\n  }\n}"): (typeof documents)["subscription OrderChanges($filter: OrderFilter, $since: DateTime) {\n  orderChanged(filter: $filter, since: $since) {\n    kind\n    at\n    feedAt\n    previousStatus\n    order {\n      ...OrderSummary\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderDetail($id: ID!, $venueId: ID) {\n  order(id: $id, venueId: $venueId) {\n    id\n    status\n    venueId\n    saleTypeId\n    type\n    comment\n    deliveryFee\n    deliveryCharge {\n      amount\n      currencyCode\n    }\n    total {\n      amount\n      currencyCode\n    }\n    createdAt\n    updatedAt\n    customer {\n      name\n      phone\n      address\n    }\n    lines {\n      productId\n      name\n      quantity\n      unitPrice\n      total {\n        amount\n        currencyCode\n      }\n      note\n      modifiers {\n        modifierId\n        name\n        quantity\n        unitPrice\n        price {\n          amount\n          currencyCode\n        }\n      }\n    }\n    receipt {\n      id\n      status\n    }\n  }\n}"): (typeof documents)["query OrderDetail($id: ID!, $venueId: ID) {\n  order(id: $id, venueId: $venueId) {\n    id\n    status\n    venueId\n    saleTypeId\n    type\n    comment\n    deliveryFee\n    deliveryCharge {\n      amount\n      currencyCode\n    }\n    total {\n      amount\n      currencyCode\n    }\n    createdAt\n    updatedAt\n    customer {\n      name\n      phone\n      address\n    }\n    lines {\n      productId\n      name\n      quantity\n      unitPrice\n      total {\n        amount\n        currencyCode\n      }\n      note\n      modifiers {\n        modifierId\n        name\n        quantity\n        unitPrice\n        price {\n          amount\n          currencyCode\n        }\n      }\n    }\n    receipt {\n      id\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderBoard($first: Int = 10, $after: String, $filter: OrderFilter, $orderBy: OrderSort) {\n  orders(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...OrderSummary\n    }\n  }\n}\n\nfragment OrderSummary on Order {\n  id\n  status\n  venueId\n  createdAt\n  customer {\n    name\n    phone\n  }\n  lines {\n    name\n    quantity\n  }\n}"): (typeof documents)["query OrderBoard($first: Int = 10, $after: String, $filter: OrderFilter, $orderBy: OrderSort) {\n  orders(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      ...OrderSummary\n    }\n  }\n}\n\nfragment OrderSummary on Order {\n  id\n  status\n  venueId\n  createdAt\n  customer {\n    name\n    phone\n  }\n  lines {\n    name\n    quantity\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;