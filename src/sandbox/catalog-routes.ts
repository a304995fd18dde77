// The catalog endpoints (facts §1.3, §1.9): GET /venues, /sale-types, /products (with[N],
// page/limit), /products/stop-list (filters on id), GET/POST /customers (filters on name, phones,
// group_id), GET /customers/{id}. Answers use the documented envelope.
import { randomUUID } from 'node:crypto';
import type { Reply } from './auth-route.js';
import type { SandboxContext } from './context.js';
import { apiError } from './http.js';
import type { SeedCustomer, SeedProduct } from './menu-seed.js';
import { envelopeTimestamp } from './time.js';

export interface CatalogRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  started: number;
}

const CATALOG_PATHS = /^\/(venues|sale-types|products|products\/stop-list|customers|customers\/[^/]+)$/;

export const isCatalogPath = (path: string) => CATALOG_PATHS.test(path);

function meta(started: number) {
  const now = Date.now();
  return { time: now - started, timestamp: envelopeTimestamp(now), unix: Math.floor(now / 1000) };
}

function list<T>(items: readonly T[], r: CatalogRequest, maxLimit: number, reply: Reply): void {
  const page = intParam(r.query.page, 1);
  const limit = intParam(r.query.limit, 50);
  if (page === undefined || page < 1) return reply(400, apiError('invalid_parameter', 'page must be a positive integer'));
  if (limit === undefined || limit < 1 || limit > maxLimit) return reply(400, apiError('invalid_parameter', `limit must be between 1 and ${maxLimit}`));
  const data = items.slice((page - 1) * limit, page * limit);
  reply(200, { success: true, data, total: items.length, ...meta(r.started) });
}

function intParam(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/** `filters[N][0]=field&filters[N][1]=value` (or `[1][M]` for several values) → field → values. */
function filters(query: Record<string, unknown>): Map<string, string[]> | string {
  const out = new Map<string, string[]>();
  const raw = query.filters;
  if (raw === undefined) return out;
  if (raw === null || typeof raw !== 'object') return 'filters must use bracket notation';
  for (const tuple of Object.values(raw as Record<string, unknown>)) {
    if (tuple === null || typeof tuple !== 'object') return 'Invalid filter parameters';
    const [field, value] = Object.values(tuple as Record<string, unknown>);
    if (typeof field !== 'string') return 'Invalid filter parameters';
    const values = typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).map(String) : undefined;
    if (!values) return 'Invalid filter parameters';
    out.set(field, [...(out.get(field) ?? []), ...values]);
  }
  return out;
}

function withList(query: Record<string, unknown>): string[] {
  const raw = query.with;
  if (typeof raw === 'string') return [raw];
  return raw && typeof raw === 'object' ? Object.values(raw).map(String) : [];
}

/** Without with[N]=modificator_groups (or category) a product comes without them, as in Clopos. */
function presentProduct(product: SeedProduct, embed: string[]): SeedProduct {
  const { modificator_groups, category, ...rest } = product;
  return {
    ...rest,
    ...(embed.includes('modificator_groups') ? { modificator_groups } : {}),
    ...(embed.includes('category') ? { category } : {}),
  };
}

const digits = (phone: string) => phone.replace(/\D/g, '');

function matchCustomer(customer: SeedCustomer, found: Map<string, string[]>): boolean {
  for (const [field, values] of found) {
    if (field === 'name') {
      if (!values.some((v) => (customer.name ?? '').toLowerCase().includes(v.toLowerCase()))) return false;
    } else if (field === 'phones' || field === 'phone') {
      const phones = [customer.phone ?? '', ...(customer.phones ?? [])].map(digits).filter(Boolean);
      if (!values.some((v) => digits(v) !== '' && phones.some((p) => p.includes(digits(v))))) return false;
    } else if (field === 'id') {
      if (!values.includes(String(customer.id))) return false;
    } else if (field === 'group_id') {
      if (!values.includes(String(customer.group_id))) return false;
    } else return false;
  }
  return true;
}

export function handleCatalog(ctx: SandboxContext, r: CatalogRequest, venueId: number | undefined, reply: Reply): void {
  const { catalog } = ctx;
  const route = `${r.method} ${r.path.startsWith('/customers/') ? '/customers/{id}' : r.path}`;
  switch (route) {
    case 'GET /venues':
      return reply(200, { success: true, data: catalog.venues, ...meta(r.started) });
    case 'GET /sale-types':
      return reply(200, { success: true, data: catalog.saleTypes, total: catalog.saleTypes.length, ...meta(r.started) });
    case 'GET /products': {
      const embed = withList(r.query);
      const found = filters(r.query);
      if (typeof found === 'string') return reply(400, apiError('invalid_parameter', found));
      const ids = found.get('id');
      const items = catalog.products.filter((p) => !ids || ids.includes(String(p.id))).map((p) => presentProduct(p, embed));
      return list(items, r, 100, reply);
    }
    case 'GET /products/stop-list': {
      const found = filters(r.query);
      if (typeof found === 'string' || [...found.keys()].some((k) => k !== 'id')) {
        return reply(400, apiError('invalid_parameter', 'Invalid filter parameters'));
      }
      const ids = found.get('id');
      const data = catalog.stopList().filter((s) => !ids || ids.includes(String(s.id)));
      return reply(200, { success: true, data, ...meta(r.started) });
    }
    case 'GET /customers': {
      const found = filters(r.query);
      if (typeof found === 'string') return reply(400, apiError('invalid_parameter', found));
      if ('search' in r.query) return reply(400, apiError('invalid_parameter', 'There is no search parameter; use filters'));
      return list(catalog.customers().filter((c) => matchCustomer(c, found)), r, 999, reply);
    }
    case 'POST /customers':
      return createCustomer(ctx, r, venueId, reply);
    case 'GET /customers/{id}': {
      const id = /^\d{1,15}$/.test(r.path.slice('/customers/'.length)) ? Number(r.path.slice('/customers/'.length)) : NaN;
      const customer = catalog.customers().find((c) => c.id === id);
      if (!customer) return reply(404, apiError('not_found', 'Customer not found'));
      return reply(200, { success: true, data: customer, ...meta(r.started) });
    }
    default:
      return reply(405, apiError('method_not_allowed', `${r.method} is not allowed on ${r.path}`));
  }
}

function createCustomer(ctx: SandboxContext, r: CatalogRequest, venueId: number | undefined, reply: Reply): void {
  const body = r.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || typeof body.name !== 'string' || body.name.trim() === '') {
    return reply(400, apiError('validation_failed', 'name is required'));
  }
  const phone = typeof body.phone === 'string' && body.phone !== '' ? body.phone : null;
  if (phone && ctx.catalog.customers().some((c) => digits(c.phone ?? '') === digits(phone))) {
    return reply(409, apiError('conflict', 'A customer with this phone already exists'));
  }
  const address = typeof body.address === 'string' ? body.address : null;
  const customer = ctx.catalog.addCustomer({
    cid: typeof body.cid === 'string' ? body.cid : randomUUID(),
    venue_id: venueId ?? 1,
    group_id: typeof body.group_id === 'number' ? body.group_id : null,
    name: body.name,
    email: typeof body.email === 'string' ? body.email : null,
    phone,
    phones: phone ? [phone] : [],
    address,
    addresses: address ? [address] : [],
    description: typeof body.description === 'string' ? body.description : null,
    code: typeof body.code === 'string' ? body.code : null,
  });
  reply(200, { success: true, message: 'Customer created', data: customer });
}
