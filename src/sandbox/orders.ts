// Builds order objects in the exact stored shape the docs show (get-orders example), so seeded,
// created (POST /orders) and control-added orders all read back identically.
import { createHash } from 'node:crypto';
import type { ClopCustomer, ClopModifier, ClopOrder, ClopOrderStatus, ClopProduct } from '../upstreams/clopos/types.js';
import { isoMicros } from './time.js';

export interface LineInput {
  productId: number;
  name: string;
  unitPrice: number;
  count: number;
  portionSize: number;
  status: string;
  productHash?: string;
  note?: string;
  modifiers: ClopModifier[];
}

export interface OrderInput {
  id: number;
  venueId: number;
  saleTypeId: number;
  status: ClopOrderStatus;
  customer: ClopCustomer;
  lines: ClopProduct[];
  deliveryFee: number | null;
  comment: string | null;
  discount: { discount_type: number; discount_value: number };
  serviceCharge: { enabled: boolean; value: number };
  autoAccept: boolean;
  autoSendToStation: boolean;
  createdSec: number;
  updatedSec: number;
}

/** The docs never say how product_hash is derived; any stable digest of the line's identity will do. */
export function productHash(productId: number, modifiers: readonly ClopModifier[]): string {
  const ids = modifiers.map((m) => m.modifier_id ?? m.modificator_id ?? m.id ?? 0).join(',');
  return createHash('sha1').update(`${productId}|${ids}`).digest('hex').slice(0, 12);
}

export function buildLine(input: LineInput): ClopProduct {
  const orderProduct: NonNullable<NonNullable<ClopProduct['meta']>['order_product']> = {
    count: input.count,
    status: input.status,
    product_modificators: input.modifiers,
    product_hash: input.productHash ?? productHash(input.productId, input.modifiers),
    product: { id: input.productId, name: input.name, price: input.unitPrice },
  };
  if (input.note !== undefined) orderProduct.note = input.note;
  return {
    product_id: input.productId,
    count: input.count,
    product_modificators: input.modifiers,
    portion_size: input.portionSize,
    meta: { price: input.unitPrice, order_product: orderProduct },
  };
}

export function buildOrder(input: OrderInput): ClopOrder {
  return {
    id: input.id,
    venue_id: input.venueId,
    type: 'CALL_CENTER_ORDER',
    integration: 'call_center_new',
    integration_uuid: null,
    integration_id: null,
    customer_ref_id: null,
    integration_status: 'CREATED',
    status: input.status,
    payload: {
      auto_order_accept: input.autoAccept,
      auto_order_sent_to_station: input.autoSendToStation,
      delivery_fee: input.deliveryFee,
      service: { sale_type_id: input.saleTypeId, venue_id: input.venueId },
      customer: input.customer,
      products: input.lines,
      meta: {
        comment: input.comment,
        discount: input.discount,
        apply_service_charge: input.serviceCharge.enabled,
        customer_discount_type: input.customer.customer_discount_type ?? null,
        service_charge_value: input.serviceCharge.value,
      },
      customer_id: input.customer.id ?? null,
      sale_type_id: input.saleTypeId,
    },
    created_at: isoMicros(input.createdSec),
    updated_at: isoMicros(input.updatedSec),
    integration_response: null,
  };
}

/** The PUT /orders/{id} answer: the order without its payload (facts §1.7), in the docs' key order. */
export function withoutPayload(order: ClopOrder): ClopOrder {
  const { payload: _payload, receipt: _receipt, ...rest } = order;
  return {
    id: rest.id,
    venue_id: rest.venue_id,
    type: rest.type,
    integration: rest.integration,
    integration_uuid: rest.integration_uuid,
    integration_id: rest.integration_id,
    customer_ref_id: rest.customer_ref_id,
    integration_status: rest.integration_status,
    status: rest.status,
    created_at: rest.created_at,
    updated_at: rest.updated_at,
    integration_response: rest.integration_response,
  };
}
