// `npm run example` (scripts/example.ts) stopped by its process id, as a process manager or
// `kill <pid>` does: the gateway and Vite both end, and both ports are free again. Here rather than
// in `npm test` because it needs the order board installed (npm ci --prefix examples/order-board).
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** True when nothing holds the port: we can listen on it ourselves, on every interface. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer().once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

async function answers(url: string, deadline: number): Promise<void> {
  for (;;) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Whether any process of the group is still running. */
function alive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

let child: ChildProcess | undefined;
afterEach(() => {
  // If the test failed, take down the whole group it started, so no port stays held.
  if (child?.pid && alive(child.pid)) process.kill(-child.pid, 'SIGKILL');
  child = undefined;
});

/** The process running scripts/example.ts, among those of the group. */
function exampleProcess(group: number): number {
  const line = execSync(`ps -o pid=,args= -g ${group}`)
    .toString()
    .split('\n')
    .find((l) => l.includes('scripts/example.ts') && !l.includes('sh -c'));
  if (!line) throw new Error('no scripts/example.ts process');
  return Number(line.trim().split(/\s+/)[0]);
}

type Target = 'npm' | 'group' | 'example';
const send = (signal: NodeJS.Signals, target: Target, group: number) => {
  if (target === 'npm') process.kill(group, signal);
  else if (target === 'group') process.kill(-group, signal);
  else process.kill(exampleProcess(group), signal);
};

describe('npm run example', () => {
  // npm ignores a SIGINT sent to its process id alone (it leaves Ctrl-C to its child, which gets it
  // from the terminal with the whole group); a SIGTERM to it reaches only its shell (scripts/example.ts
  // notices it was orphaned).
  it.each([
    ['SIGTERM', 'npm', 'to npm’s process id (a process manager, kill <pid>)'],
    ['SIGINT', 'group', 'to the whole process group (Ctrl-C in a terminal)'],
    ['SIGTERM', 'example', 'to the scripts/example.ts process'],
    ['SIGINT', 'example', 'to the scripts/example.ts process'],
  ] as Array<[NodeJS.Signals, Target, string]>)('on %s sent to %s, the gateway and Vite stop and both ports are free (%s)', async (signal, target) => {
    const [port, boardPort] = [await freePort(), await freePort()];
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(GATEWAY_|CLOPOS_|REDIS_|HOST$|PORT$)/.test(name)));
    // Its own process group (detached): the signal goes to npm's process id alone, not to a group.
    child = spawn('npm', ['run', 'example'], {
      cwd: ROOT,
      detached: true,
      env: { ...env, PORT: String(port), ORDER_BOARD_PORT: String(boardPort), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    const deadline = Date.now() + 90_000;
    try {
      await answers(`http://127.0.0.1:${port}/health`, deadline);
      await answers(`http://127.0.0.1:${boardPort}/`, deadline);
    } catch (error) {
      throw new Error(`${(error as Error).message}; output:\n${output}`);
    }

    send(signal, target, child.pid!);
    // Everything it started ends: no process of its group remains (npm's own exit status is npm's
    // business), then both ports can be had again.
    const group = child.pid!;
    const gone = Date.now() + 45_000;
    while (alive(group) && Date.now() < gone) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(alive(group), output).toBe(false);
    await exit;
    expect(await isFree(port)).toBe(true);
    expect(await isFree(boardPort)).toBe(true);
  }, 150_000);
});
