// The Clopos REST client's public face (client, token source, query strings), for tests and tools.
export type {
  CloposApi,
  CloposCredentials,
  CreatedOrder,
  GetOrderOptions,
  ListOrdersParams,
  OrderPage,
  SortField,
} from './api.js';
export { createCloposClient, DEFAULT_TIMEOUT_MS, type CloposClientOptions } from './client.js';
export { createTokenSource, DEFAULT_RENEW_MARGIN_SECONDS, type TokenSource, type TokenSourceOptions } from './auth.js';
export {
  DEFAULT_RETRY_AFTER_SECONDS,
  isUpstreamError,
  UpstreamError,
  type UpstreamErrorCode,
  type UpstreamErrorReason,
  type UpstreamOperation,
} from '../errors.js';
export { getOrderQuery, listOrdersQuery, RECEIPT_WITH, serializeQuery } from './query.js';
