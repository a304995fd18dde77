// A throwaway redis-server on a free loopback port, for the Redis suites (CI installs Debian's).
// The one copy of the start-up code: every Redis suite starts its server here. The port is chosen
// once and kept, so a suite can kill the server and start it again (empty) where its clients
// reconnect, or pause it (SIGSTOP) and resume it (SIGCONT).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';

function redisServerPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('redis-server is not installed: `apt-get install -y redis-server` (CI does this before npm run test:redis)');
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RedisServer {
  url: string;
  port: number;
  /** SIGKILL (resuming it first if paused); a no-op when it is not running. */
  stop(): Promise<void>;
  /** Starts it again, empty, on the same port (after stop). */
  restart(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing answers. */
  pause(): void;
  /** SIGCONT after pause. */
  resume(): void;
}

async function spawnRedis(port: number): Promise<ChildProcess> {
  const child = spawn(redisServerPath(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 5 s')), 5000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (/Ready to accept connections/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}`));
    });
  });
  return child;
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child = await spawnRedis(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      const running = child;
      if (running.exitCode !== null || running.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGCONT');
        running.kill('SIGKILL');
      });
    },
    async restart() {
      child = await spawnRedis(port);
    },
    pause() {
      child.kill('SIGSTOP');
    },
    resume() {
      child.kill('SIGCONT');
    },
  };
}
