// The POS reads' transport: GET and HEAD requests without a body go out on node:http(s) with
// keep-alive agents and come back as a Response whose body is already in memory; everything else
// (every write) goes to the global fetch unchanged.
//
// Why, and why only reads: the gateway's profile at 1 connection had undici's fetch at ~40% of the
// CPU of a list request (its web streams, promises and Request copies, each promise paying for the
// request scope's AsyncLocalStorage hooks). A buffered read on node:http costs about half (a
// microbenchmark here: 500 µs -> 260-300 µs of CPU per 28 KB call). Reads are idempotent, so the
// one case node:http handles less gracefully than undici (a keep-alive socket the server closed
// just as we reused it) can be retried here safely; writes keep undici's fetch and everything the
// unknown-outcome rule relies on. Hand-written rather than a package because it is a few lines on
// node's own client, and test/upstreams/lean-fetch.test.ts compares it with fetch over a corpus.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { gunzip, inflate } from 'node:zlib';

/** Idle sockets close after this (undici's default keep-alive timeout), or sooner when the server's Keep-Alive says so. */
const IDLE_MS = 4000;

/** A Response whose body is a buffer already read: text/json/arrayBuffer/clone without a stream. */
class BufferedResponse extends Response {
  readonly #bytes: Buffer;
  readonly #url: string;

  constructor(bytes: Buffer, init: ResponseInit, url: string) {
    // No body handed to the base class: reading it would be the web-stream path this avoids.
    super(null, init);
    this.#bytes = bytes;
    this.#url = url;
  }

  override get url(): string {
    return this.#url;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#bytes.length === 0) return null;
    const bytes = this.#bytes;
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    });
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#bytes.toString('utf8'));
  }

  override async json(): Promise<unknown> {
    return JSON.parse(this.#bytes.toString('utf8'));
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(new Uint8Array(this.#bytes).buffer);
  }

  override clone(): Response {
    return new BufferedResponse(this.#bytes, { status: this.status, statusText: this.statusText, headers: this.headers }, this.#url);
  }
}

/** A transport failure, shaped as fetch reports it (a TypeError with the socket error as cause). */
const failed = (cause: unknown) => new TypeError('fetch failed', { cause });

/** The answer's bytes as sent, or inflated when the POS compressed them (as fetch does; an empty body is left alone). */
function decode(bytes: Buffer, encoding: string | undefined, done: (error: Error | null, bytes: Buffer) => void): void {
  if (bytes.length === 0) return done(null, bytes);
  if (encoding === 'gzip' || encoding === 'x-gzip') return gunzip(bytes, done);
  if (encoding === 'deflate') return inflate(bytes, done);
  done(null, bytes);
}

export interface LeanFetchOptions {
  /** Where anything but a bodyless GET/HEAD goes. Default: the global fetch. */
  fallback?: typeof fetch;
}

export function leanFetch(options: LeanFetchOptions = {}): typeof fetch {
  const fallback = options.fallback ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, timeout: IDLE_MS }),
    'https:': new HttpsAgent({ keepAlive: true, timeout: IDLE_MS }),
  };

  const once = (request: Request, signal: AbortSignal | null | undefined, retried: boolean): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const url = request.url;
      const protocol = url.startsWith('https:') ? 'https:' : 'http:';
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => (headers[name] = value));
      // As fetch asks, so a real POS over the internet may compress its answers.
      headers['accept-encoding'] ??= 'gzip, deflate';
      const send = protocol === 'https:' ? httpsRequest : httpRequest;
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const onAbort = () => {
        outgoing.destroy();
        settle(() => reject(signal!.reason));
      };
      const outgoing = send(url, { method: request.method, headers, agent: agents[protocol] }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
          decode(raw, incoming.headers['content-encoding'], (error, bytes) => {
            if (error) return settle(() => reject(failed(error)));
            const responseHeaders = new Headers();
            const pairs = incoming.rawHeaders;
            for (let i = 0; i < pairs.length; i += 2) responseHeaders.append(pairs[i]!, pairs[i + 1]!);
            settle(() => resolve(new BufferedResponse(bytes, { status: incoming.statusCode ?? 502, statusText: incoming.statusMessage ?? '', headers: responseHeaders }, url)));
          });
        });
        // The connection dropped mid-answer: as fetch says it, "terminated".
        incoming.on('error', (error) => settle(() => reject(failed(error))));
        incoming.on('close', () => {
          if (!incoming.complete) settle(() => reject(failed(new Error('terminated'))));
        });
      });
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server had just closed: the request never reached it. Once, on a new socket.
        const again = !retried && outgoing.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        settle(() => (again ? once(request, signal, true).then(resolve, reject) : reject(failed(error))));
      });
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      outgoing.end();
    });

  return (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const lean = request !== undefined && (request.method === 'GET' || request.method === 'HEAD') && request.body === null && (init === undefined || (Object.keys(init).length === 1 && 'signal' in init));
    if (!lean) return fallback(input, init);
    return once(request, init?.signal ?? request.signal, false);
  };
}
