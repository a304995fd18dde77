// What any upstream's operation table tells the shield, the transport and the metrics about one
// operation, and the one generic call an upstream client offers. POS-neutral: Clopos's table is
// src/upstreams/clopos/operations.ts; a second POS brings its own table and the same shield.
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface OperationInfo {
  name: string;
  /** The route as the spec writes it; also the metrics label. */
  route: string;
  method: HttpMethod;
  /** Safe to repeat (retries on 5xx, timeouts, broken connections); never for a create. */
  idempotent: boolean;
  /**
   * Its answers go in the GET cache (`name` is the cache's metrics label), tagged so that a write
   * can drop them. Cacheable calls are also coalesced.
   */
  cache?: { name: string; tags(input: never): string[] };
  /** A write: the cache tags it makes stale (`output` undefined when its outcome is unknown). */
  drops?(input: never, output: unknown): string[];
  /** Spends the shared data budget (an auth call has its own quota). */
  budgeted: boolean;
  /** Upstream calls one use of it costs at most (the query-cost rule adds these up). */
  cost: number;
}

/** The shield's view of a table: an operation's facts by name, and by method and request path. */
export interface OperationLookup {
  operationSpec(name: string): OperationInfo;
  /** The name of the operation a request is; throws for one no entry matches (never a fallback). */
  operationFor(method: string, path: string): string;
}

/** A table entry's input and output, for typing `call`. */
export interface Callable<I = never, O = unknown> {
  /** Phantom: carries the types only. */
  readonly types?: { input: I; output: O };
}

export type InputOf<T, N extends keyof T> = T[N] extends { readonly types?: { input: infer I } } ? I : never;
export type OutputOf<T, N extends keyof T> = T[N] extends { readonly types?: { output: infer O } } ? O : never;
/** The names of a table's entries that `call` can send (the others, e.g. auth, are sent elsewhere). */
export type CallableName<T> = { [N in keyof T]: [InputOf<T, N>] extends [never] ? never : N }[keyof T] & string;

/** An upstream client: every operation of its table through one typed call. */
export interface OperationApi<T> {
  call<N extends CallableName<T>>(name: N, input: InputOf<T, N>): Promise<OutputOf<T, N>>;
}
