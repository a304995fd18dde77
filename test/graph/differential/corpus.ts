// The hand-written part of the differential corpus: one or more documents per rule of the GraphQL
// spec the gateway's answers depend on, the operations in operations/, and the README examples.
import { readdirSync, readFileSync } from 'node:fs';
import type { Fault } from '../../../src/sandbox/contract.js';
import { readmeExamples } from '../../support/readme.js';

export interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** write: a mutation (the sandbox is reset around each run); fault: the sandbox fails once per run. */
  kind?: 'read' | 'write' | 'fault';
  fault?: Fault;
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

const ORDER_FIELDS = 'id status venueId createdAt customer { name } lines { name quantity modifiers { name } }';

/** Variables: defaults, absent, null, and coercion. */
function variables(): Case[] {
  const c = (name: string, query: string, variables?: Record<string, unknown>, operationName?: string): Case => ({ name, query, variables, operationName });
  return [
    // The three documents of issue 14.
    c('ID! with default, omitted', 'query Q($id: ID! = "1") { order(id: $id) { id } }'),
    c('Int! with default, omitted', 'query Q($n: Int! = 2) { orders(first: $n) { totalCount nodes { id } } }'),
    c('Boolean! = true driving @skip', 'query Q($s: Boolean! = true) { orders(first: 2) { totalCount nodes @skip(if: $s) { id } } }'),
    c('Boolean! = false driving @skip', 'query Q($s: Boolean! = false) { orders(first: 2) { nodes @skip(if: $s) { id } } }'),
    c('Boolean! default, given true', 'query Q($s: Boolean! = false) { orders(first: 2) { nodes @skip(if: $s) { id } totalCount } }', { s: true }),
    c('ID! with default, given', 'query Q($id: ID! = "1") { order(id: $id) { id status } }', { id: '2' }),
    c('ID! with default, given as an integer', 'query Q($id: ID! = "1") { order(id: $id) { id } }', { id: 3 }),
    c('ID! without default, given as an integer', 'query Q($id: ID!) { order(id: $id) { id } }', { id: 4 }),
    c('ID! with default, given null', 'query Q($id: ID! = "1") { order(id: $id) { id } }', { id: null }),
    c('ID! without default, omitted', 'query Q($id: ID!) { order(id: $id) { id } }'),
    c('ID! without default, null', 'query Q($id: ID!) { order(id: $id) { id } }', { id: null }),
    c('Int with default, omitted', 'query Q($n: Int = 3) { orders(first: $n) { nodes { id } } }'),
    c('Int with default, given null (null wins over the default)', 'query Q($n: Int = 3) { orders(first: $n) { totalCount nodes { id } } }', { n: null }),
    c('Int without default, absent (argument absent)', 'query Q($n: Int) { orders(first: $n) { nodes { id } } }'),
    c('Int without default, null', 'query Q($n: Int) { orders(first: $n) { nodes { id } } }', { n: null }),
    c('Int given as a float', 'query Q($n: Int) { orders(first: $n) { nodes { id } } }', { n: 2.5 }),
    c('Int given as a string', 'query Q($n: Int) { orders(first: $n) { nodes { id } } }', { n: '2' }),
    c('Int above 32 bits', 'query Q($n: Int) { orders(first: $n) { nodes { id } } }', { n: 2 ** 31 }),
    c('Int out of the resolver range', 'query Q($n: Int = 0) { orders(first: $n) { nodes { id } } }'),
    c('Int! = 101, over the page limit', 'query Q($n: Int! = 101) { orders(first: $n) { totalCount } }'),
    c('String with default, omitted (a cursor)', 'query Q($a: String = "nope") { orders(first: 2, after: $a) { nodes { id } } }'),
    c('String given a number', 'query Q($a: String) { orders(first: 2, after: $a) { nodes { id } } }', { a: 5 }),
    c('enum inside an input default', 'query Q($f: OrderFilter = { status: RECEIVED }) { orders(first: 3, filter: $f) { totalCount nodes { status } } }'),
    c('input object default, given null', 'query Q($f: OrderFilter = { status: RECEIVED }) { orders(first: 3, filter: $f) { totalCount } }', { f: null }),
    c('input object given', 'query Q($f: OrderFilter) { orders(first: 3, filter: $f) { totalCount nodes { status venueId } } }', { f: { status: 'DELIVERED', venueId: '2' } }),
    c('input object with an explicit null field', 'query Q($f: OrderFilter) { orders(first: 3, filter: $f) { totalCount } }', { f: { status: null } }),
    c('input object with an unknown field', 'query Q($f: OrderFilter) { orders(first: 3, filter: $f) { totalCount } }', { f: { colour: 'red' } }),
    c('input object given a string', 'query Q($f: OrderFilter) { orders(first: 3, filter: $f) { totalCount } }', { f: 'PENDING' }),
    c('enum variable, unknown value', 'query Q($f: OrderFilter) { orders(first: 3, filter: $f) { totalCount } }', { f: { status: 'LOST' } }),
    c('enum variable, lower case', 'query Q($f: OrderFilter) { orders(first: 3, filter: $f) { totalCount } }', { f: { status: 'pending' } }),
    c('Date inside an input variable', 'query Q($f: OrderFilter) { orders(first: 50, filter: $f) { totalCount nodes { createdAt } } }', { f: { createdFrom: day(-7), createdTo: day(0) } }),
    c('Date, not a calendar day', 'query Q($f: OrderFilter) { orders(first: 3, filter: $f) { totalCount } }', { f: { createdFrom: '2026-02-30' } }),
    c('Date range reversed (resolver error with the field)', 'query Q($f: OrderFilter) { orders(first: 3, filter: $f) { totalCount } }', { f: { createdFrom: day(0), createdTo: day(-3) } }),
    c('input object with required fields, default', 'query Q($o: OrderSort = { field: ID, direction: ASC }) { orders(first: 4, orderBy: $o) { nodes { id } } }'),
    c('input object missing a required field', 'query Q($o: OrderSort) { orders(first: 4, orderBy: $o) { nodes { id } } }', { o: { field: 'ID' } }),
    c('input object with a null required field', 'query Q($o: OrderSort) { orders(first: 4, orderBy: $o) { nodes { id } } }', { o: { field: 'ID', direction: null } }),
    c('variable inside an input literal', 'query Q($s: OrderStatus = PENDING) { orders(first: 3, filter: { status: $s }) { totalCount nodes { status } } }'),
    c('variable inside an input literal, absent, no default', 'query Q($s: OrderStatus) { orders(first: 3, filter: { status: $s }) { totalCount } }'),
    c('variable inside an input literal, null', 'query Q($s: OrderStatus) { orders(first: 3, filter: { status: $s }) { totalCount } }', { s: null }),
    c('nullable variable into an argument with a required field', 'query Q($d: SortDirection = ASC) { orders(first: 3, orderBy: { field: CREATED_AT, direction: $d }) { nodes { id createdAt } } }'),
    c('unused variables are still coerced', 'query Q($x: Int!, $y: String = "y") { orders(first: 1) { totalCount } }', { x: 1 }),
    c('unused required variable, missing', 'query Q($x: Int!) { orders(first: 1) { totalCount } }'),
    c('extra variables are ignored', 'query Q($n: Int = 2) { orders(first: $n) { nodes { id } } }', { n: 1, other: 'x' }),
    c('the same variable in two places', 'query Q($id: ID! = "5") { a: order(id: $id) { id } b: order(id: $id) { status } }'),
    c('venueId variable, wrong venue', 'query Q($id: ID! = "1", $v: ID = "3") { order(id: $id, venueId: $v) { id venueId } }'),
    c('venueId variable, not a number', 'query Q($v: ID = "abc") { order(id: "1", venueId: $v) { id } }'),
  ];
}

/** @skip and @include, literal and variable, on fields, fragments and spreads. */
function directives(): Case[] {
  const c = (name: string, query: string, variables?: Record<string, unknown>): Case => ({ name, query, variables });
  return [
    c('@skip(if: true) literal', '{ orders(first: 2) { totalCount nodes @skip(if: true) { id } } }'),
    c('@include(if: false) literal', '{ orders(first: 2) { totalCount nodes @include(if: false) { id } } }'),
    c('@skip false and @include true', '{ orders(first: 2) { nodes @skip(if: false) @include(if: true) { id } } }'),
    c('@skip true wins over @include true', '{ orders(first: 2) { totalCount nodes @skip(if: true) @include(if: true) { id } } }'),
    c('@include on the root field', 'query Q($w: Boolean!) { orders(first: 1) @include(if: $w) { totalCount } order(id: "1") { id } }', { w: false }),
    c('@include on every root field', 'query Q($w: Boolean = false) { orders(first: 1) @include(if: $w) { totalCount } }'),
    c('@skip with a variable, given', 'query Q($s: Boolean!) { orders(first: 2) { totalCount pageInfo @skip(if: $s) { hasNextPage } } }', { s: true }),
    c('@skip with a missing non-null variable', 'query Q($s: Boolean!) { orders(first: 2) { totalCount pageInfo @skip(if: $s) { hasNextPage } } }'),
    c('@skip with a nullable variable, absent', 'query Q($s: Boolean) { orders(first: 2) { totalCount } }'),
    c('@skip on an inline fragment', 'query Q($s: Boolean = true) { order(id: "2") { id ... @skip(if: $s) { status customer { name } } } }'),
    c('@include on a fragment spread', 'query Q($i: Boolean = false) { order(id: "2") { id ...F @include(if: $i) } } fragment F on Order { status lines { name } }'),
    c('@include on a fragment spread, given true', 'query Q($i: Boolean = false) { order(id: "2") { id ...F @include(if: $i) } } fragment F on Order { status lines { name } }', { i: true }),
    c('the same field skipped once and included once', '{ order(id: "3") { id status @skip(if: true) status @include(if: true) } }'),
    c('a field skipped in one spread and selected in another', '{ order(id: "3") { ... @skip(if: true) { comment } ... { comment id } } }'),
    c('receipt only under a skipped selection', 'query Q($s: Boolean = true) { orders(first: 5, filter: { status: RECEIVED }) { nodes { id receipt @skip(if: $s) { id } } } }'),
    c('receipt under an included selection', 'query Q($s: Boolean = false) { orders(first: 5, filter: { status: RECEIVED }) { nodes { id receipt @skip(if: $s) { id status } } } }'),
  ];
}

/** Fragments, field merging, aliases, __typename. */
function selections(): Case[] {
  const c = (name: string, query: string, variables?: Record<string, unknown>, operationName?: string): Case => ({ name, query, variables, operationName });
  return [
    c('named fragment', `{ order(id: "7") { ...O } } fragment O on Order { ${ORDER_FIELDS} }`),
    c('nested named fragments', '{ orders(first: 3) { ...C } } fragment C on OrderConnection { totalCount nodes { ...O } } fragment O on Order { id lines { ...L } } fragment L on OrderLine { name modifiers { name unitPrice } }'),
    c('inline fragment with a type condition', '{ order(id: "8") { ... on Order { id status } } }'),
    c('inline fragment without a type condition', '{ order(id: "8") { ... { id comment } } }'),
    c('a fragment spread twice', '{ order(id: "9") { ...O ...O } } fragment O on Order { id status }'),
    c('field merging: same field, disjoint sub-selections', '{ order(id: "10") { customer { name } customer { phone } lines { name } lines { quantity } } }'),
    c('field merging across a fragment', '{ order(id: "10") { customer { name } ...F } } fragment F on Order { customer { address } id }'),
    c('field merging of the root field', '{ orders(first: 3) { nodes { id } } orders(first: 3) { totalCount nodes { status } } }'),
    c('field merging: receipt only in the second selection', '{ orders(first: 4, filter: { status: RECEIVED }) { nodes { id } } orders(first: 4, filter: { status: RECEIVED }) { nodes { receipt { id } } } }'),
    c('aliases on root fields with different arguments', '{ a: order(id: "1") { id } b: order(id: "2") { id } none: order(id: "999999") { id } }'),
    c('aliases on nested fields', '{ order(id: "11") { key: id state: status who: customer { n: name } } }'),
    c('an alias equal to another field name', '{ order(id: "11") { status: id id: status } }'),
    c('__typename everywhere', '{ __typename orders(first: 2) { __typename nodes { __typename id customer { __typename } lines { __typename } } pageInfo { __typename } } }'),
    c('__typename aliased', '{ t: __typename order(id: "1") { t: __typename } }'),
    c('edges with cursors', '{ orders(first: 3) { edges { cursor node { id } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }'),
    c('field order follows the selection', '{ order(id: "12") { status id createdAt customer { phone name } } }'),
    c('field order with fragments interleaved', '{ order(id: "12") { status ...F id } } fragment F on Order { comment createdAt status }'),
    c('every field of an order', '{ order(id: "13") { id venueId status saleTypeId type integration comment deliveryFee customer { id name phone address discountType } lines { productId name quantity unitPrice portionSize status productHash note modifiers { modifierId name quantity unitPrice portionSize } } discount { type value } serviceCharge { enabled value } autoAccept sendToStationOnAccept receipt { id serviceNotificationId status } createdAt updatedAt } }'),
    c('several operations, the first chosen', 'query A { order(id: "1") { id } } query B { orders(first: 1) { totalCount } }', undefined, 'A'),
    c('several operations, the second chosen', 'query A { order(id: "1") { id } } query B { orders(first: 1) { totalCount } }', undefined, 'B'),
    c('several operations, none chosen', 'query A { order(id: "1") { id } } query B { orders(first: 1) { totalCount } }'),
    c('unknown operation name', 'query A { order(id: "1") { id } }', undefined, 'Nope'),
    c('a name given for an anonymous query', '{ order(id: "1") { id } }', undefined, 'Orders'),
    c('introspection of a type', '{ __type(name: "OrderStatus") { kind enumValues { name } } }'),
    c('introspection with data', '{ __schema { queryType { name } } order(id: "1") { id } }'),
  ];
}

/** Arguments: literals, coercion, list results, errors from resolvers and from the upstream. */
function argumentsAndErrors(): Case[] {
  const c = (name: string, query: string, variables?: Record<string, unknown>): Case => ({ name, query, variables });
  const f = (name: string, query: string, fault: Fault): Case => ({ name, query, kind: 'fault', fault });
  return [
    c('literal input object and enums', '{ orders(first: 5, filter: { status: DELIVERED }, orderBy: { field: UPDATED_AT, direction: ASC }) { nodes { id status updatedAt } } }'),
    c('literal Date filter', `{ orders(first: 20, filter: { createdFrom: "${day(-10)}", createdTo: "${day(-2)}" }) { totalCount nodes { createdAt } } }`),
    c('literal Date, invalid', '{ orders(first: 2, filter: { createdFrom: "yesterday" }) { totalCount } }'),
    c('ID literal as an integer', '{ order(id: 14) { id } }'),
    c('no such order: null', '{ order(id: "424242") { id status } }'),
    c('an order id that is not a number', '{ order(id: "abc") { id } }'),
    c('last without before', '{ orders(last: 3) { nodes { id } pageInfo { hasPreviousPage hasNextPage } } }'),
    c('first and last together', '{ orders(first: 2, last: 2) { nodes { id } } }'),
    c('a cursor from another filter', '{ orders(first: 2, after: "WyJndkhCdUlOS0phU1giLDEsMTM2XQ") { nodes { id } } }'),
    c('a cursor that is not one', '{ orders(first: 2, after: "!!!") { nodes { id } } }'),
    c('an error on one root field, data on another', '{ bad: orders(first: 0) { totalCount } good: order(id: "1") { id } }'),
    c('errors on two root fields', '{ a: orders(first: -1) { totalCount } b: orders(first: 1000) { totalCount } }'),
    c('lists of lists of objects', '{ orders(first: 10) { nodes { lines { modifiers { name quantity unitPrice portionSize } } } } }'),
    c('a large page', '{ orders(first: 100) { totalCount nodes { id status createdAt } } }'),
    c('venue filter', '{ orders(first: 5, filter: { venueId: "3" }) { totalCount nodes { venueId } } }'),
    c('venue filter, not a number', '{ orders(first: 5, filter: { venueId: "x" }) { totalCount } }'),
    f('upstream 500 on a list (nullable parent? no: orders is non-null)', '{ orders(first: 2) { totalCount } }', { method: 'GET', path: '/orders', status: 500, times: 1 }),
    f('upstream 500 on one order, other fields kept', '{ order(id: "15") { id } orders(first: 1) { totalCount } }', { method: 'GET', path: '/orders/15', status: 500, times: 1 }),
    f('upstream 401 on an order', '{ order(id: "16") { id } }', { method: 'GET', path: '/orders/16', status: 403, times: 1 }),
    f('upstream malformed JSON', '{ orders(first: 2) { nodes { id } } }', { method: 'GET', path: '/orders', malformedJson: true, times: 1 }),
    f('upstream 429', '{ order(id: "17") { id status } }', { method: 'GET', path: '/orders/17', status: 429, rateLimitReset: 1, times: 1 }),
  ];
}

/** Mutations keep the standard executor on both sides; kept here for their input and list coercion. */
function mutations(): Case[] {
  const w = (name: string, query: string, variables?: Record<string, unknown>): Case => ({ name, query, variables, kind: 'write' });
  const input = '{ venueId: "1", saleTypeId: "2", customer: { name: "Test Guest", phone: "+994705401040" }, lines: { productId: "51", name: "Pizza", quantity: 1, unitPrice: 8.5 } }';
  return [
    w('a single line coerced into a list', `mutation { createOrder(input: ${input}) { order { id status lines { name } } userErrors { field code } } }`),
    w('cancel with a default id', 'mutation M($id: ID! = "20") { cancelOrder(id: $id) { order { id status } userErrors { code } } }'),
    w('cancel an unknown order', 'mutation { cancelOrder(id: "999999") { order { id } userErrors { field message code } } }'),
    w('invalid input as userErrors', 'mutation { createOrder(input: { venueId: "1", saleTypeId: "2", lines: [{ productId: "51", name: "", quantity: 0, unitPrice: 1 }] }) { order { id } userErrors { field message code } } }'),
  ];
}

const OPERATIONS = new URL('../../../operations/', import.meta.url);

/** Every operation in operations/, with the fragments of the whole folder and example variables. */
function operations(): Case[] {
  const files = readdirSync(OPERATIONS).filter((f) => f.endsWith('.graphql')).sort();
  const sources = files.map((f) => readFileSync(new URL(f, OPERATIONS), 'utf8'));
  const fragments = sources.join('\n').match(/fragment \w+ on \w+ \{[^]*?\n\}/g) ?? [];
  const examples: Record<string, Array<Record<string, unknown> | undefined>> = {
    OrderBoard: [undefined, { first: 3, filter: { status: 'RECEIVED' }, orderBy: { field: 'ID', direction: 'ASC' } }, { first: 2, filter: { createdFrom: day(-14) } }],
    OrderDetail: [{ id: '21' }, { id: '21', venueId: '2' }, { id: 'nope' }, {}],
    CreateOrder: [{ input: { venueId: '1', saleTypeId: '2', customer: { name: 'Op Guest', phone: '+994705401040' }, lines: [{ productId: '51', name: 'Pizza', quantity: 2, unitPrice: 8.5 }] } }],
    CancelOrder: [{ id: '22' }],
    OrderChanges: [{}],
  };
  return sources.flatMap((source, i) => {
    const operation = /(query|mutation|subscription) (\w+)/.exec(source);
    if (!operation) return [];
    const [, type, name] = operation as unknown as [string, string, string];
    const own = source.replace(/fragment \w+ on \w+ \{[^]*?\n\}/g, '');
    const used = fragments.filter((fr) => own.includes(`...${/fragment (\w+)/.exec(fr)![1]}`));
    const query = [own, ...used].join('\n');
    return (examples[name] ?? [undefined]).map((variables, n) => ({
      name: `operations/${files[i]} #${n + 1}`,
      query,
      variables,
      kind: type === 'mutation' ? ('write' as const) : ('read' as const),
    }));
  });
}

/** The README's graphql examples (a subscription is compared as the error it is without live updates). */
function readme(): Case[] {
  return readmeExamples().map((example) => ({
    name: `README line ${example.line}`,
    query: example.source,
    kind: example.operation === 'mutation' ? ('write' as const) : ('read' as const),
  }));
}

export function handWritten(): Case[] {
  return [...variables(), ...directives(), ...selections(), ...argumentsAndErrors(), ...mutations(), ...operations(), ...readme()];
}
