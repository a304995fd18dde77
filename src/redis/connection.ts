// One ioredis connection shared by every store that makes N gateway instances act as one (the
// Clopos budget, the GET cache, the response cache, createOrder's idempotency keys), and the one
// place that knows whether Redis is reachable right now. Commands fail fast instead of queueing
// while Redis is away, so each store can fall back to memory (or refuse, for idempotency) at once.
import { Redis } from 'ioredis';
import { runDetached } from '../request-scope.js';

export interface RedisLogger {
  warn(message: string): void;
  info(message: string): void;
}

export interface RedisLink {
  client: Redis;
  /** True while connected and no command has failed since. Readiness reports this. */
  reachable(): boolean;
  /** A store's command failed: mark Redis unreachable until it reconnects, and warn once. */
  failed(what: string, error: unknown): void;
  close(): Promise<void>;
}

/** What a shared store needs of the connection: is Redis up, and telling it a command failed. */
export type SharedHealth = Pick<RedisLink, 'reachable' | 'failed'>;

export interface RedisLinkOptions {
  logger?: RedisLogger;
  /** How long start-up waits for a first connection before going on in memory. Default 2000. */
  connectWaitMs?: number;
  /** Per command; a slow Redis counts as an unreachable one. Default 500. */
  commandTimeoutMs?: number;
}

export async function connectRedis(url: string, options: RedisLinkOptions = {}): Promise<RedisLink> {
  const logger = options.logger ?? console;
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 500,
    connectTimeout: 1000,
    // Keep trying to come back, at most every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let up = false;
  let warned = false;
  let recheck: NodeJS.Timeout | undefined;
  const down = (why: string) => {
    up = false;
    if (warned) return;
    warned = true;
    logger.warn(`Redis unreachable (${why}): reads fall back to memory, createOrder with an idempotencyKey is refused`);
  };
  client.on('ready', () => {
    up = true;
    if (warned) logger.info('Redis reachable again: shared stores back in use');
    warned = false;
  });
  client.on('error', (error: Error) => down(error.message));
  client.on('close', () => down('connection closed'));
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, options.connectWaitMs ?? 2000);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  if (!up) down('no connection at start-up');
  return {
    client,
    reachable: () => up && client.status === 'ready',
    failed(what, error) {
      down(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      // Still connected but a command failed (a stalled Redis): no 'ready' will come to say it is
      // back, so ask it ourselves.
      // Detached: the failing command may belong to a request, and the timer outlives it.
      recheck ??= runDetached(() => setInterval(() => {
        if (client.status !== 'ready') return;
        client.ping().then(
          () => {
            clearInterval(recheck);
            recheck = undefined;
            if (!up) client.emit('ready');
          },
          () => undefined,
        );
      }, 1000)).unref();
    },
    async close() {
      clearInterval(recheck);
      client.removeAllListeners('close');
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      await client.quit().catch(() => client.disconnect());
    },
  };
}
