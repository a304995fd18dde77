// What GraphiQL at /graphql opens with: one tab per everyday operation, with variables filled in,
// so a first visit can press Run. GraphiQL keeps the tabs a visitor edits in localStorage.
import type { GraphiQLOptions } from 'graphql-yoga';
import { GRAPHIQL_FETCHER } from './graphiql-fetcher.js';

const ORDERS = `# Pending orders, newest first. Change the filter or sort below; page on with
# {"after": "<pageInfo.endCursor>"} in Variables. Schema docs: the book icon at the top left.
query Orders(
  $first: Int = 5
  $after: String
  $filter: OrderFilter = { status: PENDING }
  $orderBy: OrderSort = { field: CREATED_AT, direction: DESC }
) {
  orders(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id status createdAt
      customer { name phone }
      lines { name quantity unitPrice modifiers { name quantity unitPrice } }
    }
  }
}
`;

const ORDER = `# One order with its lines and their modifiers; null when there is no such order.
query Order($id: ID! = "1") {
  order(id: $id) {
    id status createdAt updatedAt comment deliveryFee
    customer { name phone address }
    lines { name quantity unitPrice note modifiers { name quantity unitPrice } }
    receipt { id status }
  }
}
`;

const CREATE = `# Places an order (a real one when the gateway talks to Clopos, not the sandbox).
# Invalid input comes back as userErrors (try quantity: 0), not as errors.
mutation CreateOrder {
  createOrder(input: {
    venueId: "1", saleTypeId: "2"
    customer: { name: "Rahid Akhundzada", phone: "+994705401040", address: "123 Main St" }
    lines: [{ productId: "51", name: "Pizza Margherita", quantity: 2, unitPrice: 8.5,
              modifiers: [{ modifierId: "501", name: "Extra Cheese", quantity: 1, unitPrice: 0.5 }] }]
  }) {
    order { id status createdAt lines { name quantity modifiers { name } } }
    userErrors { field message code }
  }
}
`;

const CANCEL = `# Cancels an order (it becomes CANCELLED; Clopos is sent IGNORE); an unknown id is a NOT_FOUND user error, and
# cancelling a cancelled order returns it. 149 is a pending order of \`npm start\`'s sandbox;
# against a real Clopos, put the id of an order you mean to cancel: {"id": "152"} in Variables.
mutation CancelOrder($id: ID! = "149") {
  cancelOrder(id: $id) {
    order { id status }
    userErrors { field message code }
  }
}
`;

const LIVE = `# Live order changes, pushed as the gateway sees them (Server-Sent Events over POST). Press Run
# and watch: with \`npm start\` the sandbox's demo mode moves orders every few seconds. To resume
# after a disconnect, pass the last change's \`at\` as since: {"since": "<at>"}
# HEARTBEAT (every 10 s) and RESYNC (reload: changes may have been missed) carry no order;
# feedAt is the last time the gateway read Clopos.
subscription OrderChanged($filter: OrderFilter, $since: DateTime) {
  orderChanged(filter: $filter, since: $since) {
    kind at feedAt previousStatus
    order { id status createdAt customer { name } }
  }
}
`;

export const GRAPHIQL_OPTIONS: GraphiQLOptions = {
  title: 'clopos-graphql',
  defaultQuery: ORDERS,
  // Every tab runs as it stands (example values are variable defaults or literals), because
  // GraphiQL can start a first visit with an empty Variables pane.
  defaultTabs: [ORDERS, ORDER, CREATE, CANCEL, LIVE].map((query) => ({ query })),
};

/**
 * Yoga's GraphiQL page, started with the fetcher of graphiql-fetcher.ts (the operation name from
 * the document being run; subscriptions over POST). Throws if the page no longer has the call it
 * hooks into, so an upgrade of @graphql-yoga/render-graphiql cannot silently drop the fetcher.
 */
export async function renderGatewayGraphiQL(options: GraphiQLOptions): Promise<string> {
  // Loaded on the first GraphiQL page, not at start-up: the package holds the whole GraphiQL bundle
  // as one string (9 MB of source, about 30 MB of heap with its copies), which a gateway nobody
  // opens GraphiQL on (most production instances) need not carry. 162 -> 130 MB idle RSS.
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  const html = renderGraphiQL(options);
  const call = 'YogaGraphiQL.renderYogaGraphiQL(';
  if (!html.includes(call)) throw new Error('GraphiQL page changed: renderYogaGraphiQL( not found');
  return html.replace(call, () => `(${GRAPHIQL_FETCHER})(YogaGraphiQL.renderYogaGraphiQL)(`);
}

/**
 * The same tabs over Clover (UPSTREAM=clover): Clover's ids, the merchant as the venue, statuses
 * Clover orders have (no PENDING), and no fields Clover refuses (customer address).
 */
export function cloverGraphiQLOptions(merchantId: string): GraphiQLOptions {
  const example = '8WAD6KV8D90KR';
  const tabs = [
    ORDERS.replace('# Pending orders', '# Open orders').replace('{ status: PENDING }', '{ status: RECEIVED }'),
    ORDER.replace('$id: ID! = "1"', `$id: ID! = "${example}"`),
    CREATE.replace('(a real one when the gateway talks to Clopos, not the sandbox)', '(a real one when the gateway talks to a real Clover merchant)')
      .replace('venueId: "1", saleTypeId: "2"', `venueId: "${merchantId}", saleTypeId: "DINEIN"`)
      .replace(', address: "123 Main St"', ''),
    CANCEL.replace(/^#[^\n]*\n#[^\n]*\n#[^\n]*\n/, `# Cancels an order (Clover: its state becomes "cancelled"); an unknown id is a NOT_FOUND user error.\n# Put the id of an order you mean to cancel (Clover ids are 13 letters and digits).\n`).replace(
      '$id: ID! = "149"',
      `$id: ID! = "${example}"`,
    ),
    LIVE.replace('the last time the gateway read Clopos', 'the last time the gateway read Clover'),
  ];
  return { title: 'clopos-graphql (Clover)', defaultQuery: tabs[0], defaultTabs: tabs.map((query) => ({ query })) };
}
