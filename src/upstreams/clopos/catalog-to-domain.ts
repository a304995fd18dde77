// Clopos's catalog shapes → the domain's (src/domain/catalog.ts). The docs are thin on these
// fields (see the evidence in schema/clopos.openapi.yaml), so every read is tolerant: prices as
// numbers or decimal strings, `min_select`/`max_select` or `min`/`max`, `modifiers` or
// `modificators`, a customer's phone in `phone` or `phones`. An item without a readable id is
// skipped rather than failing the whole list.
import type { components } from '../../../generated/clopos.js';
import type { CatalogModifier, CustomerRecord, ModifierGroup, Product, SaleType, SaleTypeKind, StockLimit, Venue } from '../../domain/catalog.js';
import { formatDecimal, money, type Money } from '../../domain/money.js';

type Schemas = components['schemas'];
export type ClopVenue = Schemas['Venue'];
export type ClopSaleType = Schemas['SaleType'];
export type ClopCatalogProduct = Schemas['Product'];
export type ClopModifierGroup = Schemas['ModifierGroup'];
export type ClopCatalogModifier = Schemas['CatalogModifier'];
export type ClopStopListEntry = Schemas['StopListEntry'];
export type ClopCatalogCustomer = Schemas['Customer'];
export type ClopCreateCustomerRequest = Schemas['CreateCustomerRequest'];

function id(value: unknown): string | undefined {
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? String(n) : undefined;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

function amount(value: unknown, currency: string): Money {
  if (typeof value === 'number' && Number.isFinite(value)) return money(value, currency);
  if (typeof value === 'string' && value.trim() !== '') {
    try {
      return money(value, currency);
    } catch {
      // An unreadable price is not a price: 0 would sell the item for free, so the product is dropped by the caller.
    }
  }
  return money(0, currency);
}

function priced(value: unknown): boolean {
  return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value));
}

function count(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

/** 1/0, true/false; absent means active. */
function active(value: unknown): boolean {
  return !(value === 0 || value === false || value === '0');
}

export function toVenue(v: ClopVenue): Venue | undefined {
  const vid = id(v.id);
  if (!vid) return undefined;
  return { id: vid, name: text(v.name) ?? `Venue ${vid}`, address: text(v.address), phone: text(v.phone), active: active(v.status) };
}

const KINDS: Record<string, SaleTypeKind> = { IN: 'DINE_IN', DINE_IN: 'DINE_IN', DELIVERY: 'DELIVERY', TAKEAWAY: 'TAKEAWAY', TAKE_AWAY: 'TAKEAWAY' };

export function toSaleType(s: ClopSaleType): SaleType | undefined {
  const sid = id(s.id);
  if (!sid) return undefined;
  const rate = s.service_charge_rate;
  const status = s.status;
  const venueIds = status && typeof status === 'object' ? Object.entries(status).filter(([, on]) => active(on)).map(([venue]) => venue) : null;
  return {
    id: sid,
    name: text(s.name) ?? `Sale type ${sid}`,
    kind: KINDS[String(s.system_type ?? '').toUpperCase()] ?? null,
    serviceChargeRate: rate !== null && rate !== undefined && priced(rate) ? formatDecimal(rate) : null,
    venueIds,
  };
}

function toModifier(m: ClopCatalogModifier, currency: string): CatalogModifier | undefined {
  const mid = id(m.id);
  if (!mid) return undefined;
  return { id: mid, name: text(m.name) ?? `Modifier ${mid}`, price: amount(m.price, currency) };
}

function toGroup(g: ClopModifierGroup, currency: string): ModifierGroup | undefined {
  const gid = id(g.id);
  if (!gid || !active(g.status)) return undefined;
  const modifiers = (g.modifiers ?? g.modificators ?? []).flatMap((m) => toModifier(m, currency) ?? []);
  return { id: gid, name: text(g.name) ?? `Group ${gid}`, min: count(g.min_select ?? g.min) ?? 0, max: count(g.max_select ?? g.max), modifiers };
}

/** Undefined (left out of the menu) without an id, a readable price, or when inactive or hidden. */
export function toProduct(p: ClopCatalogProduct, currency: string): Product | undefined {
  const pid = id(p.id);
  if (!pid || !priced(p.price) || !active(p.status) || p.hidden === true || p.hidden === 1) return undefined;
  const categoryId = id(p.category_id ?? p.category?.id) ?? null;
  return {
    id: pid,
    name: text(p.name) ?? `Product ${pid}`,
    type: text(p.type),
    price: amount(p.price, currency),
    categoryId,
    categoryName: text(p.category?.name),
    modifierGroups: (p.modificator_groups ?? []).flatMap((g) => toGroup(g, currency) ?? []),
  };
}

export function toStockLimit(s: ClopStopListEntry): StockLimit | undefined {
  const pid = id(s.id);
  return pid && typeof s.limit === 'number' ? { productId: pid, limit: s.limit } : undefined;
}

export function toCustomerRecord(c: ClopCatalogCustomer): CustomerRecord | undefined {
  const cid = id(c.id);
  if (!cid) return undefined;
  const phones = [...new Set([c.phone, ...(c.phones ?? [])].flatMap((p) => text(p) ?? []))];
  const addresses = [...new Set([c.address, ...(c.addresses ?? [])].flatMap((a) => text(a) ?? []))];
  return { id: cid, name: text(c.name), phone: phones[0] ?? null, phones, address: addresses[0] ?? null, addresses, email: text(c.email) };
}
