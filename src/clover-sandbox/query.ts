// The list query language of facts §2.6: filter= (repeatable, operators = >= <= > < != and
// IS [NOT] NULL), expand= (at most 3, comma separated or repeated), limit/offset, orderBy, and the
// 90-day window on createdTime.
import type { CloverOrder } from './contract.js';
import { DAY_MS } from './seed.js';

export class CloverHttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

/** The order filter fields of facts §2.6 (api-evangelist's copy of the reference). */
export const ORDER_FILTER_FIELDS = [
  'employee.id', 'note', 'modifiedTime', 'orderType', 'touched', 'cardTransaction.last4', 'manualTransaction', 'employee.name',
  'title', 'device.id', 'externalReferenceId', 'clientCreatedTime', 'total', 'payType', 'testMode', 'createdTime', 'id', 'state',
  'deletedTime',
] as const;
export const ALLOWED_FILTER_HEADER = 'X-Clover-Allowed-Filter-Fields';
export const WINDOW_MS = 90 * DAY_MS;
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** Nested lists in an expanded answer (facts §2.6). */
export const NESTED_CAP = 100;
export const MAX_EXPAND = 3;

const NUMERIC = new Set(['modifiedTime', 'clientCreatedTime', 'total', 'createdTime', 'deletedTime']);
const BOOLEAN = new Set(['touched', 'manualTransaction', 'testMode']);
type Op = '=' | '!=' | '>=' | '<=' | '>' | '<' | 'IS NULL' | 'IS NOT NULL';

export interface Filter {
  field: string;
  op: Op;
  value: string;
}

const badFilter = (message: string) => new CloverHttpError(400, message, { [ALLOWED_FILTER_HEADER]: ORDER_FILTER_FIELDS.join(',') });

export function parseFilter(raw: string): Filter {
  const text = raw.trim();
  const nullCheck = /^([A-Za-z][\w.]*?)\s*IS\s+(NOT\s+)?NULL$/i.exec(text);
  const m = nullCheck ? undefined : /^([A-Za-z][\w.]*)\s*(>=|<=|!=|=|>|<)\s*(.*)$/.exec(text);
  const field = nullCheck?.[1] ?? m?.[1];
  if (!field) throw badFilter(`Invalid filter: ${raw}`);
  if (!(ORDER_FILTER_FIELDS as readonly string[]).includes(field)) throw badFilter(`Invalid filter field: ${field}`);
  if (nullCheck) return { field, op: nullCheck[2] ? 'IS NOT NULL' : 'IS NULL', value: '' };
  const op = m?.[2] as Op;
  const value = (m?.[3] ?? '').trim();
  if (NUMERIC.has(field) && !/^-?\d+$/.test(value)) throw badFilter(`Invalid filter value for ${field}: ${value}`);
  return { field, op, value };
}

function fieldValue(order: CloverOrder, field: string): string | number | boolean | null | undefined {
  switch (field) {
    case 'employee.id':
      return order.employee?.id;
    case 'orderType':
      return order.orderType?.id;
    case 'touched':
      return order.modifiedTime !== order.createdTime;
    case 'employee.name':
    case 'device.id':
    case 'cardTransaction.last4':
      return undefined;
    default:
      return (order as unknown as Record<string, string | number | boolean | null | undefined>)[field];
  }
}

export function matches(order: CloverOrder, f: Filter): boolean {
  const actual = fieldValue(order, f.field);
  if (f.op === 'IS NULL') return actual === null || actual === undefined;
  if (f.op === 'IS NOT NULL') return actual !== null && actual !== undefined;
  if (actual === null || actual === undefined) return f.op === '!=';
  let a: number | string;
  let b: number | string;
  if (NUMERIC.has(f.field)) [a, b] = [Number(actual), Number(f.value)];
  else if (BOOLEAN.has(f.field)) [a, b] = [String(actual), f.value.toLowerCase()];
  // Clover has documented both "open" and "OPEN" (facts §2.7): compare states case-blind.
  else if (f.field === 'state') [a, b] = [String(actual).toLowerCase(), f.value.toLowerCase()];
  else [a, b] = [String(actual), f.value];
  switch (f.op) {
    case '=': return a === b;
    case '!=': return a !== b;
    case '>=': return a >= b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '<': return a < b;
  }
}

/**
 * The 90-day window (facts §2.6): the createdTime range asked for (open ends: up to now, and
 * from the beginning of time) is cut to its most recent 90 days.
 */
export function windowFilters(filters: Filter[], nowMs: number): Filter[] {
  let upper = nowMs;
  let lower = -Infinity;
  for (const f of filters) {
    if (f.field !== 'createdTime') continue;
    const v = Number(f.value);
    if (f.op === '<=' || f.op === '<') upper = Math.min(upper, v);
    if (f.op === '=') {
      upper = Math.min(upper, v);
      lower = Math.max(lower, v);
    }
    if (f.op === '>=' || f.op === '>') lower = Math.max(lower, v);
  }
  if (upper - lower <= WINDOW_MS) return filters;
  return [...filters, { field: 'createdTime', op: '>=', value: String(upper - WINDOW_MS) }];
}

export interface Expand {
  lineItems: boolean;
  modifications: boolean;
  customers: boolean;
  /** Every field asked for (the others expand to empty or are not modelled). */
  fields: string[];
}

export function parseExpand(values: string[]): Expand {
  const fields = values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  const unique = [...new Set(fields)];
  if (unique.length > MAX_EXPAND) throw new CloverHttpError(400, `Too many expand fields: ${unique.length} (at most ${MAX_EXPAND})`);
  const modifications = unique.includes('lineItems.modifications') || unique.includes('modifications');
  return { lineItems: modifications || unique.includes('lineItems'), modifications, customers: unique.includes('customers'), fields: unique };
}

export interface Page {
  limit: number;
  offset: number;
}

export function parsePage(params: URLSearchParams): Page {
  const read = (name: string, fallback: number): number => {
    const raw = params.get(name);
    if (raw === null || raw === '') return fallback;
    if (!/^\d+$/.test(raw)) throw new CloverHttpError(400, `Invalid ${name}: ${raw}`);
    return Number(raw);
  };
  // "The default limit is 100 elements, and the hard limit is 1000" (facts §2.6): above it, 1000.
  return { limit: Math.min(read('limit', DEFAULT_LIMIT), MAX_LIMIT), offset: read('offset', 0) };
}

const SORTABLE = new Set(['createdTime', 'modifiedTime', 'clientCreatedTime', 'total', 'id', 'title', 'state']);

export type Sort = Array<{ field: string; desc: boolean }>;

/** `orderBy=modifiedTime DESC`, `orderBy=modifiedTime,total`; default createdTime descending (facts §2.6). */
export function parseOrderBy(values: string[]): Sort {
  const parts = values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length === 0) return [{ field: 'createdTime', desc: true }];
  return parts.map((part) => {
    const m = /^([A-Za-z][\w.]*)(?:\s+(ASC|DESC))?$/i.exec(part);
    if (!m?.[1] || !SORTABLE.has(m[1])) throw new CloverHttpError(400, `Invalid orderBy: ${part}`);
    // A field alone sorts descending, like the default.
    return { field: m[1], desc: (m[2] ?? 'DESC').toUpperCase() === 'DESC' };
  });
}

export function compareBy(sort: Sort): (a: CloverOrder, b: CloverOrder) => number {
  return (a, b) => {
    for (const { field, desc } of sort) {
      const x = fieldValue(a, field) ?? '';
      const y = fieldValue(b, field) ?? '';
      if (x < y) return desc ? 1 : -1;
      if (x > y) return desc ? -1 : 1;
    }
    // Ties: id, in the direction of the first key, so pages never overlap.
    const desc = sort[0]?.desc ?? true;
    return a.id < b.id ? (desc ? 1 : -1) : a.id > b.id ? (desc ? -1 : 1) : 0;
  };
}
