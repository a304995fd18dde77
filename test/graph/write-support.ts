// Shared pieces of the write-side graph tests: the order fragment, the mutations and small waits.
import type { TestGateway } from '../support/gateway.js';

export const ORDER_FIELDS = /* GraphQL */ `
  fragment OrderFields on Order {
    id venueId status saleTypeId type integration comment deliveryFee
    customer { id name phone address discountType }
    lines {
      productId name quantity unitPrice portionSize status productHash note
      modifiers { modifierId name quantity unitPrice portionSize }
    }
    discount { type value }
    serviceCharge { enabled value }
    autoAccept sendToStationOnAccept
    createdAt updatedAt
  }
`;

export const CREATE_ID_ONLY = /* GraphQL */ `
  mutation($input: CreateOrderInput!) {
    createOrder(input: $input) { order { id } userErrors { field message code } }
  }
`;

export const CREATE_FULL = /* GraphQL */ `
  mutation($input: CreateOrderInput!) {
    createOrder(input: $input) { order { ...OrderFields } userErrors { field message code } }
  }
  ${ORDER_FIELDS}
`;

export interface UserErrorShape {
  field: string[];
  message: string;
  code: string;
}

export interface CreateResult {
  createOrder: { order: ({ id: string } & Record<string, unknown>) | null; userErrors: UserErrorShape[] };
}

/** A small valid order for venue 1; vary `phone` to keep orders apart. */
export function simpleInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    venueId: '1',
    saleTypeId: '2',
    customer: { name: 'Aysel Mammadova', phone: '+994502218834' },
    lines: [{ productId: '71', name: 'Plov', quantity: 1, unitPrice: 9 }],
    ...overrides,
  };
}

/** Polls until `check` holds, for at most `ms`; throws so a test fails instead of hanging. */
export async function until(check: () => boolean, ms = 3000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** POST /orders requests the sandbox received. */
export const creates = (gw: TestGateway) => gw.upstreamCalls('POST', '/orders');
