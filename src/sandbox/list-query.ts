// GET /orders parameters, read from the bracket-notation query (qs) and validated the way the
// docs describe; anything off is a 400 invalid_parameter naming the parameter.
import type { ClopOrderStatus } from '../upstreams/clopos/types.js';

export const ORDER_STATUSES: readonly ClopOrderStatus[] = ['PENDING', 'RECEIVED', 'IGNORE', 'DELIVERED'];
/** What the envelope's `sorts` lists and `sort[0]` accepts. */
export const SORT_FIELDS = ['id', 'created_at', 'updated_at', 'status', 'venue_id'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const FILTER_FIELDS = ['id', 'status', 'venue_id', 'customer_id', 'sale_type_id', 'type', 'integration', 'integration_status'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
const NUMERIC_FILTERS: ReadonlySet<FilterField> = new Set(['id', 'venue_id', 'customer_id', 'sale_type_id']);
export const RECEIPT_FIELDS = ['id', 'service_notification_id', 'status'] as const;
export type ReceiptField = (typeof RECEIPT_FIELDS)[number];
export const MAX_LIMIT = 200;

export interface OrderFilter {
  field: FilterField;
  /** One value is "equals", several are "in". Numbers for numeric fields. */
  values: ReadonlySet<string | number>;
}

export interface ListQuery {
  page: number;
  limit: number;
  status?: ClopOrderStatus;
  /** Receipt fields to embed, or undefined when `with` does not ask for the receipt. */
  receipt?: readonly ReceiptField[];
  dateFrom?: string;
  dateTo?: string;
  sortField: SortField;
  sortDir: 1 | -1;
  filters: OrderFilter[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

class InvalidParameter extends Error {}
function fail(message: string): never {
  throw new InvalidParameter(message);
}

/**
 * qs gives arrays for `x[0]=` (with holes kept, allowSparse) and objects for odd keys; both are
 * read as index → value. A bare `x=value` counts as index 0 only where `allowScalar` says so.
 */
function indexed(name: string, value: unknown, allowScalar: boolean): Map<number, unknown> {
  const out = new Map<number, unknown>();
  if (typeof value === 'string' && allowScalar) out.set(0, value);
  else if (Array.isArray(value)) value.forEach((v, i) => v !== undefined && out.set(i, v));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (!/^\d+$/.test(key)) fail(`${name}[${key}] is not an index; use ${name}[0], ${name}[1], ...`);
      out.set(Number(key), v);
    }
  } else fail(`${name} must use bracket notation, e.g. ${name}[0]=...`);
  return out;
}

function single(name: string, value: unknown): string {
  if (typeof value !== 'string') fail(`${name} must be given once, as a plain value`);
  return value;
}

function integerParam(name: string, value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const text = single(name, value);
  if (!/^-?\d+$/.test(text)) fail(`${name} must be an integer`);
  const n = Number(text);
  if (n < min || n > max) fail(max === Infinity ? `${name} must be at least ${min}` : `${name} must be between ${min} and ${max}`);
  return n;
}

function statusValue(name: string, value: unknown): ClopOrderStatus {
  const text = single(name, value);
  const status = ORDER_STATUSES.find((s) => s === text);
  if (!status) fail(`${name} must be one of ${ORDER_STATUSES.join(', ')}`);
  return status;
}

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

function readWith(value: unknown): readonly ReceiptField[] | undefined {
  let receipt: readonly ReceiptField[] | undefined;
  for (const [index, raw] of indexed('with', value, true)) {
    // A repeated index (`with[0]=a&with[0]=b`) arrives as an array.
    for (const item of Array.isArray(raw) ? raw : [raw]) {
      const name = `with[${index}]`;
      const text = single(name, item);
      if (text === 'customer') continue; // the customer is always in payload.customer already
      const match = /^receipt(?::(.*))?$/.exec(text);
      if (!match) fail(`${name} must be "receipt", "receipt:<fields>" or "customer"`);
      const list = match?.[1];
      if (list === undefined) {
        receipt = RECEIPT_FIELDS;
        continue;
      }
      const fields = list.split(',').map((f) => f.trim());
      for (const f of fields) {
        if (!RECEIPT_FIELDS.includes(f as ReceiptField)) fail(`${name}: receipt has no field "${f}" (supported: ${RECEIPT_FIELDS.join(', ')})`);
      }
      receipt = RECEIPT_FIELDS.filter((f) => f === 'id' || fields.includes(f)); // like Laravel, the key always comes along
    }
  }
  return receipt;
}

function readFilterValue(name: string, field: FilterField, raw: unknown): string | number {
  const text = single(name, raw);
  if (NUMERIC_FILTERS.has(field)) {
    if (!/^-?\d+$/.test(text)) fail(`${name} must be an integer for field ${field}`);
    return Number(text);
  }
  if (field === 'status') return statusValue(name, text);
  return text;
}

function readFilters(value: unknown): OrderFilter[] {
  if (value === undefined) return [];
  const filters: OrderFilter[] = [];
  for (const [n, tuple] of indexed('filters', value, false)) {
    const parts = indexed(`filters[${n}]`, tuple, false);
    const fieldRaw = parts.get(0);
    const valueRaw = parts.get(1);
    if (fieldRaw === undefined || valueRaw === undefined) fail(`filters[${n}] needs both filters[${n}][0] (field) and filters[${n}][1] (value)`);
    const fieldText = single(`filters[${n}][0]`, fieldRaw);
    const field = FILTER_FIELDS.find((f) => f === fieldText);
    if (!field) fail(`filters[${n}][0]: unsupported field "${fieldText}" (supported: ${FILTER_FIELDS.join(', ')})`);
    const f = field;
    const values = new Set<string | number>();
    if (typeof valueRaw === 'string') values.add(readFilterValue(`filters[${n}][1]`, f, valueRaw));
    else {
      for (const [m, item] of indexed(`filters[${n}][1]`, valueRaw, false)) values.add(readFilterValue(`filters[${n}][1][${m}]`, f, item));
      if (values.size === 0) fail(`filters[${n}][1] must not be empty`);
    }
    filters.push({ field: f, values });
  }
  return filters;
}

export function parseListQuery(query: Record<string, unknown>): Parsed<ListQuery> {
  try {
    const result: ListQuery = {
      page: integerParam('page', query.page, 1, Infinity, 1),
      limit: integerParam('limit', query.limit, 1, MAX_LIMIT, 50),
      sortField: 'created_at',
      sortDir: -1,
      filters: readFilters(query.filters),
    };
    if (query.status !== undefined) result.status = statusValue('status', query.status);
    if (query.with !== undefined) {
      const receipt = readWith(query.with);
      if (receipt) result.receipt = receipt;
    }
    if (query.date !== undefined) {
      for (const [i, raw] of indexed('date', query.date, false)) {
        if (i > 1) fail(`date[${i}] is not supported; use date[0] and date[1]`);
        const text = single(`date[${i}]`, raw);
        if (!isRealDate(text)) fail(`date[${i}] must be a date in YYYY-MM-DD format`);
        if (i === 0) result.dateFrom = text;
        else result.dateTo = text;
      }
      if (result.dateFrom && result.dateTo && result.dateFrom > result.dateTo) fail('date[0] must not be after date[1]');
    }
    if (query.sort !== undefined) {
      for (const [i, raw] of indexed('sort', query.sort, false)) {
        const text = single(`sort[${i}]`, raw);
        if (i === 0) {
          const field = SORT_FIELDS.find((f) => f === text);
          if (!field) fail(`sort[0] must be one of ${SORT_FIELDS.join(', ')}`);
          result.sortField = field;
        } else if (i === 1) {
          if (text !== '1' && text !== '-1') fail('sort[1] must be 1 (ascending) or -1 (descending)');
          result.sortDir = text === '1' ? 1 : -1;
        } else fail(`sort[${i}] is not supported; use sort[0] and sort[1]`);
      }
    }
    return { ok: true, value: result };
  } catch (error) {
    if (error instanceof InvalidParameter) return { ok: false, message: error.message };
    throw error;
  }
}

/** The with[N] parameter alone, for GET /orders/{id}. */
export function parseWith(query: Record<string, unknown>): Parsed<readonly ReceiptField[] | undefined> {
  try {
    return { ok: true, value: query.with === undefined ? undefined : readWith(query.with) };
  } catch (error) {
    if (error instanceof InvalidParameter) return { ok: false, message: error.message };
    throw error;
  }
}
