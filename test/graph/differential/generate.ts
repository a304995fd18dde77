// Random valid documents from the schema, seeded so that a failure reproduces (the test prints the
// seed and the case number). Each document picks root fields, arguments (as literals or as
// variables with or without defaults, given, absent or null), a random subset of fields at every
// level, aliases, repeated fields to merge, inline and named fragments, and @skip / @include.
import {
  getNamedType,
  isEnumType,
  isLeafType,
  isObjectType,
  parse,
  validate,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Case } from './corpus.js';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
type Rng = ReturnType<typeof rng>;

interface Variable {
  name: string;
  type: string;
  /** GraphQL literal of the default, if any. */
  default?: string;
  /** Sent in `variables`: a value, null, or left out (undefined). */
  value?: unknown;
  sent: boolean;
}

class Doc {
  variables: Variable[] = [];
  fragments: string[] = [];
  /** A third of the documents carry @skip / @include (which keeps them off the compiled path). */
  readonly conditional: boolean;
  constructor(readonly r: Rng) {
    this.conditional = r.chance(0.3);
  }

  /** An argument value: a literal, or a variable (with or without a default; given, null or absent). */
  arg(type: string, literal: string, json: unknown, nullable: boolean): string {
    const r = this.r;
    if (!r.chance(0.5)) return literal;
    const name = `v${this.variables.length}`;
    const nonNull = !nullable || r.chance(0.3);
    const hasDefault = r.chance(0.5);
    const mode = r.pick(hasDefault ? ['given', 'absent', 'absent', 'null'] : ['given', 'given', 'absent', 'null']);
    let sent = mode !== 'absent';
    let value: unknown = mode === 'null' ? null : json;
    // Keep it valid: a non-null variable without a default must be given a value.
    if (nonNull && !hasDefault) {
      sent = true;
      value = json;
    }
    if (nonNull && mode === 'null') value = json;
    this.variables.push({ name, type: `${type}${nonNull ? '!' : ''}`, default: hasDefault ? literal : undefined, value, sent });
    return `$${name}`;
  }

  directive(): string {
    const r = this.r;
    if (!this.conditional || !r.chance(0.15)) return '';
    const which = r.pick(['skip', 'include']);
    const on = r.chance(0.5);
    const value = which === 'skip' ? !on : on; // mostly keeps the field
    const keep = r.chance(0.75);
    const literal = String(keep ? value : !value);
    if (r.chance(0.5)) return ` @${which}(if: ${literal})`;
    const name = `v${this.variables.length}`;
    const form = r.pick(['given', 'default', 'nullable-default']);
    if (form === 'given') this.variables.push({ name, type: 'Boolean!', value: literal === 'true', sent: true });
    else this.variables.push({ name, type: form === 'default' ? 'Boolean!' : 'Boolean', default: literal, sent: false });
    return ` @${which}(if: $${name})`;
  }
}

const ORDER_IDS = ['1', '2', '3', '5', '8', '13', '21', '34', '55', '89', '120', '144', '150', '999999'];
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

function ordersArgs(doc: Doc): string {
  const r = doc.r;
  const args: string[] = [];
  if (r.chance(0.85)) {
    const n = r.int(1, 25);
    args.push(`${r.chance(0.85) ? 'first' : 'last'}: ${doc.arg('Int', String(n), n, true)}`);
  }
  if (r.chance(0.5)) {
    const fields: Array<[string, string, unknown]> = [];
    if (r.chance(0.6)) {
      const s = r.pick(['PENDING', 'RECEIVED', 'CANCELLED', 'DELIVERED']);
      fields.push(['status', s, s]);
    }
    if (r.chance(0.3)) {
      const d = day(-r.int(0, 30));
      fields.push(['createdFrom', `"${d}"`, d]);
    }
    if (r.chance(0.2)) {
      const v = r.pick(['1', '2', '3']);
      fields.push(['venueId', `"${v}"`, v]);
    }
    const literal = `{ ${fields.map(([k, l]) => `${k}: ${l}`).join(', ')} }`;
    const json = Object.fromEntries(fields.map(([k, , j]) => [k, j]));
    args.push(`filter: ${doc.arg('OrderFilter', literal, json, true)}`);
  }
  if (r.chance(0.4)) {
    const field = r.pick(['ID', 'CREATED_AT', 'UPDATED_AT']);
    const direction = r.pick(['ASC', 'DESC']);
    args.push(`orderBy: ${doc.arg('OrderSort', `{ field: ${field}, direction: ${direction} }`, { field, direction }, true)}`);
  }
  return args.length ? `(${args.join(', ')})` : '';
}

function orderArgs(doc: Doc): string {
  const id = doc.r.pick(ORDER_IDS);
  const args = [`id: ${doc.arg('ID', `"${id}"`, doc.r.chance(0.2) ? Number(id) : id, false)}`];
  if (doc.r.chance(0.15)) {
    const v = doc.r.pick(['1', '2', '3']);
    args.push(`venueId: ${doc.arg('ID', `"${v}"`, v, true)}`);
  }
  return `(${args.join(', ')})`;
}

function selection(doc: Doc, schema: GraphQLSchema, type: GraphQLObjectType, depth: number): string {
  const r = doc.r;
  const fields = Object.values(type.getFields()) as Array<GraphQLField<unknown, unknown>>;
  const chosen = fields.filter(() => r.chance(depth === 0 ? 0.6 : 0.45));
  if (!chosen.length) chosen.push(r.pick(fields));
  // Repeat some, to merge.
  for (const f of [...chosen]) if (r.chance(0.12)) chosen.push(f);
  if (r.chance(0.1)) chosen.splice(r.int(0, chosen.length), 0, { name: '__typename' } as GraphQLField<unknown, unknown>);
  const parts = chosen.map((field) => {
    if (field.name === '__typename') return '__typename';
    const alias = r.chance(0.12) ? `${field.name}_${r.int(1, 3)}: ` : '';
    const named = getNamedType(field.type);
    const dir = doc.directive();
    if (isLeafType(named) || isEnumType(named)) return `${alias}${field.name}${dir}`;
    if (!isObjectType(named) || depth > 4) return '__typename';
    // Aliased repeats of an object field must agree on arguments: only alias argument-less fields.
    return `${alias}${field.name}${dir} { ${selection(doc, schema, named, depth + 1)} }`;
  });
  const body = parts.join(' ');
  const wrap = r.next();
  if (wrap < 0.1) return `... on ${type.name}${doc.directive()} { ${body} }`;
  if (wrap < 0.18) {
    const name = `F${doc.fragments.length}`;
    doc.fragments.push(`fragment ${name} on ${type.name} { ${body} }`);
    return `...${name}${doc.directive()}`;
  }
  if (wrap < 0.24) return `... { ${body} }`;
  return body;
}

function variableDefinitions(doc: Doc): string {
  if (!doc.variables.length) return '';
  return `(${doc.variables.map((v) => `$${v.name}: ${v.type}${v.default !== undefined ? ` = ${v.default}` : ''}`).join(', ')})`;
}

/** One random valid query document. */
function one(schema: GraphQLSchema, r: Rng, index: number): Case {
  const doc = new Doc(r);
  const query = schema.getQueryType()!;
  const roots: string[] = [];
  const count = r.int(1, 3);
  for (let i = 0; i < count; i++) {
    const which = r.pick(['orders', 'orders', 'order']);
    const alias = i > 0 || r.chance(0.2) ? `r${i}: ` : '';
    const field = query.getFields()[which]!;
    const args = which === 'orders' ? ordersArgs(doc) : orderArgs(doc);
    const type = getNamedType(field.type) as GraphQLObjectType;
    roots.push(`${alias}${which}${args}${doc.directive()} { ${selection(doc, schema, type, 0)} }`);
  }
  const source = `query G${index}${variableDefinitions(doc)} { ${roots.join(' ')} }\n${doc.fragments.join('\n')}`;
  const variables = Object.fromEntries(doc.variables.filter((v) => v.sent).map((v) => [v.name, v.value]));
  return { name: `generated #${index}`, query: source, variables: doc.variables.some((v) => v.sent) ? variables : undefined };
}

/** `count` valid documents from `seed`; a rare invalid draw (e.g. conflicting merges) is drawn again. */
export function generate(schema: GraphQLSchema, seed: number, count: number): Case[] {
  const r = rng(seed);
  const cases: Case[] = [];
  for (let i = 0; cases.length < count && i < count * 20; i++) {
    const c = one(schema, r, cases.length + 1);
    if (validate(schema, parse(c.query)).length === 0) cases.push(c);
  }
  return cases;
}

