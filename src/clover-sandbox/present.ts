// Orders on the wire: scalar fields always, collections only when expanded, as
// `{"elements":[...]}` capped at 100 (facts §2.6). Every object carries its `href`.
import type { CloverCustomer, CloverLineItem, CloverOrder } from './contract.js';
import { NESTED_CAP, type Expand } from './query.js';

export function presentLine(line: CloverLineItem, withModifications: boolean, orderHref: string): Record<string, unknown> {
  const { modifications, ...rest } = line;
  const out: Record<string, unknown> = { href: `${orderHref}/line_items/${line.id}`, ...rest };
  if (withModifications) out.modifications = { elements: modifications.slice(0, NESTED_CAP) };
  return out;
}

export function presentCustomer(c: CloverCustomer, base: string): Record<string, unknown> {
  return { href: `${base}/customers/${c.id}`, ...c };
}

/** `base` is the merchant's URL, e.g. http://127.0.0.1:PORT/v3/merchants/MID. */
export function presentOrder(order: CloverOrder, expand: Expand, base: string): Record<string, unknown> {
  const { lineItems, customers, ...scalars } = order;
  const href = `${base}/orders/${order.id}`;
  const out: Record<string, unknown> = { href, ...scalars };
  if (expand.lineItems) out.lineItems = { elements: lineItems.slice(0, NESTED_CAP).map((l) => presentLine(l, expand.modifications, href)) };
  if (expand.customers) out.customers = { elements: customers.slice(0, NESTED_CAP).map((c) => presentCustomer(c, base)) };
  // Other documented expand fields (payments, discounts, ...) are not modelled: empty lists.
  for (const field of expand.fields) {
    if (!field.includes('.') && !['lineItems', 'customers', 'modifications', 'employee', 'orderType', 'serviceCharge'].includes(field)) {
      out[field] = { elements: [] };
    }
  }
  return out;
}
