// createOrder's input checks, run before anything reaches Clopos. Every problem is reported (not
// just the first), each with the path of the field at fault.
import type { CreateOrderInput } from '../../../generated/graphql.js';
import type { IdCheck } from '../../domain/upstream.js';
import { userError, type UserErrorModel } from './payloads.js';

export const LIMITS = {
  lines: 200,
  modifiersPerLine: 50,
  name: 255,
  phone: 32,
  address: 500,
  comment: 1000,
  note: 500,
  productHash: 128,
  status: 32,
  idempotencyKey: 255,
} as const;

class Checker {
  readonly errors: UserErrorModel[] = [];

  constructor(private readonly checkId: IdCheck) {}

  /** `guest`: "0" is accepted too (the customer id integrations send for a guest). */
  id(path: Array<string | number>, value: string | null | undefined, guest = false) {
    if (value === null || value === undefined || (guest && value === '0')) return;
    const expected = this.checkId(value);
    if (expected !== undefined) this.errors.push(userError(path, 'INVALID_ID', `Must be ${expected}.`));
  }

  positive(path: Array<string | number>, value: number) {
    if (!Number.isFinite(value) || value <= 0) this.errors.push(userError(path, 'MUST_BE_POSITIVE', 'Must be above 0.'));
  }

  notNegative(path: Array<string | number>, value: number | null | undefined) {
    if (value === null || value === undefined) return;
    if (!Number.isFinite(value) || value < 0) this.errors.push(userError(path, 'MUST_NOT_BE_NEGATIVE', 'Must be 0 or more.'));
  }

  text(path: Array<string | number>, value: string | null | undefined, max: number, required = false) {
    if (value === null || value === undefined) return;
    if (required && value.trim() === '') this.errors.push(userError(path, 'BLANK', 'Must not be blank.'));
    else if (value.length > max) this.errors.push(userError(path, 'TOO_LONG', `Must be at most ${max} characters.`));
  }
}

/** `checkId`: the upstream's own id rule (ids are opaque to the graph). */
export function validateCreateOrder(input: CreateOrderInput, checkId: IdCheck): UserErrorModel[] {
  const check = new Checker(checkId);
  const at = (...path: Array<string | number>) => ['input', ...path];
  check.id(at('venueId'), input.venueId);
  check.id(at('saleTypeId'), input.saleTypeId);
  check.id(at('autoAcceptTerminalId'), input.autoAcceptTerminalId);
  check.id(at('customer', 'id'), input.customer.id, true);
  check.text(at('customer', 'name'), input.customer.name, LIMITS.name);
  check.text(at('customer', 'phone'), input.customer.phone, LIMITS.phone);
  check.text(at('customer', 'address'), input.customer.address, LIMITS.address);
  check.notNegative(at('customer', 'discountType'), input.customer.discountType);
  check.notNegative(at('deliveryFee'), input.deliveryFee);
  check.text(at('comment'), input.comment, LIMITS.comment);
  check.notNegative(at('discount', 'type'), input.discount?.type);
  check.notNegative(at('discount', 'value'), input.discount?.value);
  check.notNegative(at('serviceCharge', 'value'), input.serviceCharge?.value);
  check.text(at('idempotencyKey'), input.idempotencyKey, LIMITS.idempotencyKey, true);

  if (input.lines.length === 0) check.errors.push(userError(at('lines'), 'REQUIRED', 'An order needs at least one line.'));
  if (input.lines.length > LIMITS.lines) {
    check.errors.push(userError(at('lines'), 'TOO_MANY', `An order takes at most ${LIMITS.lines} lines.`));
  }
  input.lines.slice(0, LIMITS.lines).forEach((line, i) => {
    check.id(at('lines', i, 'productId'), line.productId);
    check.text(at('lines', i, 'name'), line.name, LIMITS.name, true);
    check.positive(at('lines', i, 'quantity'), line.quantity);
    check.notNegative(at('lines', i, 'unitPrice'), line.unitPrice);
    if (line.portionSize !== null && line.portionSize !== undefined) check.positive(at('lines', i, 'portionSize'), line.portionSize);
    check.text(at('lines', i, 'status'), line.status, LIMITS.status, true);
    check.text(at('lines', i, 'productHash'), line.productHash, LIMITS.productHash, true);
    check.text(at('lines', i, 'note'), line.note, LIMITS.note);
    const modifiers = line.modifiers ?? [];
    if (modifiers.length > LIMITS.modifiersPerLine) {
      check.errors.push(userError(at('lines', i, 'modifiers'), 'TOO_MANY', `A line takes at most ${LIMITS.modifiersPerLine} modifiers.`));
    }
    modifiers.slice(0, LIMITS.modifiersPerLine).forEach((modifier, j) => {
      const path = (field: string) => at('lines', i, 'modifiers', j, field);
      check.id(path('modifierId'), modifier.modifierId);
      check.text(path('name'), modifier.name, LIMITS.name, true);
      check.positive(path('quantity'), modifier.quantity);
      check.notNegative(path('unitPrice'), modifier.unitPrice);
      if (modifier.portionSize !== null && modifier.portionSize !== undefined) check.positive(path('portionSize'), modifier.portionSize);
    });
  });
  return check.errors;
}
