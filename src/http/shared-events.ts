// Subscription events executed and serialized once, not once per subscriber.
//
// The live fan-out (src/live/fanout.ts) hands every subscriber of a change the same message
// object. A subscription's per-event execution depends only on that object, the document, the
// operation name, the variables the selection below the root field reads (not `filter`/`since`,
// which only the root field's subscribe reads) and the upstream adapter. So the first subscriber
// to take an event executes it and the rest reuse its result (a WeakMap keyed by the event: gone
// with the event). The serialized SSE bytes of a result are cached the same way (a WeakMap keyed
// by the result), so 10,000 subscribers of one filter and selection cost one execution, one
// JSON.stringify and one encode per change. graphql-ws frames carry the subscription's id, so its
// subscribers share the execution only.
//
// The source stream is graphql's own createSourceEventStream, and each event runs through
// graphql's execute with the event as root value: what the standard executor's subscribe does.
import { createSourceEventStream, execute, GraphQLError, Kind, visit, type DocumentNode, type ExecutionArgs, type ExecutionResult, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Readable } from 'node:stream';

type Result = ExecutionResult | Promise<ExecutionResult>;

const ids = new WeakMap<object, number>();
let nextId = 0;
const idOf = (o: object): number => {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++nextId));
  return id;
};

/** Per document: the variables the root field's selection set reads (sorted), or null if not shareable. */
const selectionVariables = new WeakMap<DocumentNode, Map<string | undefined, string[] | null>>();

function variablesBelowRoot(document: DocumentNode, operationName: string | undefined): string[] | null {
  let perName = selectionVariables.get(document);
  if (!perName) selectionVariables.set(document, (perName = new Map()));
  if (perName.has(operationName)) return perName.get(operationName)!;
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  const root = operation?.selectionSet.selections;
  let names: string[] | null = null;
  // One plain root field (a subscription has exactly one), no directives on it.
  if (operation?.operation === 'subscription' && root?.length === 1 && root[0]!.kind === Kind.FIELD && !root[0]!.directives?.length) {
    const used = new Set<string>();
    const collect = (node: Parameters<typeof visit>[0]) =>
      visit(node, {
        Variable(variable) {
          used.add(variable.name.value);
        },
      });
    if (root[0]!.selectionSet) collect(root[0]!.selectionSet);
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) collect(d);
    names = [...used].sort();
  }
  perName.set(operationName, names);
  return names;
}

/** What, besides the event, the execution of one event depends on; undefined: not shared. */
function sharingKey(args: ExecutionArgs): string | undefined {
  const upstream = (args.contextValue as { upstream?: object } | undefined)?.upstream;
  if (!upstream || args.rootValue !== undefined || args.fieldResolver || args.typeResolver) return undefined;
  const names = variablesBelowRoot(args.document, args.operationName ?? undefined);
  if (!names) return undefined;
  const variables = args.variableValues ?? {};
  const used = names.length ? JSON.stringify(names.map((n) => variables[n] ?? null)) : '';
  return `${idOf(args.document)}|${args.operationName ?? ''}|${idOf(upstream)}|${used}`;
}

const executions = new WeakMap<object, Map<string, Result>>();

function executeShared(event: unknown, key: string, run: () => Result): Result {
  if (event === null || typeof event !== 'object') return run();
  let byKey = executions.get(event);
  if (!byKey) executions.set(event, (byKey = new Map()));
  let result = byKey.get(key);
  if (!result) byKey.set(key, (result = run()));
  return result;
}

function mapEvents(source: AsyncIterator<unknown>, operation: DocumentNode, run: (event: unknown) => Result): AsyncIterableIterator<ExecutionResult> {
  return {
    async next() {
      let step: IteratorResult<unknown>;
      try {
        step = await source.next();
      } catch (error) {
        // As the standard executor does: the stream's error, located at the operation.
        throw new GraphQLError((error as Error).message, { nodes: operation.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION), originalError: error as Error });
      }
      if (step.done) return { value: undefined, done: true };
      return { value: await run(step.value), done: false };
    },
    return: async () => (source.return ? ((await source.return()) as IteratorResult<ExecutionResult>) : { value: undefined, done: true }),
    throw: async (error?: unknown) => {
      if (source.throw) return (await source.throw(error)) as IteratorResult<ExecutionResult>;
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  value !== null && typeof value === 'object' && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';

// --- SSE: the bytes of an event, shared by every subscriber it is shared with -----------------

const encoder = new TextEncoder();
const PING = encoder.encode(':\n\n');
const COMPLETE = encoder.encode('event: complete\ndata:\n\n');
const frames = new WeakMap<object, Uint8Array>();

/** As Yoga serializes a result (its internal `http`/`unexpected` extensions left out). */
function serialize(result: ExecutionResult): string {
  if (!result.errors?.length && !(result.extensions as { http?: unknown } | undefined)?.http) return JSON.stringify(result);
  const { http: _http, ...extensions } = (result.extensions ?? {}) as Record<string, unknown>;
  const errors = result.errors?.map((error) => {
    const json = (typeof error.toJSON === 'function' ? error.toJSON() : error) as { extensions?: Record<string, unknown> };
    const { http: _h, unexpected: _u, ...rest } = json.extensions ?? {};
    return { ...json, extensions: Object.keys(rest).length ? rest : undefined };
  });
  return JSON.stringify({ ...result, errors, extensions: Object.keys(extensions).length ? extensions : undefined });
}

function frameOf(result: ExecutionResult): Uint8Array {
  let frame = frames.get(result);
  if (!frame) frames.set(result, (frame = encoder.encode(`event: next\ndata: ${serialize(result)}\n\n`)));
  return frame;
}

// One timer pings every open stream (Yoga runs one per stream), so idle proxies keep it open.
// Yoga's interval, and like Yoga 300 ms under NODE_ENV=test.
const pingMs = () => (process.env.NODE_ENV === 'test' ? 300 : 12_000);
const streams = new Set<Readable>();
let pinger: NodeJS.Timeout | undefined;
function watch(stream: Readable): void {
  streams.add(stream);
  pinger ??= setInterval(() => {
    // Only into an empty buffer: a reader that stopped gets no pings piled up.
    for (const s of streams) if (s.readableLength === 0) s.push(PING);
    if (streams.size === 0) {
      clearInterval(pinger);
      pinger = undefined;
    }
  }, pingMs()).unref();
}

/**
 * The event stream as a node Readable, not a web ReadableStream: whatwg-node's server pipes a
 * Readable body straight into node's `res` (`readable.pipe(res)`), so an event reaches the socket
 * through one `push` and one `res.write`, without the web stream's reader, controller and the
 * promises of its pump per event and subscriber (the 10,000-subscriber live cell's profile).
 * Pulled like the web stream was: the next event is taken only when the Readable wants more, so a
 * client that stops reading stops the pulls (res.write false, pipe pauses, the buffer fills), its
 * subscription's queue fills, and the live feed's queue limit disconnects it.
 */
function sseResponse(results: AsyncIterable<ExecutionResult>, fetchAPI: { Response: typeof Response }, res: { destroy(): void } | undefined): Response {
  const iterator = results[Symbol.asyncIterator]();
  let pulling = false;
  const stream: Readable = new Readable({
    // Small: a stalled reader holds at most this much here (res and the socket buffer the rest).
    highWaterMark: 4096,
    read() {
      if (pulling) return;
      pulling = true;
      iterator.next().then(
        (step) => {
          pulling = false;
          if (stream.destroyed) return;
          if (step.value != null) stream.push(frameOf(step.value));
          if (step.done) {
            streams.delete(stream);
            stream.push(COMPLETE);
            stream.push(null);
          }
        },
        (error: unknown) => {
          pulling = false;
          streams.delete(stream);
          // An abnormal end looks abnormal to the client (the connection drops, graphql-sse retries).
          stream.destroy(error as Error);
          res?.destroy();
        },
      );
    },
    destroy(error, callback) {
      streams.delete(stream);
      Promise.resolve(iterator.return?.()).then(
        () => callback(error),
        () => callback(error),
      );
    },
  });
  // A first ping: some browsers do not hand the response over until a byte arrives.
  stream.push(PING);
  watch(stream);
  return new fetchAPI.Response(stream as unknown as BodyInit, {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream', Connection: 'keep-alive', 'Cache-Control': 'no-cache', 'Content-Encoding': 'none' },
  });
}

function wantsSse(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '';
  return accept.includes('text/event-stream') && !accept.includes('multipart/mixed');
}

export function useSharedSubscriptionEvents(): Plugin {
  return {
    onSubscribe({ subscribeFn, setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const key = sharingKey(args);
        if (key === undefined) return subscribeFn(args);
        const source = await createSourceEventStream(args);
        if (!isAsyncIterable(source)) return source;
        return mapEvents(source[Symbol.asyncIterator](), args.document, (event) => executeShared(event, key, () => execute({ ...args, rootValue: event })));
      });
    },
    onResultProcess({ request, result, setResultProcessor, serverContext }) {
      if (isAsyncIterable(result) && wantsSse(request)) {
        const res = (serverContext as { res?: { destroy(): void } } | undefined)?.res;
        setResultProcessor((r, fetchAPI) => sseResponse(r as AsyncIterable<ExecutionResult>, fetchAPI, res), 'text/event-stream');
      }
    },
  };
}
