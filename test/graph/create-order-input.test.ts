import { describe, expect, it } from 'vitest';
import type { CreateOrderInput } from '../../generated/graphql.js';
import { deriveProductHash, toNewOrder } from '../../src/graph/write/new-order.js';
import { LIMITS, validateCreateOrder as validate } from '../../src/graph/write/validate.js';
import { checkCloposId } from '../../src/upstreams/clopos/index.js';
import { toCreateBody } from '../../src/upstreams/clopos/to-clopos.js';

const toCreateOrderBody = (input: CreateOrderInput) => toCreateBody(toNewOrder(input));
const validateCreateOrder = (input: CreateOrderInput) => validate(input, checkCloposId);

const minimal: CreateOrderInput = {
  venueId: '1',
  saleTypeId: '2',
  customer: { name: 'Aysel', phone: '+994501112233' },
  lines: [{ productId: '101', name: 'Pizza', quantity: 2, unitPrice: 8.5 }],
};

const full: CreateOrderInput = {
  venueId: '1',
  saleTypeId: '2',
  customer: { id: '9', phone: '+994705401040', address: '123 Main St', discountType: 1, name: 'Rahid Akhundzada' },
  lines: [
    {
      productId: '101',
      name: 'Pizza',
      quantity: 2,
      unitPrice: 8.5,
      status: 'new',
      productHash: 'abc123',
      portionSize: 1,
      note: 'No onions',
      modifiers: [{ modifierId: '501', name: 'Extra Cheese', quantity: 1, unitPrice: 0.5, portionSize: 1 }],
    },
  ],
  deliveryFee: 2.5,
  comment: 'Leave at the door',
  discount: { type: 1, value: 10 },
  serviceCharge: { enabled: true, value: 5 },
  autoAccept: true,
  autoAcceptTerminalId: '1',
  sendToStationOnAccept: true,
  idempotencyKey: 'k-1',
};

describe('createOrder input → Clopos POST /orders body', () => {
  it('maps every field to the documented body, ids as numbers', () => {
    expect(toCreateOrderBody(full)).toEqual({
      auto_accept_terminal: 1,
      auto_order_accept: true,
      auto_order_sent_to_station: true,
      sale_type_id: 2,
      venue_id: 1,
      delivery_fee: 2.5,
      customer: { id: 9, phone: '+994705401040', address: '123 Main St', customer_discount_type: 1, name: 'Rahid Akhundzada' },
      comment: 'Leave at the door',
      discount: { discount_type: 1, discount_value: 10 },
      service_charge: { enabled: true, value: 5 },
      products: [
        {
          product_id: 101,
          product_name: 'Pizza',
          count: 2,
          price: 8.5,
          status: 'new',
          product_hash: 'abc123',
          portion_size: 1,
          note: 'No onions',
          modifiers: [{ modifier_id: 501, modifier_name: 'Extra Cheese', count: 1, price: 0.5, portion_size: 1 }],
        },
      ],
    });
  });

  it('leaves omitted optional fields out rather than sending null, and sends customer id 0 for a guest', () => {
    const body = toCreateOrderBody({ ...minimal, comment: null, deliveryFee: null });
    expect(body).toEqual({
      sale_type_id: 2,
      venue_id: 1,
      customer: { id: 0, name: 'Aysel', phone: '+994501112233' },
      products: [{ product_id: 101, product_name: 'Pizza', count: 2, price: 8.5, status: 'new', product_hash: deriveProductHash(minimal.lines[0]!) }],
    });
    expect(JSON.stringify(body)).not.toContain('null');
  });

  it('derives the same product hash for the same line content, whatever the modifier order or quantity', () => {
    const a = { productId: '7', name: 'Burger', quantity: 1, unitPrice: 5, modifiers: [
      { modifierId: '2', name: 'Bacon', quantity: 1, unitPrice: 1 },
      { modifierId: '1', name: 'Cheese', quantity: 1, unitPrice: 0.5 },
    ] };
    const b = { ...a, quantity: 3, note: 'well done', modifiers: [...a.modifiers].reverse() };
    expect(deriveProductHash(a)).toBe(deriveProductHash(b));
    expect(deriveProductHash(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(deriveProductHash({ ...a, unitPrice: 6 })).not.toBe(deriveProductHash(a));
    expect(deriveProductHash({ ...a, modifiers: a.modifiers.slice(1) })).not.toBe(deriveProductHash(a));
  });
});

describe('createOrder validation', () => {
  const codes = (input: CreateOrderInput) => validateCreateOrder(input).map((e) => [e.field.join('.'), e.code]);

  it('accepts a complete, valid order', () => {
    expect(validateCreateOrder(full)).toEqual([]);
    expect(validateCreateOrder(minimal)).toEqual([]);
  });

  it('needs at least one line', () => {
    expect(codes({ ...minimal, lines: [] })).toEqual([['input.lines', 'REQUIRED']]);
  });

  it('needs quantities above 0 on lines and modifiers', () => {
    const line = { ...minimal.lines[0]!, quantity: 0, modifiers: [{ modifierId: '1', name: 'x', quantity: -1 }] };
    expect(codes({ ...minimal, lines: [line] })).toEqual([
      ['input.lines.0.quantity', 'MUST_BE_POSITIVE'],
      ['input.lines.0.modifiers.0.quantity', 'MUST_BE_POSITIVE'],
    ]);
  });

  it('refuses negative prices, fee, discount and service charge', () => {
    const input: CreateOrderInput = {
      ...minimal,
      lines: [{ ...minimal.lines[0]!, unitPrice: -1, modifiers: [{ modifierId: '1', name: 'x', quantity: 1, unitPrice: -0.5 }] }],
      deliveryFee: -2,
      discount: { type: 1, value: -10 },
      serviceCharge: { enabled: true, value: -5 },
    };
    expect(codes(input)).toEqual([
      ['input.deliveryFee', 'MUST_NOT_BE_NEGATIVE'],
      ['input.discount.value', 'MUST_NOT_BE_NEGATIVE'],
      ['input.serviceCharge.value', 'MUST_NOT_BE_NEGATIVE'],
      ['input.lines.0.unitPrice', 'MUST_NOT_BE_NEGATIVE'],
      ['input.lines.0.modifiers.0.unitPrice', 'MUST_NOT_BE_NEGATIVE'],
    ]);
  });

  it('refuses blank names and over-long text', () => {
    const input: CreateOrderInput = {
      ...minimal,
      comment: 'x'.repeat(LIMITS.comment + 1),
      lines: [{ ...minimal.lines[0]!, name: '   ', note: 'n'.repeat(LIMITS.note + 1), modifiers: [{ modifierId: '1', name: '', quantity: 1 }] }],
    };
    expect(codes(input)).toEqual([
      ['input.comment', 'TOO_LONG'],
      ['input.lines.0.name', 'BLANK'],
      ['input.lines.0.note', 'TOO_LONG'],
      ['input.lines.0.modifiers.0.name', 'BLANK'],
    ]);
  });

  it('refuses ids Clopos cannot take as numbers', () => {
    const input: CreateOrderInput = {
      ...minimal,
      venueId: 'main',
      saleTypeId: '0',
      customer: { ...minimal.customer, id: '-3' },
      lines: [{ ...minimal.lines[0]!, productId: '1.5' }],
    };
    expect(codes(input)).toEqual([
      ['input.venueId', 'INVALID_ID'],
      ['input.saleTypeId', 'INVALID_ID'],
      ['input.customer.id', 'INVALID_ID'],
      ['input.lines.0.productId', 'INVALID_ID'],
    ]);
  });

  it('caps the number of lines and modifiers', () => {
    const line = minimal.lines[0]!;
    expect(codes({ ...minimal, lines: Array.from({ length: LIMITS.lines + 1 }, () => line) })).toEqual([['input.lines', 'TOO_MANY']]);
    const modifiers = Array.from({ length: LIMITS.modifiersPerLine + 1 }, () => ({ modifierId: '1', name: 'm', quantity: 1 }));
    expect(codes({ ...minimal, lines: [{ ...line, modifiers }] })).toEqual([['input.lines.0.modifiers', 'TOO_MANY']]);
  });
});
