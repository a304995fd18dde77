// The order of a mutation payload is read only when the query asks for more than its id, through
// the same loader as Query.order.
import type { GraphQLResolveInfo } from 'graphql';
import type { CancelOrderPayloadResolvers, CreateOrderPayloadResolvers } from '../../../generated/graphql.js';
import type { Order } from '../../domain/order.js';
import type { GraphContext } from '../context.js';
import { selectedFieldNames, selectsField } from '../selection.js';
import type { OrderPayloadModel, UserErrorModel } from '../write/payloads.js';

const ID_ONLY = new Set(['id', '__typename']);

/** An order known by id alone: only `id` (and `__typename`) is read from it. */
const idOnly = (id: string): Order => ({
  id,
  venueId: null,
  status: 'PENDING',
  saleTypeId: null,
  type: null,
  integration: null,
  comment: null,
  deliveryFee: null,
  customer: null,
  lines: [],
  discount: null,
  serviceCharge: null,
  autoAccept: false,
  sendToStationOnAccept: false,
  createdAt: null,
  updatedAt: null,
  total: null,
});

async function payloadOrder(
  payload: OrderPayloadModel,
  { orderLoader }: GraphContext,
  info: GraphQLResolveInfo,
): Promise<Order | null> {
  const ref = payload.order;
  if (!ref) return null;
  if ([...selectedFieldNames(info)].every((name) => ID_ONLY.has(name))) {
    return ref.known ?? idOnly(ref.id);
  }
  const key = { id: ref.id, venueId: ref.venueId, withReceipt: selectsField(info, 'receipt') };
  // A cancel changed the order: never answer from what this request read before.
  if (ref.known) orderLoader.clear(key);
  return (await orderLoader.load(key)) ?? ref.known ?? null;
}

/** retryAfter is null unless the error says when to repeat. */
const withRetryAfter = (error: UserErrorModel) => ({ ...error, retryAfter: error.retryAfter ?? null });

export const CreateOrderPayload: CreateOrderPayloadResolvers = {
  order: (payload, _args, ctx, info) => payloadOrder(payload, ctx, info),
  userErrors: (payload) => payload.userErrors.map(withRetryAfter),
};

export const CancelOrderPayload: CancelOrderPayloadResolvers = {
  order: (payload, _args, ctx, info) => payloadOrder(payload, ctx, info),
  userErrors: (payload) => payload.userErrors.map(withRetryAfter),
};
