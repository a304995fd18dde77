import type { Order } from '../../domain/order.js';
import type { UserErrorCode } from '../../errors.js';

export interface UserErrorModel {
  field: string[];
  message: string;
  code: UserErrorCode;
  /** With UPSTREAM_OUTCOME_UNKNOWN: seconds to wait before repeating with the same idempotency key. */
  retryAfter?: number;
}

/** An order a mutation produced, known by id; the full order is read only when asked for. */
export interface OrderRef {
  id: string;
  venueId?: string;
  /** What the POS already answered about it (Clopos's cancel response: an order without payload). */
  known?: Order;
}

/** The parent of CreateOrderPayload and CancelOrderPayload. */
export interface OrderPayloadModel {
  order: OrderRef | null;
  userErrors: UserErrorModel[];
}

export function failed(userErrors: UserErrorModel[]): OrderPayloadModel {
  return { order: null, userErrors };
}

export function userError(field: Array<string | number>, code: UserErrorCode, message: string): UserErrorModel {
  return { field: field.map(String), code, message };
}
