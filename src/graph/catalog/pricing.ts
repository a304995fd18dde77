// createOrder priced from the catalog: every line's product, name, unit price, modifiers and stock
// are checked against the venue's menu and stop-list (the catalog cache: no POS call when warm),
// and the names and prices the POS needs are filled in. A name or price the client sent must
// match; anything wrong is a user error at the line's path, and then nothing is sent.
import type { CreateOrderInput, OrderLineInput } from '../../../generated/graphql.js';
import type { Product } from '../../domain/catalog.js';
import { formatMoney, money, MoneyError, type Money } from '../../domain/money.js';
import { userError, type UserErrorModel } from '../write/payloads.js';
import type { CatalogCache } from './cache.js';
import { isUpstreamError } from '../../upstreams/errors.js';

export type Priced = { ok: true; input: CreateOrderInput } | { ok: false; errors: UserErrorModel[] };

/** The catalog's amount as the input's Float (a Money's decimal string is a float's shortest form). */
const toNumber = (value: Money) => Number(formatMoney(value));

function samePrice(given: number, expected: Money): boolean {
  try {
    return money(given, expected.currency).minor === expected.minor;
  } catch (error) {
    if (error instanceof MoneyError) return false;
    throw error;
  }
}

const quote = (value: string) => JSON.stringify(value);

function priceLine(line: OrderLineInput, product: Product, at: string[], errors: UserErrorModel[]): OrderLineInput {
  if (line.name !== null && line.name !== undefined && line.name.trim() !== product.name) {
    errors.push(userError(at, 'PRICE_MISMATCH', `The name is ${quote(product.name)} on the menu, not ${quote(line.name)}.`));
  }
  if (line.unitPrice !== null && line.unitPrice !== undefined && !samePrice(line.unitPrice, product.price)) {
    errors.push(userError(at, 'PRICE_MISMATCH', `${product.name} costs ${formatMoney(product.price)} ${product.price.currency} on the menu, not ${line.unitPrice}.`));
  }
  const chosen = new Map<string, number>();
  const modifiers = (line.modifiers ?? []).map((modifier) => {
    const group = product.modifierGroups.find((g) => g.modifiers.some((m) => m.id === modifier.modifierId));
    const option = group?.modifiers.find((m) => m.id === modifier.modifierId);
    if (!group || !option) {
      errors.push(userError(at, 'MODIFIER_NOT_ALLOWED', `Modifier ${modifier.modifierId} is not in any modifier group of ${product.name}.`));
      return modifier;
    }
    chosen.set(group.id, (chosen.get(group.id) ?? 0) + modifier.quantity);
    if (modifier.name !== null && modifier.name !== undefined && modifier.name.trim() !== option.name) {
      errors.push(userError(at, 'PRICE_MISMATCH', `Modifier ${modifier.modifierId} is ${quote(option.name)} on the menu, not ${quote(modifier.name)}.`));
    }
    if (modifier.unitPrice !== null && modifier.unitPrice !== undefined && !samePrice(modifier.unitPrice, option.price)) {
      errors.push(userError(at, 'PRICE_MISMATCH', `${option.name} costs ${formatMoney(option.price)} ${option.price.currency} on the menu, not ${modifier.unitPrice}.`));
    }
    return { ...modifier, name: option.name, unitPrice: toNumber(option.price) };
  });
  for (const group of product.modifierGroups) {
    const count = chosen.get(group.id) ?? 0;
    if (count < group.min) {
      errors.push(userError(at, 'MODIFIER_NOT_ALLOWED', `${product.name} needs at least ${group.min} of ${quote(group.name)}; ${count} chosen.`));
    } else if (group.max !== null && count > group.max) {
      errors.push(userError(at, 'MODIFIER_NOT_ALLOWED', `${product.name} takes at most ${group.max} of ${quote(group.name)}; ${count} chosen.`));
    }
  }
  return { ...line, name: product.name, unitPrice: toNumber(product.price), ...(line.modifiers ? { modifiers } : {}) };
}

/**
 * The input with every line's name and prices from the venue's menu, or the user errors. Reads
 * the menu and the stop-list through the cache (two POS calls when cold, none when warm).
 */
export async function priceFromCatalog(input: CreateOrderInput, catalog: CatalogCache): Promise<Priced> {
  let menu: Product[];
  let stock: Map<string, number>;
  try {
    [menu, stock] = await Promise.all([catalog.menu(input.venueId), catalog.stock(input.venueId)]);
  } catch (error) {
    // The POS refusing to read the venue's menu (a 400: no such venue) is the input's fault.
    if (isUpstreamError(error) && error.code === 'UPSTREAM_BAD_REQUEST') {
      return { ok: false, errors: [userError(['input', 'venueId'], 'UPSTREAM_REJECTED', `The POS has no menu for venue ${input.venueId}.`)] };
    }
    throw error;
  }
  const byId = new Map(menu.map((p) => [p.id, p]));
  const ordered = new Map<string, number>();
  for (const line of input.lines) ordered.set(line.productId, (ordered.get(line.productId) ?? 0) + line.quantity);
  const errors: UserErrorModel[] = [];
  const lines = input.lines.map((line, i) => {
    const at = ['input', 'lines', String(i)];
    const product = byId.get(line.productId);
    if (!product) {
      errors.push(userError(at, 'PRODUCT_NOT_FOUND', `Product ${line.productId} is not on the menu of venue ${input.venueId}.`));
      return line;
    }
    const left = stock.get(product.id);
    if (left !== undefined && left <= 0) {
      errors.push(userError(at, 'OUT_OF_STOCK', `${product.name} is out of stock.`));
    } else if (left !== undefined && (ordered.get(product.id) ?? 0) > left) {
      errors.push(userError(at, 'OUT_OF_STOCK', `Only ${left} ${product.name} left; ${ordered.get(product.id)} ordered.`));
    }
    return priceLine(line, product, at, errors);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input: { ...input, lines } };
}

/** Without a catalog (a POS that offers none), the client's names and prices are required. */
export function requireClientPrices(input: CreateOrderInput): UserErrorModel[] {
  const errors: UserErrorModel[] = [];
  input.lines.forEach((line, i) => {
    const at = (...rest: Array<string | number>) => ['input', 'lines', i, ...rest];
    const missing = 'Required: this POS has no catalog for the gateway to take it from.';
    if (line.name === null || line.name === undefined) errors.push(userError(at('name'), 'REQUIRED', missing));
    if (line.unitPrice === null || line.unitPrice === undefined) errors.push(userError(at('unitPrice'), 'REQUIRED', missing));
    (line.modifiers ?? []).forEach((m, j) => {
      if (m.name === null || m.name === undefined) errors.push(userError(at('modifiers', j, 'name'), 'REQUIRED', missing));
    });
  });
  return errors;
}
